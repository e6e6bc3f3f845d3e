package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Adds products of strongly correlated feature pairs: for each pair i &lt; j of numeric feature
 * columns (in column order, among the columns present when fitted) whose absolute Pearson
 * correlation (over the rows where both are present, as pandas' {@code DataFrame.corr}) is greater
 * than the threshold, a column {@code a_x_b = a * b} is appended. A pair with a constant column has
 * no correlation and gets no product.
 */
public final class InteractionFeatures {
  private final double threshold;
  private final String target;

  /**
   * Interactions for pairs with {@code |r| > threshold}; {@code target} (may be null) is left out.
   */
  public InteractionFeatures(double threshold, String target) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new DataException(
          "interaction threshold "
              + threshold
              + " is not a correlation; use a value between 0 and 1, e.g. 0.8");
    }
    this.threshold = threshold;
    this.target = target;
  }

  /** Finds the correlated pairs in {@code table}. */
  public InteractionState fit(Table table) {
    FeatureColumns.requireTarget(table, target);
    List<String> names = FeatureColumns.numeric(table, target);
    double[][] values = new double[names.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = FeatureColumns.view(table, names.get(i));
    }
    List<InteractionState.Pair> pairs = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      for (int j = i + 1; j < values.length; j++) {
        // pandas' nancorr fills result[xi, yi] for yi <= xi: x is the later column
        double r = Stats.pearson(values[j], values[i]);
        if (Math.abs(r) > threshold) {
          String name = names.get(i) + "_x_" + names.get(j);
          if (table.columnNames().contains(name)) {
            throw new DataException(
                "interaction column '"
                    + name
                    + "' would replace an existing"
                    + " column of that name; rename the column or raise --interactions");
          }
          pairs.add(new InteractionState.Pair(names.get(i), names.get(j), name, r));
        }
      }
    }
    return new InteractionState(threshold, pairs);
  }
}
