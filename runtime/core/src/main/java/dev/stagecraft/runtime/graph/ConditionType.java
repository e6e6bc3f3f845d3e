package dev.stagecraft.runtime.graph;

import dev.stagecraft.annotations.condition.ProfileFact;
import dev.stagecraft.annotations.syntax.ValueSyntax.Kind;
import java.util.List;
import java.util.Objects;

/**
 * What a value read by a condition compares as, without the Java type behind it: a parameter's
 * type, a profile fact's, or the type at the end of a path into a stage's output ({@link
 * Condition.StagePath}, which the processor writes). The runtime's condition checker sees
 * parameters and profile facts through it; an exported workflow lowers comparisons with it.
 *
 * @param category what the value compares with
 * @param display how the type reads in a message: {@code int}, {@code Integer}, {@code
 *     ImputeStrategy}
 * @param boxed whether the value may be null (a box, or a profile fact)
 * @param constants an enum's constants, in order; empty otherwise
 */
public record ConditionType(
    Category category, String display, boolean boxed, List<String> constants) {

  /** What a value compares with. */
  public enum Category {
    INTEGRAL,
    DECIMAL,
    BOOLEAN,
    STRING,
    ENUM,
    /** {@code char}, {@code Path}, {@code Duration}, lists: compared only with their own type. */
    OTHER
  }

  public ConditionType {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(display, "display");
    constants = List.copyOf(constants);
  }

  /** The type of a parameter. */
  public static ConditionType of(ParamType<?> type) {
    String display = type.displayName();
    if (type.isList() || type.kind().isEmpty()) {
      return type.constants().isEmpty()
          ? new ConditionType(Category.OTHER, display, true, List.of())
          : new ConditionType(Category.ENUM, display, true, type.constants());
    }
    Kind kind = type.kind().get();
    boolean boxed = !display.equals(kind.displayName());
    return switch (kind) {
      case BYTE, SHORT, INT, LONG ->
          new ConditionType(Category.INTEGRAL, display, boxed, List.of());
      case FLOAT, DOUBLE -> new ConditionType(Category.DECIMAL, display, boxed, List.of());
      case BOOLEAN -> new ConditionType(Category.BOOLEAN, display, boxed, List.of());
      case STRING -> new ConditionType(Category.STRING, display, true, List.of());
      case CHAR -> new ConditionType(Category.OTHER, display, boxed, List.of());
      case PATH, DURATION -> new ConditionType(Category.OTHER, display, true, List.of());
    };
  }

  /**
   * The type of a profile fact of this kind: a {@code Long}, a {@code String}, a {@code Boolean}.
   */
  public static ConditionType of(ProfileFact.Kind kind) {
    return switch (kind) {
      case BYTES -> new ConditionType(Category.INTEGRAL, "Long", true, List.of());
      case CHOICE -> new ConditionType(Category.STRING, "String", true, List.of());
      case BOOLEAN -> new ConditionType(Category.BOOLEAN, "Boolean", true, List.of());
    };
  }
}
