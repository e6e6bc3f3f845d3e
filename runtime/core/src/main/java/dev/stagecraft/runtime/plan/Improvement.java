package dev.stagecraft.runtime.plan;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What right-sizing the plan changes: the predicted makespan and cost before and after.
 *
 * @param makespanSeconds before and after; a side is empty when a stage does not fit there
 * @param cost before and after, in the prediction's currency
 */
public record Improvement(Span makespanSeconds, Span cost) {
  public Improvement {
    Objects.requireNonNull(makespanSeconds, "makespanSeconds");
    Objects.requireNonNull(cost, "cost");
  }

  /** A value before and after. */
  public record Span(OptionalDouble before, OptionalDouble after) {
    public Span {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }
}
