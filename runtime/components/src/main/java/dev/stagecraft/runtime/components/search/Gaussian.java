package dev.stagecraft.runtime.components.search;

/**
 * The standard normal distribution for the TPE sampler's truncated normals: the CDF and its
 * logarithm (accurate far into the lower tail, where interval masses of distant mixture components
 * are tiny), the log mass of an interval, and inverse-CDF sampling of a truncated normal.
 *
 * <p>{@code erfc} comes from two expansions that need no fitted constants: the series {@code erf(x)
 * = 2/sqrt(pi) exp(-x^2) sum (2x^2)^n x / (1*3*...*(2n+1))} below {@value #SERIES_LIMIT}, and the
 * continued fraction {@code erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x +
 * ...))))} above it, evaluated in log space so that nothing underflows, with {@code 8 + 200/x^2}
 * terms (enough for double precision from {@value #SERIES_LIMIT} on).
 */
final class Gaussian {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
  private static final double SQRT2 = Math.sqrt(2);
  private static final double SERIES_LIMIT = 2.5;
  private static final double BRACKET = 1e-3;
  private static final int NEWTON_STEPS = 3;

  private Gaussian() {}

  /** The log density of the standard normal at {@code z}. */
  static double logPdf(double z) {
    return -0.5 * z * z - LOG_SQRT_2PI;
  }

  /** The CDF at {@code z}. */
  static double cdf(double z) {
    return z < 0 ? 0.5 * Math.exp(logErfc(-z / SQRT2)) : 1 - 0.5 * Math.exp(logErfc(z / SQRT2));
  }

  /** The log of the CDF at {@code z}, finite down to about -1e154. */
  static double logCdf(double z) {
    return z < 0
        ? Math.log(0.5) + logErfc(-z / SQRT2)
        : Math.log1p(-0.5 * Math.exp(logErfc(z / SQRT2)));
  }

  /** The log of the mass of {@code [a, b]}; negative infinity when {@code a >= b}. */
  static double logMass(double a, double b) {
    if (!(a < b)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (a > 0) {
      return logMass(-b, -a);
    }
    if (b <= 0) {
      double upper = logCdf(b);
      return upper + Math.log1p(-Math.exp(logCdf(a) - upper));
    }
    return Math.log1p(-cdf(a) - cdf(-b));
  }

  /**
   * The point of the standard normal truncated to {@code [a, b]} whose truncated CDF is {@code u}
   * (a uniform draw gives a draw of the truncated normal): bisection on the CDF down to a width of
   * about 1e-3, then Newton steps kept inside the bracket. The TPE sampler's intervals always hold
   * the component's mean, so their mass is large and the CDF precise enough.
   */
  static double truncatedQuantile(double a, double b, double u) {
    double low = Math.max(a, -40);
    double high = Math.min(b, 40);
    double base = cdf(low);
    double target = base + u * (cdf(high) - base);
    while (high - low > BRACKET) {
      double mid = 0.5 * (low + high);
      if (cdf(mid) < target) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double z = 0.5 * (low + high);
    for (int i = 0; i < NEWTON_STEPS; i++) {
      double density = Math.exp(logPdf(z));
      if (density == 0) {
        break;
      }
      z = Math.min(high, Math.max(low, z - (cdf(z) - target) / density));
    }
    return z;
  }

  /** The log of {@code erfc(x)} for {@code x >= 0}. */
  private static double logErfc(double x) {
    if (x < SERIES_LIMIT) {
      double x2 = x * x;
      double term = x;
      double sum = x;
      for (int n = 1; term > 1e-17 * sum; n++) {
        term *= 2 * x2 / (2 * n + 1);
        sum += term;
      }
      return Math.log1p(-Math.exp(-x2 - LOG_SQRT_PI + Math.log(2 * sum)));
    }
    double fraction = x;
    for (int n = (int) Math.ceil(8 + 200 / (x * x)); n >= 1; n--) {
      fraction = x + (n / 2.0) / fraction;
    }
    return -x * x - LOG_SQRT_PI - Math.log(fraction);
  }
}
