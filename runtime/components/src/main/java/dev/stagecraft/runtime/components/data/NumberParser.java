package dev.stagecraft.runtime.components.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.nio.charset.StandardCharsets;

/**
 * Reads a decimal number from ASCII bytes to the same {@code double} as {@link Double#parseDouble},
 * without creating a string: this class decides what our CSV files count as a number and where it
 * ends; the conversion itself is Werner Randelshofer's FastDoubleParser ({@link JavaDoubleParser},
 * the Eisel-Lemire algorithm with an exact fallback), the parser Jackson bundles. Accepts {@code
 * [+-]digits[.digits][(e|E)[+-]digits]}, {@code .5}, {@code 5.}, and {@code inf}, {@code INF},
 * {@code Infinity} with an optional sign; returns {@code NaN} for anything else (Java's other
 * syntax, such as {@code NaN}, hexadecimal, a {@code d} suffix or surrounding spaces, is not a
 * number here).
 */
final class NumberParser {
  private NumberParser() {}

  /** {@link #end} result: no digit in the mantissa. */
  private static final int NO_DIGITS = -1;

  /** {@link #end} result: an exponent marker without digits. */
  private static final int BAD_EXPONENT = -2;

  /** The number in {@code b[start, end)}, or {@code NaN} when the bytes are not a number. */
  static double parse(byte[] b, int start, int end) {
    int stop = end(b, start, end);
    if (stop == end) {
      return JavaDoubleParser.parseDouble(b, start, end - start);
    }
    return stop == NO_DIGITS ? special(b, start, end) : Double.NaN;
  }

  /**
   * The number written at the start of {@code b[start, limit)}, which may go on with other bytes:
   * {@code stop[0]} is set to where the number ends. {@code NaN} when no number starts there (the
   * words {@code inf} and {@code Infinity} are left to {@link #parse(byte[], int, int)}).
   */
  static double parsePrefix(byte[] b, int start, int limit, int[] stop) {
    int e = end(b, start, limit);
    if (e < 0) {
      stop[0] = start;
      return Double.NaN;
    }
    stop[0] = e;
    return JavaDoubleParser.parseDouble(b, start, e - start);
  }

  /**
   * Where the number starting at {@code start} ends (at most {@code limit}), or {@link #NO_DIGITS}
   * or {@link #BAD_EXPONENT}.
   */
  private static int end(byte[] b, int start, int limit) {
    int i = start;
    if (i < limit && (b[i] == '-' || b[i] == '+')) {
      i++;
    }
    int digitsFrom = i;
    while (i < limit && isDigit(b[i])) {
      i++;
    }
    int digits = i - digitsFrom;
    if (i < limit && b[i] == '.') {
      i++;
      int fractionFrom = i;
      while (i < limit && isDigit(b[i])) {
        i++;
      }
      digits += i - fractionFrom;
    }
    if (digits == 0) {
      return NO_DIGITS;
    }
    if (i < limit && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < limit && (b[i] == '-' || b[i] == '+')) {
        i++;
      }
      int exponentFrom = i;
      while (i < limit && isDigit(b[i])) {
        i++;
      }
      if (i == exponentFrom) {
        return BAD_EXPONENT;
      }
    }
    return i;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static double special(byte[] b, int start, int end) {
    String text = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    return switch (text) {
      case "inf", "+inf", "Infinity", "+Infinity", "INF" -> Double.POSITIVE_INFINITY;
      case "-inf", "-Infinity", "-INF" -> Double.NEGATIVE_INFINITY;
      default -> Double.NaN;
    };
  }
}
