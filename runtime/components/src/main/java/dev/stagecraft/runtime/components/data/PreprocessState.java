package dev.stagecraft.runtime.components.data;

import tech.tablesaw.api.Table;

/**
 * Everything {@link Preprocessor} learned, step by step (a step that was off is null); applying it
 * to new data repeats the same transformation with the training statistics.
 */
public record PreprocessState(
    String target,
    ImputerState imputer,
    ScalerState scaler,
    InteractionState interactions,
    CapperState capper)
    implements FittedTransform {

  @Override
  public Table transform(Table table) {
    FeatureColumns.requireTarget(table, target);
    Table current = table;
    if (imputer != null) {
      current = imputer.transform(current);
    }
    if (scaler != null) {
      current = scaler.transform(current);
    }
    if (interactions != null) {
      current = interactions.transform(current);
    }
    if (capper != null) {
      current = capper.transform(current);
    }
    return current;
  }
}
