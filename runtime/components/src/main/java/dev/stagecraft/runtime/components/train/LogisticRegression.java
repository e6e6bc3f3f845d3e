package dev.stagecraft.runtime.components.train;

import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;

/**
 * L2-regularized logistic regression fitted by L-BFGS on primitive arrays, the model and solver of
 * scikit-learn's {@code LogisticRegression(solver="lbfgs")}: it minimizes the mean log loss plus
 * {@code ||w||^2 / (2 C n)} (the intercepts are not penalized), a binary logistic model for two
 * classes and a multinomial (softmax) one for more, and stops when the largest gradient component
 * is at most {@code tol}, the loss stops falling, or after {@code maxIter} iterations.
 *
 * <p>Deterministic: the same data and settings give the same weights bit for bit.
 */
final class LogisticRegression {
  /** Corrections kept by L-BFGS (scipy's default). */
  private static final int HISTORY = 10;

  /** Relative decrease of the loss below which the search stops (scipy's {@code ftol} there). */
  private static final double FTOL = 64 * Math.ulp(1.0);

  /** Armijo's sufficient decrease constant of the line search. */
  private static final double ARMIJO = 1e-4;

  private LogisticRegression() {}

  /**
   * Fits the weights.
   *
   * @param onIteration told the number of each finished iteration
   * @return one row per class in label order, each the feature weights then the intercept (for two
   *     classes the first row is zero: the second class's row alone gives the log odds)
   * @throws CancellationException when the thread is interrupted between iterations
   */
  static double[][] fit(
      LabeledData data, double c, int maxIter, double tol, IntConsumer onIteration) {
    int k = data.labels().size();
    Objective objective = k == 2 ? new Binary(data, c) : new Multinomial(data, c);
    double[] w = minimize(objective, maxIter, tol, onIteration);
    int stride = data.width() + 1;
    double[][] rows = new double[k][stride];
    if (k == 2) {
      System.arraycopy(w, 0, rows[1], 0, stride);
    } else {
      for (int label = 0; label < k; label++) {
        System.arraycopy(w, label * stride, rows[label], 0, stride);
      }
    }
    return rows;
  }

