package dev.stagecraft.runtime.graph;

import dev.stagecraft.annotations.syntax.ValueCheck;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pipeline parameter: its name, type, description, default (as text, written as on the command
 * line) and the checks its values must pass. A parameter without a default is required.
 *
 * <pre>{@code
 * ParamSpec folds = ParamSpec.optional("folds", ParamType.INT, "Cross-validation folds", "3")
 *     .withChecks(new ValueCheck.Range(2, Double.POSITIVE_INFINITY, false, false));
 * }</pre>
 */
public record ParamSpec(
    String name,
    ParamType<?> type,
    String description,
    Optional<String> defaultText,
    List<ValueCheck> checks) {

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    defaultText = defaultText == null ? Optional.empty() : defaultText;
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** A parameter that must be set for every run. */
  public static ParamSpec required(String name, ParamType<?> type, String description) {
    return new ParamSpec(name, type, description, Optional.empty(), List.of());
  }

  /** A parameter with a default, written as on the command line. */
  public static ParamSpec optional(
      String name, ParamType<?> type, String description, String defaultText) {
    return new ParamSpec(name, type, description, Optional.of(defaultText), List.of());
  }

  /** This parameter with these checks of its values. */
  public ParamSpec withChecks(ValueCheck... checks) {
    return new ParamSpec(name, type, description, defaultText, List.of(checks));
  }

  /** Whether a run must set it. */
  public boolean isRequired() {
    return defaultText.isEmpty();
  }

  /** Why {@code value} fails one of the checks, e.g. {@code must be at least 2, not 1}. */
  public Optional<String> violation(Object value) {
    for (ValueCheck c : checks) {
      Optional<String> v = c.violation(value);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }
}
