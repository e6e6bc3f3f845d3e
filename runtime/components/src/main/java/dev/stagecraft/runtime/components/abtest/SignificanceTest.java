package dev.stagecraft.runtime.components.abtest;

/** The statistical test an A/B decision uses. */
public enum SignificanceTest {
  /**
   * McNemar's paired test on the examples where exactly one model is right: exact two-sided
   * binomial test when there are fewer than 25 such examples, else the chi-square test with
   * continuity correction (1 degree of freedom). The default: both models predict the same
   * examples, so a paired test is the right one.
   */
  MCNEMAR,
  /**
   * The pooled two-proportion z-test on the two accuracies, two-sided. It treats the two samples as
   * independent, which they are not here, so it is offered for comparison with the system
   * description only.
   */
  TWO_PROPORTION_Z
}