  /** L-BFGS with a backtracking Armijo line search, from zero weights. */
  private static double[] minimize(
      Objective objective, int maxIter, double tol, IntConsumer onIteration) {
    int n = objective.dimension();
    double[] x = new double[n];
    double[] g = new double[n];
    double f = objective.evaluate(x, g);
    double[][] s = new double[HISTORY][];
    double[][] y = new double[HISTORY][];
    double[] rho = new double[HISTORY];
    double[] alpha = new double[HISTORY];
    int stored = 0;
    int newest = -1;
    double[] direction = new double[n];
    double[] next = new double[n];
    double[] nextG = new double[n];
    for (int iter = 1; iter <= maxIter && maxAbs(g) > tol; iter++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("logistic regression interrupted at iteration " + iter);
      }
      // two-loop recursion: direction = -H g
      for (int i = 0; i < n; i++) {
        direction[i] = -g[i];
      }
      for (int m = 0; m < stored; m++) {
        int j = Math.floorMod(newest - m, HISTORY);
        alpha[j] = rho[j] * dot(s[j], direction);
        axpy(-alpha[j], y[j], direction);
      }
      double scale =
          stored == 0
              ? 1 / Math.max(1, norm(g))
              : dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
      for (int i = 0; i < n; i++) {
        direction[i] *= scale;
      }
      for (int m = stored - 1; m >= 0; m--) {
        int j = Math.floorMod(newest - m, HISTORY);
        double beta = rho[j] * dot(y[j], direction);
        axpy(alpha[j] - beta, s[j], direction);
      }
      double slope = dot(g, direction);
      if (slope >= 0) {
        for (int i = 0; i < n; i++) {
          direction[i] = -g[i];
        }
        slope = -dot(g, g);
      }
      double step = 1;
      double nextF;
      int halvings = 0;
      while (true) {
        for (int i = 0; i < n; i++) {
          next[i] = x[i] + step * direction[i];
        }
        nextF = objective.evaluate(next, nextG);
        if (nextF <= f + ARMIJO * step * slope || ++halvings > 50) {
          break;
        }
        step /= 2;
      }
      if (nextF > f) {
        break; // no decrease along the direction: as converged as the arithmetic allows
      }
      newest = (newest + 1) % HISTORY;
      double[] sNew = s[newest] == null ? new double[n] : s[newest];
      double[] yNew = y[newest] == null ? new double[n] : y[newest];
      for (int i = 0; i < n; i++) {
        sNew[i] = next[i] - x[i];
        yNew[i] = nextG[i] - g[i];
      }
      double sy = dot(sNew, yNew);
      s[newest] = sNew;
      y[newest] = yNew;
      if (sy > 1e-12) {
        rho[newest] = 1 / sy;
        stored = Math.min(stored + 1, HISTORY);
      } else {
        newest = Math.floorMod(newest - 1, HISTORY); // a useless pair: drop it
      }
      double decrease = (f - nextF) / Math.max(Math.max(Math.abs(f), Math.abs(nextF)), 1);
      System.arraycopy(next, 0, x, 0, n);
      System.arraycopy(nextG, 0, g, 0, n);
      f = nextF;
      onIteration.accept(iter);
      if (decrease <= FTOL) {
        break;
      }
    }
    return x;
  }

  /** A differentiable loss over a flat weight vector. */
  private interface Objective {
    int dimension();

    /** The loss at {@code w}, its gradient written into {@code gradient}. */
    double evaluate(double[] w, double[] gradient);
  }

  /** Mean binary log loss of class 1 against class 0, plus the L2 penalty. */
  private static final class Binary implements Objective {
    private final double[] x;
    private final int[] y;
    private final int d;
    private final double penalty;

    Binary(LabeledData data, double c) {
      this.x = data.values();
      this.y = data.classes();
      this.d = data.width();
      this.penalty = 1 / (c * data.size());
    }

    @Override
    public int dimension() {
      return d + 1;
    }

    @Override
    public double evaluate(double[] w, double[] gradient) {
      java.util.Arrays.fill(gradient, 0);
      int n = y.length;
      double loss = 0;
      double bias = w[d];
      for (int i = 0, off = 0; i < n; i++, off += d) {
        double z = bias + dot(w, x, off, d);
        // log(1 + e^z) - y z, and its derivative sigmoid(z) - y, without overflow (log, unlike
        // log1p, is an intrinsic; its absolute error here is an ulp of the loss)
        double e = Math.exp(-Math.abs(z));
        loss += Math.max(z, 0) + Math.log(1 + e) - (y[i] == 1 ? z : 0);
        double p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        double r = p - y[i];
        for (int j = 0; j < d; j++) {
          gradient[j] += r * x[off + j];
        }
        gradient[d] += r;
      }
      double norm = 0;
      for (int j = 0; j < d; j++) {
        gradient[j] = gradient[j] / n + penalty * w[j];
        norm += w[j] * w[j];
      }
      gradient[d] /= n;
      return loss / n + 0.5 * penalty * norm;
    }
  }

  /** Mean multinomial (softmax) log loss, plus the L2 penalty on every class's weights. */
  private static final class Multinomial implements Objective {
    private final double[] x;
    private final int[] y;
    private final int d;
    private final int k;
    private final double penalty;

    Multinomial(LabeledData data, double c) {
      this.x = data.values();
      this.y = data.classes();
      this.d = data.width();
      this.k = data.labels().size();
      this.penalty = 1 / (c * data.size());
    }

    @Override
    public int dimension() {
      return k * (d + 1);
    }

    @Override
    public double evaluate(double[] w, double[] gradient) {
      java.util.Arrays.fill(gradient, 0);
      int n = y.length;
      int stride = d + 1;
      double[] z = new double[k];
      double loss = 0;
      for (int i = 0, off = 0; i < n; i++, off += d) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          z[c] = w[c * stride + d] + dot(w, c * stride, x, off, d);
          max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          z[c] = Math.exp(z[c] - max);
          sum += z[c];
        }
        loss += Math.log(sum) - Math.log(z[y[i]]);
        for (int c = 0; c < k; c++) {
          double r = z[c] / sum - (c == y[i] ? 1 : 0);
          int base = c * stride;
          for (int j = 0; j < d; j++) {
            gradient[base + j] += r * x[off + j];
          }
          gradient[base + d] += r;
        }
      }
      double norm = 0;
      for (int c = 0; c < k; c++) {
        int base = c * stride;
        for (int j = 0; j < d; j++) {
          gradient[base + j] = gradient[base + j] / n + penalty * w[base + j];
          norm += w[base + j] * w[base + j];
        }
        gradient[base + d] /= n;
      }
      return loss / n + 0.5 * penalty * norm;
    }
  }

  /** {@code w[0..d) . x[off..off+d)}, in four independent sums (the loop is latency-bound). */
  private static double dot(double[] w, double[] x, int off, int d) {
    return dot(w, 0, x, off, d);
  }

  private static double dot(double[] w, int wOff, double[] x, int off, int d) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      s0 += w[wOff + j] * x[off + j];
      s1 += w[wOff + j + 1] * x[off + j + 1];
      s2 += w[wOff + j + 2] * x[off + j + 2];
      s3 += w[wOff + j + 3] * x[off + j + 3];
    }
    for (; j < d; j++) {
      s0 += w[wOff + j] * x[off + j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double maxAbs(double[] a) {
    double max = 0;
    for (double v : a) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
