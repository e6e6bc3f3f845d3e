package dev.stagecraft.runtime.components.abtest;

import dev.stagecraft.runtime.components.train.ExamplePrediction;
import dev.stagecraft.runtime.components.train.TrainedModel;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Decides between two models trained on the same data by their predictions on the same held-out
 * examples.
 *
 * <p>McNemar's test (the default) looks only at the examples where the models disagree on
 * correctness: {@code b} where only A is right, {@code c} where only B is right. Under the null
 * hypothesis each is equally likely. With {@code b + c < 25} the p-value is the exact two-sided
 * binomial one, {@code min(1, 2 * P[X <= min(b, c)])} with {@code X ~ Binomial(b + c, 1/2)} (as
 * statsmodels' {@code mcnemar(exact=True)}); from 25 on the normal approximation is good and the
 * chi-square statistic with continuity correction {@code (|b - c| - 1)^2 / (b + c)} is used with 1
 * degree of freedom (as {@code mcnemar(exact=False, correction=True)}). With {@code b + c = 0} the
 * models never disagree and p is 1.
 *
 * <pre>{@code
 * AbTestResult r = AbTest.compare(models.get(0), models.get(1), AbTestOptions.DEFAULTS);
 * ctx.metric("p_value", r.pValue());
 * }</pre>
 */
public final class AbTest {
  /** From this many discordant examples on, McNemar's test uses the chi-square approximation. */
  public static final int EXACT_BELOW = 25;

  private AbTest() {}

  /** Compares two trained models by their held-out predictions. */
  public static AbTestResult compare(TrainedModel a, TrainedModel b, AbTestOptions options) {
    return compare(a.predictions(), b.predictions(), options);
  }

  /**
   * Compares two models' predictions on the same examples, in the same order.
   *
   * @throws AbTestException when the predictions are not on the same examples
   */
  public static AbTestResult compare(
      List<ExamplePrediction> a, List<ExamplePrediction> b, AbTestOptions options) {
    if (a.size() != b.size()) {
      throw new AbTestException(
          "models were tested on different examples ("
              + a.size()
              + " and "
              + b.size()
              + " predictions); evaluate both on the same test split");
    }
    if (a.isEmpty()) {
      throw new AbTestException("no test predictions to compare; the test split is empty");
    }
    int n = a.size();
    int rightA = 0;
    int rightB = 0;
    int onlyA = 0;
    int onlyB = 0;
    for (int i = 0; i < n; i++) {
      if (!a.get(i).actual().equals(b.get(i).actual())) {
        throw new AbTestException(
            "models were tested on different examples: example "
                + i
                + " is '"
                + a.get(i).actual()
                + "' for A and '"
                + b.get(i).actual()
                + "' for B; evaluate both on the same test"
                + " split in the same order");
      }
      boolean okA = a.get(i).correct();
      boolean okB = b.get(i).correct();
      rightA += okA ? 1 : 0;
      rightB += okB ? 1 : 0;
      onlyA += okA && !okB ? 1 : 0;
      onlyB += okB && !okA ? 1 : 0;
    }
    double accuracyA = (double) rightA / n;
    double accuracyB = (double) rightB / n;
    String test;
    double p;
    if (options.test() == SignificanceTest.MCNEMAR) {
      test = onlyA + onlyB < EXACT_BELOW ? "mcnemar_exact" : "mcnemar_chi2";
      p = mcNemar(onlyA, onlyB);
    } else {
      test = "two_proportion_z";
      p = twoProportionZ(rightA, rightB, n);
    }
    int selectedIndex = accuracyB > accuracyA ? 1 : 0;
    double improvement = Math.abs(accuracyB - accuracyA);
    boolean significant = p < options.significance();
    // A tiny tolerance so that 0.97 - 0.95 counts as the 0.02 it is in decimal.
    boolean meaningful = improvement >= options.minImprovement() - 1e-12;
    double confidence = significant && meaningful ? 1 - p : 0.5;
    return new AbTestResult(
        selectedIndex == 0 ? "A" : "B",
        selectedIndex,
        confidence,
        p,
        improvement,
        significant,
        meaningful,
        test,
        accuracyA,
        accuracyB,
        onlyA,
        onlyB,
        n);
  }

  /** McNemar's two-sided p-value for {@code b} and {@code c} discordant examples. */
  public static double mcNemar(int b, int c) {
    int discordant = b + c;
    if (discordant == 0) {
      return 1.0;
    }
    if (discordant < EXACT_BELOW) {
      BinomialDistribution binomial = new BinomialDistribution(null, discordant, 0.5);
      return Math.min(1.0, 2 * binomial.cumulativeProbability(Math.min(b, c)));
    }
    double statistic = Math.pow(Math.abs(b - c) - 1, 2) / discordant;
    return 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(statistic);
  }

  /** The pooled two-proportion z-test's two-sided p-value for {@code x1/n} against {@code x2/n}. */
  public static double twoProportionZ(int x1, int x2, int n) {
    double pooled = (x1 + x2) / (2.0 * n);
    double se = Math.sqrt(pooled * (1 - pooled) * (2.0 / n));
    if (se == 0) {
      return 1.0;
    }
    double z = ((double) x2 / n - (double) x1 / n) / se;
    return 2 * (1 - new NormalDistribution(null, 0, 1).cumulativeProbability(Math.abs(z)));
  }
}
