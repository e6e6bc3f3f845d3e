package dev.stagecraft.runtime.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * One pipeline parameter: its name, type, description and default (as text, written as on the
 * command line). A parameter without a default is required.
 */
public record ParamSpec(
    String name, ParamType<?> type, String description, Optional<String> defaultText) {

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    defaultText = defaultText == null ? Optional.empty() : defaultText;
  }

  /** A parameter that must be set for every run. */
  public static ParamSpec required(String name, ParamType<?> type, String description) {
    return new ParamSpec(name, type, description, Optional.empty());
  }

  /** A parameter with a default, written as on the command line. */
  public static ParamSpec optional(
      String name, ParamType<?> type, String description, String defaultText) {
    return new ParamSpec(name, type, description, Optional.of(defaultText));
  }

  /** Whether a run must set it. */
  public boolean isRequired() {
    return defaultText.isEmpty();
  }
}
