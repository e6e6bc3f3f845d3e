package dev.stagecraft.runtime.components.data;

/**
 * The statistics the transformers need, computed on {@code double[]} exactly as numpy, pandas and
 * scikit-learn define them (Tablesaw's own differ: its standard deviation is the sample one and its
 * percentile does not interpolate). {@code NaN} means missing and is ignored everywhere.
 */
final class Stats {
  private Stats() {}

  /** Number of non-missing values. */
  static int count(double[] values) {
    int count = 0;
    for (double v : values) {
      if (v == v) {
        count++;
      }
    }
    return count;
  }

  /**
   * Mean of the non-missing values ({@code NaN} when there are none): their sum by numpy's pairwise
   * summation (as {@code np.nansum} and masked means add up a column of a pandas frame), divided by
   * their count.
   */
  static double mean(double[] values) {
    return mean(values, count(values));
  }

  /** {@link #mean(double[])} when the count of non-missing values is known. */
  static double mean(double[] values, int count) {
    return count == 0 ? Double.NaN : sum(values, 0, values.length, 0.0, false) / count;
  }

  /**
   * Population variance of the non-missing values by scikit-learn's corrected two-pass algorithm
   * ({@code _incremental_mean_and_var}): with {@code d = x - mean}, {@code (nansum(d^2) -
   * nansum(d)^2 / n) / n}, each sum pairwise as numpy adds.
   */
  static double populationVariance(double[] values, double mean) {
    return populationVariance(values, mean, count(values));
  }

  /** {@link #populationVariance(double[], double)} when the count is known. */
  static double populationVariance(double[] values, double mean, int count) {
    if (count == 0) {
      return Double.NaN;
    }
    double correction = sum(values, 0, values.length, mean, false);
    double squares = sum(values, 0, values.length, mean, true);
    return (squares - correction * correction / count) / count;
  }

