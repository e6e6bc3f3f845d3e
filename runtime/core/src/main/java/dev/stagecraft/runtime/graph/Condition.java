package dev.stagecraft.runtime.graph;

import java.util.List;
import java.util.Objects;

/**
 * A {@code @When} condition: its source text, the stages it reads (dependencies of the stage), and
 * the predicate the processor compiled from it.
 */
public record Condition(
    String source, List<String> stages, List<String> params, Predicate predicate) {
  public Condition {
    Objects.requireNonNull(source, "source");
    stages = List.copyOf(stages);
    params = List.copyOf(params);
    Objects.requireNonNull(predicate, "predicate");
  }

  /** Compiled condition code; it reports the values it reads through the scope. */
  @FunctionalInterface
  public interface Predicate {
    /** Evaluates the condition. */
    boolean test(ConditionScope scope);
  }
}
