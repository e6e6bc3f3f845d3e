package dev.stagecraft.runtime.components.data;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The preprocessing chain: impute, then scale, then add interaction features, then cap outliers
 * (each optional), each step fitted on the output of the one before. Columns keep their order;
 * interaction columns are appended.
 *
 * <pre>{@code
 * Preprocessor.Result result = new Preprocessor(PreprocessOptions.defaults()
 *     .withTarget("diagnosis").withImpute(ImputeStrategy.MEDIAN).withScale(ScaleMethod.ROBUST))
 *     .fitTransform(train);
 * Table test2 = result.state().transform(test);
 * }</pre>
 */
public final class Preprocessor {
  private final PreprocessOptions options;

  /** A preprocessor doing what {@code options} say. */
  public Preprocessor(PreprocessOptions options) {
    this.options = options;
  }

  /** The transformed table, the fitted state and the quality report. */
  public record Result(Table table, PreprocessState state, QualityReport report) {}

  /** Fits every step on {@code table} (each on the previous step's output) and transforms it. */
  public Result fitTransform(Table table) {
    String target = options.target();
    FeatureColumns.requireTarget(table, target);
    Table current = table;
    ImputerState imputer = null;
    long imputed = 0;
    if (options.impute() != ImputeStrategy.NONE) {
      imputer =
          new Imputer(options.impute(), options.fillValue(), options.knnK(), target).fit(current);
      Transformed step = imputer.apply(current);
      current = step.table();
      imputed = step.cellsChanged();
    }
    ScalerState scaler = null;
    if (options.scale() != ScaleMethod.NONE) {
      scaler = new Scaler(options.scale(), target).fit(current);
      current = scaler.transform(current, created(table, current));
    }
    InteractionState interactions = null;
    if (options.interactionThreshold() != null) {
      interactions = new InteractionFeatures(options.interactionThreshold(), target).fit(current);
      current = interactions.transform(current);
    }
    CapperState capper = null;
    long capped = 0;
    if (options.capOutliers() != OutlierMethod.NONE) {
      capper = new OutlierCapper(options.iqrFactor(), target).fit(current);
      Transformed step = capper.apply(current, created(table, current));
      current = step.table();
      capped = step.cellsChanged();
    }
    QualityReport report =
        QualityReport.of(
            current,
            imputed,
            capped,
            interactions == null ? 0 : interactions.pairs().size(),
            options.scale());
    return new Result(
        current, new PreprocessState(target, imputer, scaler, interactions, capper), report);
  }

  /**
   * Names of the columns of {@code current} that an earlier step created (not the caller's own
   * columns): only the discarded intermediate tables share them, so the next step may overwrite
   * their arrays instead of allocating new ones.
   */
  private static Set<String> created(Table input, Table current) {
    Set<Column<?>> original = Collections.newSetFromMap(new IdentityHashMap<>());
    original.addAll(input.columns());
    Set<String> names = new HashSet<>();
    for (Column<?> column : current.columns()) {
      if (!original.contains(column)) {
        names.add(column.name());
      }
    }
    return names;
  }
}