  /**
   * numpy's {@code pairwise_sum} of {@code term(a[i])} over {@code a[from, from + n)}, where a term
   * is {@code x - shift} (squared when {@code square}) and a missing {@code x} contributes 0.
   */
  static double sum(double[] a, int from, int n, double shift, boolean square) {
    if (n < 8) {
      double res = 0.0;
      for (int i = from; i < from + n; i++) {
        res += term(a[i], shift, square);
      }
      return res;
    }
    if (n <= 128) {
      double r0 = term(a[from], shift, square);
      double r1 = term(a[from + 1], shift, square);
      double r2 = term(a[from + 2], shift, square);
      double r3 = term(a[from + 3], shift, square);
      double r4 = term(a[from + 4], shift, square);
      double r5 = term(a[from + 5], shift, square);
      double r6 = term(a[from + 6], shift, square);
      double r7 = term(a[from + 7], shift, square);
      int i = 8;
      int unrolled = n - n % 8;
      for (; i < unrolled; i += 8) {
        int j = from + i;
        r0 += term(a[j], shift, square);
        r1 += term(a[j + 1], shift, square);
        r2 += term(a[j + 2], shift, square);
        r3 += term(a[j + 3], shift, square);
        r4 += term(a[j + 4], shift, square);
        r5 += term(a[j + 5], shift, square);
        r6 += term(a[j + 6], shift, square);
        r7 += term(a[j + 7], shift, square);
      }
      double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < n; i++) {
        res += term(a[from + i], shift, square);
      }
      return res;
    }
    int half = n / 2;
    half -= half % 8;
    return sum(a, from, half, shift, square) + sum(a, from + half, n - half, shift, square);
  }

  /** {@code x - shift}, squared when {@code square}; 0 for a missing {@code x}. */
  private static double term(double x, double shift, boolean square) {
    double d = x - shift;
    return x == x ? (square ? d * d : d) : 0.0;
  }

  /** Smallest non-missing value ({@code NaN} when there are none). */
  static double min(double[] values) {
    double min = Double.NaN;
    for (double v : values) {
      if (v == v && !(v >= min)) {
        min = v;
      }
    }
    return min;
  }

  /** Largest non-missing value ({@code NaN} when there are none). */
  static double max(double[] values) {
    double max = Double.NaN;
    for (double v : values) {
      if (v == v && !(v <= max)) {
        max = v;
      }
    }
    return max;
  }

  /**
   * The non-missing values at the start of a new array; returns their count via {@code out[0..n)}.
   */
  private static int present(double[] values, double[] out) {
    int j = 0;
    for (double v : values) {
      if (v == v) {
        out[j++] = v;
      }
    }
    return j;
  }

  /**
   * Quantiles {@code qs} (ascending, in [0, 1]) of the non-missing values with numpy's default
   * "linear" method, as pandas' {@code quantile} and {@code np.nanpercentile} compute them. Uses
   * quickselect on a copy, so it runs in linear time. All {@code NaN} when no value is present.
   */
  static double[] quantiles(double[] values, double... qs) {
    double[] work = new double[values.length];
    int n = present(values, work);
    double[] out = new double[qs.length];
    if (n == 0) {
      java.util.Arrays.fill(out, Double.NaN);
      return out;
    }
    // Select from the highest rank down, so each selection only works on the part left of the last.
    int bound = n;
    int lastBelow = -1;
    double lastA = 0;
    double lastB = 0;
    for (int i = qs.length - 1; i >= 0; i--) {
      double q = qs[i];
      // numpy _compute_virtual_index with alpha = beta = 1.
      double virtual = n * q + (1.0 + q * (1.0 - 1.0 - 1.0)) - 1.0;
      int below = (int) Math.floor(virtual);
      int above = below + 1;
      if (virtual >= n - 1) {
        below = n - 1;
        above = n - 1;
      } else if (virtual < 0) {
        below = 0;
        above = 0;
      }
      double gamma = virtual - below;
      double a;
      double b;
      if (below == lastBelow) {
        a = lastA;
        b = lastB;
      } else {
        a = select(work, 0, bound, below);
        b = above == below ? a : minOf(work, below + 1, bound);
      }
      out[i] = lerp(a, b, gamma);
      bound = below + 1;
      lastBelow = below;
      lastA = a;
      lastB = b;
    }
    return out;
  }

  /** Median of the non-missing values: the mean of the two middle ones for an even count. */
  static double median(double[] values) {
    double[] work = new double[values.length];
    int n = present(values, work);
    if (n == 0) {
      return Double.NaN;
    }
    int mid = n / 2;
    double upper = select(work, 0, n, mid);
    if (n % 2 == 1) {
      return upper;
    }
    double lower = maxOf(work, 0, mid);
    return (lower + upper) / 2;
  }

  /**
   * numpy's {@code _lerp}: {@code a + (b - a) t}, computed from {@code b} when {@code t >= 0.5}.
   */
  static double lerp(double a, double b, double t) {
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /**
   * The most frequent non-missing value, the smallest among ties (as scipy's {@code mode} and
   * scikit-learn's {@code SimpleImputer}); {@code NaN} when there is none.
   */
  static double mostFrequent(double[] values) {
    double[] sorted = new double[values.length];
    sorted = java.util.Arrays.copyOf(sorted, present(values, sorted));
    if (sorted.length == 0) {
      return Double.NaN;
    }
    java.util.Arrays.sort(sorted);
    double best = sorted[0];
    int bestRun = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      if (j - i > bestRun) {
        bestRun = j - i;
        best = sorted[i];
      }
      i = j;
    }
    return best == 0.0 ? 0.0 : best; // -0.0 and 0.0 are one value; report it as 0.0
  }

  /**
   * Pearson correlation over the rows where both values are present, by Welford's algorithm as
   * pandas' {@code DataFrame.corr} computes it; {@code NaN} when fewer than one pair or when either
   * side has no variance.
   */
  static double pearson(double[] x, double[] y) {
    long nobs = 0;
    double meanX = 0;
    double meanY = 0;
    double ssqX = 0;
    double ssqY = 0;
    double cov = 0;
    for (int i = 0; i < x.length; i++) {
      double vx = x[i];
      double vy = y[i];
      if (vx == vx && vy == vy) {
        nobs++;
        double dx = vx - meanX;
        double dy = vy - meanY;
        meanX += 1.0 / nobs * dx;
        meanY += 1.0 / nobs * dy;
        ssqX += (vx - meanX) * dx;
        ssqY += (vy - meanY) * dy;
        cov += (vx - meanX) * dy;
      }
    }
    if (nobs < 1) {
      return Double.NaN;
    }
    double divisor = Math.sqrt(ssqX * ssqY);
    return divisor != 0 ? cov / divisor : Double.NaN;
  }

  /** Rearranges {@code a[from, to)} so that {@code a[k]} is the value of rank k; returns it. */
  static double select(double[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    while (hi > lo) {
      // median of three as pivot
      int mid = (lo + hi) >>> 1;
      double x = a[lo];
      double y = a[mid];
      double z = a[hi];
      double pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private static double minOf(double[] a, int from, int to) {
    double min = a[from];
    for (int i = from + 1; i < to; i++) {
      if (a[i] < min) {
        min = a[i];
      }
    }
    return min;
  }

  private static double maxOf(double[] a, int from, int to) {
    double max = a[from];
    for (int i = from + 1; i < to; i++) {
      if (a[i] > max) {
        max = a[i];
      }
    }
    return max;
  }
}
