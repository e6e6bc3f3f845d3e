package dev.stagecraft.runtime.plan.optimize;

import java.util.Arrays;
import java.util.List;

/** The few order statistics the optimizer uses, on plain lists of numbers. */
public final class Statistics {
  private Statistics() {}

  /** The median: the middle value, or the mean of the two middle values; NaN for none. */
  public static double median(List<Double> values) {
    return percentile(values, 0.5);
  }

  /**
   * The {@code p}-quantile (0 to 1) with linear interpolation between the closest ranks, as NumPy's
   * default: for sorted {@code x} of size n, {@code h = (n - 1) p} and the value is {@code x[floor
   * h] + (h - floor h) (x[floor h + 1] - x[floor h])}; NaN for no values.
   */
  public static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(x);
    double h = (x.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, x.length - 1);
    return x[lo] + (h - lo) * (x[hi] - x[lo]);
  }

  /**
   * The spread of values around their median, relative to it: the median absolute deviation over
   * the median (0 when the median is 0).
   */
  public static double relativeSpread(List<Double> values) {
    double m = median(values);
    if (values.isEmpty() || m == 0) {
      return 0;
    }
    return median(values.stream().map(v -> Math.abs(v - m)).toList()) / Math.abs(m);
  }
}
