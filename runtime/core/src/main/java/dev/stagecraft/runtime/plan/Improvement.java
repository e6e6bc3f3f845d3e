package dev.stagecraft.runtime.plan;

/**
 * What right-sizing the plan changes: the predicted makespan and cost before and after.
 *
 * @param makespanSeconds before and after
 * @param cost before and after, in the prediction's currency
 */
public record Improvement(Span makespanSeconds, Span cost) {
  /** A value before and after. */
  public record Span(double before, double after) {}
}
