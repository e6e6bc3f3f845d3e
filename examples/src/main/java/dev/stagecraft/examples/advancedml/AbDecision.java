package dev.stagecraft.examples.advancedml;

import dev.stagecraft.runtime.Summarizable;
import dev.stagecraft.runtime.components.abtest.AbTestResult;
import java.util.List;

/**
 * The A/B decision between variants {@code a} (A) and {@code b} (B).
 *
 * @param selectedVariant the variant with the better test accuracy ({@code a} on a tie)
 * @param selectedModelType its model type
 * @param confidence {@code 1 - p} when the difference is significant and meaningful, else 0.5
 * @param pValue McNemar's p-value
 * @param significance the significance threshold used
 * @param minImprovement the minimum accuracy gain used
 * @param test the whole test result
 */
public record AbDecision(
    String selectedVariant,
    String selectedModelType,
    double confidence,
    double pValue,
    double significance,
    double minImprovement,
    AbTestResult test)
    implements Summarizable {

  /** Why the decision is what it is, in words. */
  public String explanation() {
    if (test.significant() && test.meaningful()) {
      return String.format(
          "significant (p %.4f < %.2f) and meaningful (+%.4f >= %.2f)",
          pValue, significance, test.improvement(), minImprovement);
    }
    String significant =
        test.significant()
            ? String.format("significant (p %.4f < %.2f)", pValue, significance)
            : String.format("not significant (p %.4f >= %.2f)", pValue, significance);
    String meaningful =
        test.meaningful()
            ? String.format("meaningful (+%.4f)", test.improvement())
            : String.format(
                "below the minimum improvement (+%.4f < %.2f)", test.improvement(), minImprovement);
    return significant + ", " + meaningful;
  }

  @Override
  public List<String> summaryLines() {
    return List.of(
        String.format(
            "A/B (%s on %d test rows): a %.4f vs b %.4f, %d vs %d discordant; selected %s (%s),"
                + " confidence %.4f: %s",
            test.test(),
            test.examples(),
            test.accuracyA(),
            test.accuracyB(),
            test.onlyARight(),
            test.onlyBRight(),
            selectedVariant,
            selectedModelType,
            confidence,
            explanation()));
  }
}
