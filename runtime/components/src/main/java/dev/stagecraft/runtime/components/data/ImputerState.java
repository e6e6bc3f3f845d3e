package dev.stagecraft.runtime.components.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A fitted {@link Imputer}: the fill value of each numeric feature column (the training mean for
 * knn, used when a row shares no present feature with any donor) and, for knn, the training columns
 * ({@code NaN} for missing; Jackson writes it as {@code "NaN"}).
 */
public record ImputerState(
    ImputeStrategy strategy, int k, List<Fill> fills, List<double[]> training)
    implements FittedTransform {

  /** The value that fills missing cells of {@code column}. */
  public record Fill(String column, double value) {}

  /** Copies the lists. */
  public ImputerState {
    fills = List.copyOf(fills);
    training = training == null ? null : List.copyOf(training);
  }

  @Override
  public Table transform(Table table) {
    return apply(table).table();
  }

  /** The imputed table and the number of cells filled. */
  public Transformed apply(Table table) {
    if (strategy == ImputeStrategy.KNN) {
      return KnnImputation.apply(this, table);
    }
    Map<String, double[]> filled = new LinkedHashMap<>();
    long count = 0;
    for (Fill fill : fills) {
      double[] values = FeatureColumns.view(table, fill.column());
      double[] out = null;
      double value = fill.value();
      for (int i = 0; i < values.length; i++) {
        double v = values[i];
        if (v != v) {
          if (out == null) {
            out = values.clone();
          }
          out[i] = value;
          count++;
        }
      }
      if (out != null) {
        filled.put(fill.column(), out);
      }
    }
    return new Transformed(filled.isEmpty() ? table : Tables.withDoubles(table, filled), count);
  }
}
