package dev.stagecraft.runtime.export;

import dev.stagecraft.runtime.graph.ConditionType;

/**
 * How a value that a {@code when} reads travels through an output parameter: as text that the
 * lowered expression compares without parsing anything but numbers. Strings are JSON string
 * literals (so {@code null} stays apart from {@code "null"}), numbers plain decimal text, booleans
 * {@code true}/{@code false}, enum constants their names, other objects only {@code null} or {@code
 * set}. A path that cannot be read (it navigates through null, which fails the condition) is {@link
 * #UNREADABLE}. The stage entrypoint writes values with this class and the export compares with it,
 * so both sides agree by construction.
 */
public final class ConditionValues {
  /** The text of a path that navigates through null: the condition fails on it. */
  public static final String UNREADABLE = "!null";

  /** The text of a null value. */
  public static final String NULL = "null";

  private ConditionValues() {}

  /** The text of {@code value}, which a condition reads as {@code type}. */
  public static String text(ConditionType type, Object value) {
    if (value == null) {
      return NULL;
    }
    return switch (type.category()) {
      case INTEGRAL -> Long.toString(((Number) value).longValue());
      case DECIMAL -> Double.toString(((Number) value).doubleValue());
      case BOOLEAN -> value.toString();
      case STRING -> json(value.toString());
      case ENUM -> value instanceof Enum<?> e ? e.name() : value.toString();
      case OTHER -> "set";
    };
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String json(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
