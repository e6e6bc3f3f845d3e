package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Scales the numeric feature columns as scikit-learn 1.2 does, ignoring missing values at fit time
 * and keeping them at transform time:
 *
 * <ul>
 *   <li>{@code standard} ({@code StandardScaler}): {@code (x - mean) / std} with the population
 *       standard deviation; a constant column (variance within rounding of zero, by scikit-learn's
 *       own test) gets scale 1, so it becomes 0.
 *   <li>{@code robust} ({@code RobustScaler}): {@code (x - median) / (q75 - q25)}, quartiles by
 *       linear interpolation; an interquartile range below {@code 10 * ulp(1)} gets scale 1.
 *   <li>{@code minmax} ({@code MinMaxScaler}, range 0..1): {@code x * s + (0 - min * s)} with
 *       {@code s = 1 / (max - min)}, in that order of operations; a constant column gets {@code s =
 *       1}, so it becomes 0.
 * </ul>
 */
public final class Scaler {
  private static final double EPS = Math.ulp(1.0);

  private final ScaleMethod method;
  private final String target;

  /** A scaler; {@code target} (may be null) is never scaled. */
  public Scaler(ScaleMethod method, String target) {
    if (method == ScaleMethod.NONE) {
      throw new DataException("scaling method 'none' has nothing to fit; skip the scaler");
    }
    this.method = method;
    this.target = target;
  }

  /** Learns each numeric feature column's offset and scale from {@code table}. */
  public ScalerState fit(Table table) {
    FeatureColumns.requireTarget(table, target);
    List<ScalerState.ColumnScale> scales = new ArrayList<>();
    for (String name : FeatureColumns.numeric(table, target)) {
      double[] values = FeatureColumns.view(table, name);
      scales.add(
          switch (method) {
            case STANDARD -> standard(name, values);
            case ROBUST -> robust(name, values);
            case MINMAX -> minmax(name, values);
            case NONE -> throw new IllegalStateException();
          });
    }
    return new ScalerState(method, scales);
  }

  private static ScalerState.ColumnScale standard(String name, double[] values) {
    int n = Stats.count(values);
    double mean = Stats.mean(values, n);
    double variance = Stats.populationVariance(values, mean, n);
    double scale = Math.sqrt(variance);
    // sklearn.preprocessing._data._is_constant_feature
    double upperBound = n * EPS * variance + (n * mean * EPS) * (n * mean * EPS);
    if (variance <= upperBound) {
      scale = 1.0;
    }
    return new ScalerState.ColumnScale(name, mean, scale);
  }

  private static ScalerState.ColumnScale robust(String name, double[] values) {
    double median = Stats.median(values);
    double[] quartiles = Stats.quantiles(values, 0.25, 0.75);
    double scale = quartiles[1] - quartiles[0];
    if (scale < 10 * EPS) {
      scale = 1.0;
    }
    return new ScalerState.ColumnScale(name, median, scale);
  }

  private static ScalerState.ColumnScale minmax(String name, double[] values) {
    double min = Stats.min(values);
    double max = Stats.max(values);
    double range = max - min;
    if (range < 10 * EPS) {
      range = 1.0;
    }
    double scale = 1.0 / range;
    double offset = 0.0 - min * scale;
    return new ScalerState.ColumnScale(name, offset, scale);
  }
}
