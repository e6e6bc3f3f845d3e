package dev.stagecraft.annotations.syntax;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities, parsed the same way by the annotation processor (to check
 * {@code @Resources} at compile time) and by the runtime (for {@code --max-memory} and friends).
 *
 * <pre>{@code
 * Quantities.cpuMillis("500m");     // 500
 * Quantities.memoryBytes("2Gi");   // 2147483648
 * }</pre>
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile(
          "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(?:([eE][+-]?\\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?");

  /** Suffixes that make a quantity smaller than its number: nano, micro, milli. */
  private static final java.util.List<String> FRACTIONS = java.util.List.of("n", "u", "m");

  /** Memory suffixes from the largest unit down, binary before decimal of the same order. */
  private static final String[] UNITS = {
    "Ei", "E", "Pi", "P", "Ti", "T", "Gi", "G", "Mi", "M", "Ki", "k"
  };

  private static final long[] UNIT_SIZES = {
    1L << 60,
    1_000_000_000_000_000_000L,
    1L << 50,
    1_000_000_000_000_000L,
    1L << 40,
    1_000_000_000_000L,
    1L << 30,
    1_000_000_000L,
    1L << 20,
    1_000_000L,
    1L << 10,
    1_000L
  };

  private Quantities() {}

  /**
   * Parses a CPU quantity ({@code "500m"}, {@code "2"}, {@code "1.5"}) into millicores.
   *
   * @throws IllegalArgumentException with a message saying what is allowed
   */
  public static long cpuMillis(String text) {
    BigDecimal value =
        parse(text, "cpu", "use cores such as \"2\" or \"1.5\", or millicores such as \"500m\"");
    BigDecimal millis = value.movePointRight(3);
    if (millis.signum() <= 0) {
      throw new IllegalArgumentException("cpu \"" + text + "\" must be positive");
    }
    return millis.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }

  /**
   * Parses a memory quantity ({@code "512Mi"}, {@code "16Gi"}, {@code "1G"}, {@code "1e9"}) into
   * bytes.
   *
   * @throws IllegalArgumentException with a message saying what is allowed
   */
  public static long memoryBytes(String text) {
    BigDecimal value = parse(text, "memory", memoryHint(text));
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("memory \"" + text + "\" must be positive");
    }
    return value.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }

  /**
   * Parses a number of bytes that must be whole and not negative, such as a data size: {@code
   * "2e9"}, {@code "500M"}, {@code "2Gi"}, {@code "1.5G"}; {@code what} names it in messages.
   *
   * @throws IllegalArgumentException with a message saying what is allowed
   */
  public static long byteCount(String text, String what) {
    Matcher m = QUANTITY.matcher(text == null ? "" : text.trim());
    if (text != null && m.matches() && m.group(3) != null && FRACTIONS.contains(m.group(3))) {
      throw new IllegalArgumentException(
          what
              + " \""
              + text
              + "\" is bytes, and '"
              + m.group(3)
              + "' would make it a fraction of a byte"
              + (m.group(3).equals("m") ? " (use " + m.group(1) + "M for megabytes)" : ""));
    }
    BigDecimal value = parse(text, what, memoryHint(text));
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " \"" + text + "\" must not be negative");
    }
    try {
      return value.stripTrailingZeros().toBigIntegerExact().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          what + " \"" + text + "\" is not a whole number of bytes (or too large)");
    }
  }

  /**
   * Formats bytes exactly, the way people write memory quantities: with the largest suffix, binary
   * or decimal, that divides it ({@code 2Gi}, {@code 1536Mi}, {@code 2G}, {@code 500M}), else as a
   * number ({@code 1000001}). {@link #memoryBytes} reads every result back to the same number.
   */
  public static String formatBytes(long bytes) {
    if (bytes != 0) {
      for (int i = 0; i < UNITS.length; i++) {
        if (bytes % UNIT_SIZES[i] == 0) {
          return bytes / UNIT_SIZES[i] + UNITS[i];
        }
      }
    }
    return Long.toString(bytes);
  }

  /**
   * Formats millicores as a Kubernetes quantity: whole cores as {@code 2}, anything else in
   * millicores, {@code 500m} or {@code 1500m}.
   */
  public static String formatCpu(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  private static BigDecimal parse(String text, String what, String hint) {
    Matcher m = QUANTITY.matcher(text == null ? "" : text.trim());
    if (text == null || !m.matches()) {
      throw new IllegalArgumentException(
          what + " \"" + text + "\" is not a Kubernetes quantity (" + hint + ")");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      return number.scaleByPowerOfTen(Integer.parseInt(m.group(2).substring(1)));
    }
    String suffix = m.group(3);
    if (suffix == null) {
      return number;
    }
    return switch (suffix) {
      case "n" -> number.scaleByPowerOfTen(-9);
      case "u" -> number.scaleByPowerOfTen(-6);
      case "m" -> number.scaleByPowerOfTen(-3);
      case "k" -> number.scaleByPowerOfTen(3);
      case "M" -> number.scaleByPowerOfTen(6);
      case "G" -> number.scaleByPowerOfTen(9);
      case "T" -> number.scaleByPowerOfTen(12);
      case "P" -> number.scaleByPowerOfTen(15);
      case "E" -> number.scaleByPowerOfTen(18);
      case "Ki" -> number.multiply(BigDecimal.valueOf(1L << 10));
      case "Mi" -> number.multiply(BigDecimal.valueOf(1L << 20));
      case "Gi" -> number.multiply(BigDecimal.valueOf(1L << 30));
      case "Ti" -> number.multiply(BigDecimal.valueOf(1L << 40));
      case "Pi" -> number.multiply(BigDecimal.valueOf(1L << 50));
      case "Ei" -> number.multiply(BigDecimal.valueOf(1L << 60));
      default -> throw new IllegalStateException(suffix);
    };
  }

  private static String memoryHint(String text) {
    if (text != null) {
      Matcher m = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGTPE])(i?)[bB]\\s*").matcher(text);
      if (m.matches()) {
        return "use " + m.group(1) + m.group(2) + "i or " + m.group(1) + m.group(2);
      }
    }
    return "use a number of bytes or a suffix: 512Mi, 16Gi, 1G, 1e9";
  }
}
