package dev.stagecraft.runtime.components.abtest;

/**
 * The A/B decision's settings.
 *
 * @param significance the p-value below which a difference is significant (default 0.05)
 * @param minImprovement the accuracy gain that is worth switching for (default 0.02)
 * @param test the statistical test (default McNemar's)
 */
public record AbTestOptions(double significance, double minImprovement, SignificanceTest test) {

  /** The defaults: 0.05, 0.02, McNemar. */
  public static final AbTestOptions DEFAULTS =
      new AbTestOptions(0.05, 0.02, SignificanceTest.MCNEMAR);

  /** Checks the ranges. */
  public AbTestOptions {
    if (!(significance > 0 && significance < 1)) {
      throw new AbTestException(
          "significance must be between 0 and 1 (exclusive), got "
              + significance
              + "; 0.05 is usual");
    }
    if (!(minImprovement >= 0 && minImprovement <= 1)) {
      throw new AbTestException(
          "minimum improvement is an accuracy difference in [0, 1], got " + minImprovement);
    }
    if (test == null) {
      throw new AbTestException("no significance test given; use MCNEMAR or TWO_PROPORTION_Z");
    }
  }

  /** These options with another test. */
  public AbTestOptions withTest(SignificanceTest test) {
    return new AbTestOptions(significance, minImprovement, test);
  }
}
