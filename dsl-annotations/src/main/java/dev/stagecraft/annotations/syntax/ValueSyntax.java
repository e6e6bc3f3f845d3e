package dev.stagecraft.annotations.syntax;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How parameter values are written, in {@code @Default} and on the command line alike. The
 * processor checks defaults with it at compile time; the runtime converts {@code -p name=value}
 * with it.
 *
 * <pre>{@code
 * ValueSyntax.parse(ValueSyntax.Kind.INT, "42");        // 42
 * ValueSyntax.splitList("a, b,c");                      // [a, b, c]
 * }</pre>
 */
public final class ValueSyntax {
  /** The scalar kinds a parameter (or a list element) can have; enums are checked by the caller. */
  public enum Kind {
    STRING("String"),
    BOOLEAN("boolean"),
    BYTE("byte"),
    SHORT("short"),
    INT("int"),
    LONG("long"),
    FLOAT("float"),
    DOUBLE("double"),
    CHAR("char"),
    PATH("Path"),
    DURATION("Duration");

    private final String displayName;

    Kind(String displayName) {
      this.displayName = displayName;
    }

    /** The name used in messages, e.g. {@code int} or {@code Duration}. */
    public String displayName() {
      return displayName;
    }
  }

  private ValueSyntax() {}

  /**
   * Parses one scalar value.
   *
   * @throws IllegalArgumentException whose message says what was expected, e.g. {@code "abc" is not
   *     an int}
   */
  public static Object parse(Kind kind, String text) {
    String t = kind == Kind.STRING || kind == Kind.PATH ? text : text.trim();
    try {
      return switch (kind) {
        case STRING -> text;
        case BOOLEAN -> parseBoolean(t);
        case BYTE -> Byte.parseByte(t);
        case SHORT -> Short.parseShort(t);
        case INT -> Integer.parseInt(t);
        case LONG -> Long.parseLong(t);
        case FLOAT -> parseFloat(t);
        case DOUBLE -> parseDouble(t);
        case CHAR -> parseChar(t);
        case PATH -> Path.of(t);
        case DURATION -> Duration.parse(t.toUpperCase(Locale.ROOT));
      };
    } catch (NumberFormatException | InvalidPathException | DateTimeParseException e) {
      throw new IllegalArgumentException(describeFailure(kind, text));
    }
  }

  /** Splits a comma-separated list; an empty or blank text is the empty list. */
  public static List<String> splitList(String text) {
    List<String> parts = new ArrayList<>();
    if (text.isBlank()) {
      return parts;
    }
    for (String part : text.split(",", -1)) {
      parts.add(part.trim());
    }
    return parts;
  }

  private static String describeFailure(Kind kind, String text) {
    return switch (kind) {
      case BOOLEAN -> "\"" + text + "\" is not a boolean (use true or false)";
      case DURATION -> "\"" + text + "\" is not an ISO-8601 duration (use e.g. PT30S, PT5M, PT1H)";
      case CHAR -> "\"" + text + "\" is not a single character";
      case INT -> "\"" + text + "\" is not an int";
      default -> "\"" + text + "\" is not a " + kind.displayName();
    };
  }

  private static Boolean parseBoolean(String t) {
    if (t.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (t.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new NumberFormatException(t);
  }

  private static Float parseFloat(String t) {
    requireDecimal(t);
    return Float.parseFloat(t);
  }

  private static Double parseDouble(String t) {
    requireDecimal(t);
    return Double.parseDouble(t);
  }

  /**
   * Rejects Java's type suffixes ("1d", "2f") and hex floats, which are not how people write
   * numbers.
   */
  private static void requireDecimal(String t) {
    if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity|NaN")) {
      throw new NumberFormatException(t);
    }
  }

  private static Character parseChar(String t) {
    if (t.length() != 1) {
      throw new NumberFormatException(t);
    }
    return t.charAt(0);
  }
}
