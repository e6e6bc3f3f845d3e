package dev.stagecraft.runtime.plan.optimize;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A quantity (a stage's duration, its memory) as a function of the run's {@code data_size}, fitted
 * by least squares on the history: a power law ({@code y = a size^b}, a straight line on log-log
 * axes, for work that grows faster or slower than the data) or a line ({@code y = a + b size}, for
 * work proportional to the data on top of a fixed cost). Both are fitted; the one with the smaller
 * squared error of log values (relative errors, so small and large sizes weigh alike) is kept.
 *
 * <pre>{@code
 * Optional<SizeModel> m = SizeModel.fit(List.of(new double[] {1e6, 1.5}, new double[] {2e6, 2.5},
 *     new double[] {4e6, 4.5}));   // LINEAR: 0.5 + 1e-6 size
 * m.get().at(8e6);                 // 8.5
 * }</pre>
 *
 * @param a the power law's factor, or the line's intercept
 * @param b the power law's exponent, or the line's slope
 * @param rSquared the share of the variance of log values the model explains (1 when they do not
 *     vary and the model has no error)
 * @param typicalError the standard error of the log values, about the typical relative error: the
 *     root of the squared log errors over the degrees of freedom (points - 2, at least 1)
 * @param points the points fitted
 * @param sizes the distinct sizes among them
 * @param minSize the smallest size fitted
 * @param maxSize the largest size fitted
 */
public record SizeModel(
    Kind kind,
    double a,
    double b,
    double rSquared,
    double typicalError,
    int points,
    int sizes,
    double minSize,
    double maxSize) {

  /** The distinct sizes a fit needs: with fewer, two parameters leave no error to measure. */
  public static final int MIN_SIZES = 3;

  /** The form of the model. */
  public enum Kind {
    POWER_LAW,
    LINEAR
  }

  /** The model's value at {@code size}. */
  public double at(double size) {
    return kind == Kind.POWER_LAW ? a * Math.pow(size, b) : a + b * size;
  }

  /**
   * How far {@code size} lies outside the fitted sizes, as a factor from 1 (inside) down: the
   * fitted range over the range plus the distance beyond it, on a log scale.
   */
  public double coverage(double size) {
    double range = Math.log(maxSize / minSize);
    double beyond =
        size > maxSize ? Math.log(size / maxSize) : size < minSize ? Math.log(minSize / size) : 0;
    return beyond == 0 ? 1 : range / (range + beyond);
  }

  /** The model as a formula of {@code size}, e.g. {@code 2.1e-06 x size^0.98}. */
  public String formula() {
    return kind == Kind.POWER_LAW
        ? String.format(Locale.ROOT, "%.3g x size^%.3f", a, b)
        : String.format(Locale.ROOT, "%.3g + %.3g x size", a, b);
  }

  /**
   * Fits both forms to the points ({@code {size, value}}, positive sizes and values only) and
   * returns the better; empty with fewer than {@link #MIN_SIZES} distinct sizes.
   */
  public static Optional<SizeModel> fit(List<double[]> points) {
    List<double[]> usable = points.stream().filter(p -> p[0] > 0 && p[1] > 0).toList();
    long distinct = usable.stream().mapToDouble(p -> p[0]).distinct().count();
    if (distinct < MIN_SIZES) {
      return Optional.empty();
    }
    int n = usable.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] logX = new double[n];
    double[] logY = new double[n];
    double min = Double.MAX_VALUE;
    double max = 0;
    for (int i = 0; i < n; i++) {
      x[i] = usable.get(i)[0];
      y[i] = usable.get(i)[1];
      logX[i] = Math.log(x[i]);
      logY[i] = Math.log(y[i]);
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    double[] power = leastSquares(logX, logY);
    double[] line = leastSquares(x, y);
    double powerError = 0;
    double lineError = 0;
    boolean linePositive = true;
    for (int i = 0; i < n; i++) {
      double p = power[0] + power[1] * logX[i] - logY[i];
      powerError += p * p;
      double fitted = line[0] + line[1] * x[i];
      if (fitted <= 0) {
        linePositive = false;
      } else {
        double l = Math.log(fitted) - logY[i];
        lineError += l * l;
      }
    }
    double meanLogY = 0;
    for (double v : logY) {
      meanLogY += v / n;
    }
    double total = 0;
    for (double v : logY) {
      total += (v - meanLogY) * (v - meanLogY);
    }
    boolean linear = linePositive && lineError < powerError;
    double error = linear ? lineError : powerError;
    double rSquared = total > 0 ? Math.max(0, 1 - error / total) : error < 1e-18 ? 1 : 0;
    double typical = Math.sqrt(error / Math.max(1, n - 2));
    return Optional.of(
        linear
            ? new SizeModel(
                Kind.LINEAR, line[0], line[1], rSquared, typical, n, (int) distinct, min, max)
            : new SizeModel(
                Kind.POWER_LAW,
                Math.exp(power[0]),
                power[1],
                rSquared,
                typical,
                n,
                (int) distinct,
                min,
                max));
  }

  /** Ordinary least squares of y on x: {intercept, slope}. */
  private static double[] leastSquares(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }
}
