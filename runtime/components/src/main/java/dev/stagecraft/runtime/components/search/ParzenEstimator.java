package dev.stagecraft.runtime.components.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The TPE sampler's density over one or more parameters, fitted to a set of observations (Bergstra
 * et al. 2011, as Optuna's {@code TPESampler} builds it): a mixture with one component per
 * observation plus a prior component. A component is a product over the parameters of a truncated
 * normal (reals, integers) or a smoothed choice distribution (categorical). Components weigh the
 * same, except that observations older than the newest {@value #FLAT_WEIGHTS} weigh less.
 *
 * <p>Values are in internal scale: the logarithm on a log scale, the index of a choice.
 *
 * <p>Bandwidths: for one parameter alone (independent TPE), each component's is the larger gap to
 * its neighbours (the outermost ones use their inner gap); for the joint density (multivariate
 * TPE), every component's is {@code 0.2 n^(-1/(d+4))} of the range (Scott's rule, as BOHB and
 * Optuna). Both are clipped to between {@code range / min(100, components)} and the range; the
 * prior is centred on the middle with the whole range as bandwidth.
 */
final class ParzenEstimator {
  /** How many of the newest observations keep full weight. */
  static final int FLAT_WEIGHTS = 25;

  /** The prior component's weight before normalization (Optuna's {@code prior_weight}). */
  static final double PRIOR_WEIGHT = 1.0;

  private static final double SCOTT_FACTOR = 0.2;

  private final double[] weights;
  private final double[] logWeights;
  private final Dimension[] dimensions;

  /**
   * The mixture over {@code observations[d][i]}: the value of parameter {@code d} in observation
   * {@code i} (internal scale, observations in chronological order).
   *
   * @param multivariate Scott's rule for the bandwidths (else neighbour gaps, one parameter only)
   */
  ParzenEstimator(List<Parameter> parameters, double[][] observations, boolean multivariate) {
    int n = observations.length == 0 ? 0 : observations[0].length;
    weights = weights(n);
    logWeights = Arrays.stream(weights).map(Math::log).toArray();
    dimensions = new Dimension[parameters.size()];
    double scott =
        !multivariate
            ? Double.NaN
            : SCOTT_FACTOR * Math.pow(Math.max(n, 1), -1.0 / (parameters.size() + 4));
    for (int d = 0; d < dimensions.length; d++) {
      Parameter p = parameters.get(d);
      double[] obs = observations[d];
      if (p instanceof Parameter.Categorical c) {
        dimensions[d] = new Choice(obs, c.choices().size());
      } else if (p instanceof Parameter.IntRange r) {
        dimensions[d] = new Numeric(obs, r.low() - 0.5, r.high() + 0.5, true, scott);
      } else {
        Parameter.FloatRange r = (Parameter.FloatRange) p;
        dimensions[d] =
            r.log()
                ? new Numeric(obs, Math.log(r.low()), Math.log(r.high()), false, scott)
                : new Numeric(obs, r.low(), r.high(), false, scott);
      }
    }
  }

