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
   * Formats bytes the way people write memory quantities: {@code 2Gi}, {@code 512Mi}, {@code 1000}.
   */
  public static String formatBytes(long bytes) {
    String[] units = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << (10 * (units.length - i));
      if (bytes >= unit && bytes % unit == 0) {
        return bytes / unit + units[i];
      }
    }
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << (10 * (units.length - i));
      if (bytes >= unit) {
        return BigDecimal.valueOf(bytes)
                .divide(BigDecimal.valueOf(unit), 1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString()
            + units[i];
      }
    }
    return Long.toString(bytes);
  }

  /** Formats millicores as {@code 2}, {@code 1.5} or {@code 500m}. */
  public static String formatCpu(long millis) {
    if (millis % 1000 == 0) {
      return Long.toString(millis / 1000);
    }
    if (millis < 1000) {
      return millis + "m";
    }
    return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
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
