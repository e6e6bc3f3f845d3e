package dev.stagecraft.runtime.plan;

import java.util.Objects;

/**
 * One decision of a plan about a stage: a field's value before and after, and the rule that made
 * the change ({@code resources.cpu} from {@code 1} to {@code 2} by {@code cpu-by-data-size}).
 *
 * @param field {@code resources.cpu}, {@code resources.memory}, {@code resources.gpu}, {@code
 *     parallelism}, {@code optimizations}, {@code retries}, {@code timeout} or {@code included}
 * @param from the value before, as a person reads it ({@code 1Gi}, {@code 1500m}, {@code none})
 * @param to the value after
 * @param rule the id of the built-in rule, the name of the template's rule, or {@code
 *     environment:NAME} for a template's environment overlay
 */
public record Change(String field, String from, String to, String rule) {
  public Change {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(rule, "rule");
  }
}