  /**
   * The normalized weights of {@code n} chronological observations followed by the prior: 1 each
   * for up to {@value #FLAT_WEIGHTS}; beyond that the oldest ramp linearly from {@code 1/n} to 1.
   */
  static double[] weights(int n) {
    double[] w = new double[n + 1];
    int ramp = Math.max(0, n - FLAT_WEIGHTS);
    for (int i = 0; i < n; i++) {
      if (i < ramp) {
        w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
      } else {
        w[i] = 1;
      }
    }
    w[n] = PRIOR_WEIGHT;
    double sum = Arrays.stream(w).sum();
    for (int i = 0; i <= n; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /** {@code count} draws: {@code [parameter][draw]}, in internal scale (integers rounded). */
  double[][] sample(SplittableRandom random, int count) {
    int[] active = new int[count];
    for (int i = 0; i < count; i++) {
      active[i] = pick(weights, random.nextDouble());
    }
    double[][] samples = new double[dimensions.length][count];
    for (int d = 0; d < dimensions.length; d++) {
      for (int i = 0; i < count; i++) {
        samples[d][i] = dimensions[d].sample(active[i], random.nextDouble());
      }
    }
    return samples;
  }

  /** The log density of each draw of {@code samples} ({@code [parameter][draw]}). */
  double[] logPdf(double[][] samples) {
    int count = samples[0].length;
    double[][] terms = new double[count][];
    for (int i = 0; i < count; i++) {
      terms[i] = logWeights.clone();
    }
    for (int d = 0; d < dimensions.length; d++) {
      Map<Double, double[]> seen = new HashMap<>();
      for (int i = 0; i < count; i++) {
        double[] byComponent = seen.computeIfAbsent(samples[d][i], dimensions[d]::logPdfs);
        for (int j = 0; j < byComponent.length; j++) {
          terms[i][j] += byComponent[j];
        }
      }
    }
    double[] result = new double[count];
    for (int i = 0; i < count; i++) {
      result[i] = logSumExp(terms[i]);
    }
    return result;
  }

  /** The index of the weight that the uniform draw {@code u} falls into. */
  static int pick(double[] weights, double u) {
    double cumulative = 0;
    for (int i = 0; i < weights.length - 1; i++) {
      cumulative += weights[i];
      if (u < cumulative) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static double logSumExp(double[] terms) {
    double max = Double.NEGATIVE_INFINITY;
    for (double t : terms) {
      max = Math.max(max, t);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }

  /** One parameter's part of every component. */
  private sealed interface Dimension permits Numeric, Choice {
    /** A draw from component {@code j} given the uniform draw {@code u}. */
    double sample(int j, double u);

    /** The log density of {@code value} under each component (computed once per value). */
    double[] logPdfs(double value);
  }

  /**
   * Truncated normals on {@code [low, high]}; integers use {@code [low - 0.5, high + 0.5]} and the
   * mass of {@code [k - 0.5, k + 0.5]} as the probability of {@code k}. Like Optuna 3.1, a
   * continuous density leaves out the {@code 1/bandwidth} factor, which makes narrow components
   * weigh less and the search explore more (including it measured worse on every test function).
   */
  private static final class Numeric implements Dimension {
    private final double low;
    private final double high;
    private final boolean discrete;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] logMasses;

    /** {@code scott} is the bandwidth as a fraction of the range, or NaN for neighbour gaps. */
    Numeric(double[] observations, double low, double high, boolean discrete, double scott) {
      this.low = low;
      this.high = high;
      this.discrete = discrete;
      int n = observations.length;
      mus = Arrays.copyOf(observations, n + 1);
      mus[n] = 0.5 * (low + high);
      sigmas = Double.isNaN(scott) ? neighbourGaps(mus, low, high) : new double[n + 1];
      double max = high - low;
      double min = max / Math.min(100.0, 1.0 + mus.length);
      for (int j = 0; j < mus.length; j++) {
        double sigma = Double.isNaN(scott) ? sigmas[j] : scott * max;
        sigmas[j] = Math.min(max, Math.max(min, sigma));
      }
      sigmas[n] = max;
      logMasses = new double[n + 1];
      for (int j = 0; j <= n; j++) {
        logMasses[j] = Gaussian.logMass((low - mus[j]) / sigmas[j], (high - mus[j]) / sigmas[j]);
      }
    }

    private static double[] neighbourGaps(double[] mus, double low, double high) {
      int m = mus.length;
      Integer[] order = new Integer[m];
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> Double.compare(mus[x], mus[y]));
      double[] points = new double[m + 2];
      points[0] = low;
      for (int i = 0; i < m; i++) {
        points[i + 1] = mus[order[i]];
      }
      points[m + 1] = high;
      double[] gaps = new double[m];
      for (int i = 0; i < m; i++) {
        double gap = Math.max(points[i + 1] - points[i], points[i + 2] - points[i + 1]);
        if (m >= 2 && i == 0) {
          gap = points[2] - points[1];
        } else if (m >= 2 && i == m - 1) {
          gap = points[m] - points[m - 1];
        }
        gaps[order[i]] = gap;
      }
      return gaps;
    }

    @Override
    public double sample(int j, double u) {
      double z =
          Gaussian.truncatedQuantile((low - mus[j]) / sigmas[j], (high - mus[j]) / sigmas[j], u);
      double x = Math.min(high, Math.max(low, mus[j] + sigmas[j] * z));
      return discrete ? Math.min(high - 0.5, Math.max(low + 0.5, Math.rint(x))) : x;
    }

    @Override
    public double[] logPdfs(double value) {
      double[] result = new double[mus.length];
      for (int j = 0; j < mus.length; j++) {
        double sigma = sigmas[j];
        result[j] =
            (discrete
                    ? Gaussian.logMass(
                        (Math.max(value - 0.5, low) - mus[j]) / sigma,
                        (Math.min(value + 0.5, high) - mus[j]) / sigma)
                    : Gaussian.logPdf((value - mus[j]) / sigma))
                - logMasses[j];
      }
      return result;
    }
  }

  /**
   * Choices: an observation's component puts 1 on the observed choice plus the prior weight spread
   * evenly over all choices, normalized; the prior component is uniform.
   */
  private static final class Choice implements Dimension {
    private final double[][] rows;
    private final double[][] logRows;

    Choice(double[] observations, int choices) {
      int n = observations.length;
      rows = new double[n + 1][choices];
      logRows = new double[n + 1][];
      for (int j = 0; j <= n; j++) {
        Arrays.fill(rows[j], PRIOR_WEIGHT / (n + 1));
        if (j < n) {
          rows[j][(int) observations[j]] += 1;
        }
        double sum = Arrays.stream(rows[j]).sum();
        for (int c = 0; c < choices; c++) {
          rows[j][c] /= sum;
        }
        logRows[j] = Arrays.stream(rows[j]).map(Math::log).toArray();
      }
    }

    @Override
    public double sample(int j, double u) {
      return pick(rows[j], u);
    }

    @Override
    public double[] logPdfs(double value) {
      double[] result = new double[logRows.length];
      for (int j = 0; j < result.length; j++) {
        result[j] = logRows[j][(int) value];
      }
      return result;
    }
  }
}
