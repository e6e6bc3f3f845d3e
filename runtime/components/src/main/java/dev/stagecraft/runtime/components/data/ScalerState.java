package dev.stagecraft.runtime.components.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * A fitted {@link Scaler}. For {@code standard} and {@code robust}, {@code offset} is the centre
 * and a value becomes {@code (x - offset) / scale}; for {@code minmax}, {@code offset} is
 * scikit-learn's {@code min_} and a value becomes {@code x * scale + offset}. Missing values stay
 * missing.
 */
public record ScalerState(ScaleMethod method, List<ColumnScale> columns)
    implements FittedTransform {

  /** How one column is scaled. */
  public record ColumnScale(String column, double offset, double scale) {}

  /** Copies the list. */
  public ScalerState {
    columns = List.copyOf(columns);
  }

  @Override
  public Table transform(Table table) {
    return transform(table, Set.of());
  }

  /** Scales, overwriting the arrays of the {@code owned} columns (which nothing else may use). */
  Table transform(Table table, Set<String> owned) {
    Map<String, double[]> scaled = new LinkedHashMap<>();
    for (ColumnScale column : columns) {
      double[] values = FeatureColumns.view(table, column.column());
      double[] out = owned.contains(column.column()) ? values : new double[values.length];
      double offset = column.offset();
      double scale = column.scale();
      if (method == ScaleMethod.MINMAX) {
        for (int i = 0; i < values.length; i++) {
          out[i] = values[i] * scale + offset;
        }
      } else {
        for (int i = 0; i < values.length; i++) {
          out[i] = (values[i] - offset) / scale;
        }
      }
      scaled.put(column.column(), out);
    }
    return Tables.withDoubles(table, scaled);
  }
}
