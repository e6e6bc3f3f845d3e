package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Caps outliers by the IQR rule: with the quartiles q1 and q3 of each numeric feature column
 * (linear interpolation, as pandas' {@code quantile}), values below {@code q1 - factor * (q3 - q1)}
 * or above {@code q3 + factor * (q3 - q1)} are set to that fence. Missing values stay missing.
 */
public final class OutlierCapper {
  /** Tukey's factor, the default. */
  public static final double DEFAULT_FACTOR = 1.5;

  private final double factor;
  private final String target;

  /** A capper with the given factor; {@code target} (may be null) is never capped. */
  public OutlierCapper(double factor, String target) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new DataException("IQR factor " + factor + " must be a number >= 0, e.g. 1.5");
    }
    this.factor = factor;
    this.target = target;
  }

  /** Learns each column's fences from {@code table}. */
  public CapperState fit(Table table) {
    FeatureColumns.requireTarget(table, target);
    List<CapperState.Fences> fences = new ArrayList<>();
    for (String name : FeatureColumns.numeric(table, target)) {
      double[] q = Stats.quantiles(FeatureColumns.view(table, name), 0.25, 0.75);
      double iqr = q[1] - q[0];
      fences.add(new CapperState.Fences(name, q[0] - factor * iqr, q[1] + factor * iqr));
    }
    return new CapperState(factor, fences);
  }
}
