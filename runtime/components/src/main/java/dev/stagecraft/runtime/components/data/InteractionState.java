package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A fitted {@link InteractionFeatures}: the pairs whose product is appended, with the correlation
 * measured at fit time.
 */
public record InteractionState(double threshold, List<Pair> pairs) implements FittedTransform {

  /** One product column {@code name = left * right}. */
  public record Pair(String left, String right, String name, double correlation) {}

  /** Copies the list. */
  public InteractionState {
    pairs = List.copyOf(pairs);
  }

  @Override
  public Table transform(Table table) {
    List<Column<?>> added = new ArrayList<>(pairs.size());
    for (Pair pair : pairs) {
      double[] a = FeatureColumns.view(table, pair.left());
      double[] b = FeatureColumns.view(table, pair.right());
      double[] product = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        product[i] = a[i] * b[i];
      }
      added.add(DoubleArrayColumn.wrap(pair.name(), product));
    }
    return added.isEmpty() ? table : Tables.append(table, added);
  }
}
