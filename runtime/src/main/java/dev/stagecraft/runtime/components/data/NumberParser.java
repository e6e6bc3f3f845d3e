package dev.stagecraft.runtime.components.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number from ASCII bytes to the same {@code double} as
 * {@link Double#parseDouble}, without creating a string in the common case: a mantissa up to 2^53
 * with a decimal exponent within ±22 is computed exactly by one multiplication or division
 * (Clinger's fast path), a mantissa that fits a {@code long} by {@link EiselLemire}; anything else
 * (and the rare case Eisel-Lemire cannot decide) falls back to {@code Double.parseDouble}. Accepts
 * {@code [+-]digits[.digits][(e|E)[+-]digits]}, {@code .5}, {@code 5.}, and {@code inf},
 * {@code Infinity} with an optional sign; returns {@code NaN} for anything else.
 */
final class NumberParser {
  private NumberParser() {}

  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /** 10^e exactly, {@code 0 <= e <= 22}. */
  static double powerOfTen(int e) {
    return POWERS_OF_TEN[e];
  }

  /** The number in {@code b[start, end)}, or {@code NaN} when the bytes are not a number. */
  static double parse(byte[] b, int start, int end) {
    return parse(b, start, end, null);
  }

  /**
   * The number written at the start of {@code b[start, limit)}, which may go on with other bytes:
   * {@code stop[0]} is set to where the number ends. {@code NaN} when no number starts there (the
   * words {@code inf} and {@code Infinity} are left to {@link #parse(byte[], int, int)}).
   */
  static double parsePrefix(byte[] b, int start, int limit, int[] stop) {
    stop[0] = start;
    return parse(b, start, limit, stop);
  }

  private static double parse(byte[] b, int start, int end, int[] stop) {
    int i = start;
    if (i >= end) {
      return Double.NaN;
    }
    boolean negative = false;
    byte first = b[i];
    if (first == '-' || first == '+') {
      negative = first == '-';
      i++;
    }
    long mantissa = 0;
    int exponent = 0;
    int digits = 0;
    boolean overflow = false;
    while (i < end) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      digits++;
      if (mantissa < 922_337_203_685_477_580L) {
        mantissa = mantissa * 10 + d;
      } else {
        overflow = true;
        exponent++;
      }
      i++;
    }
    if (i < end && b[i] == '.') {
      i++;
      while (i < end) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        digits++;
        if (mantissa < 922_337_203_685_477_580L) {
          mantissa = mantissa * 10 + d;
          exponent--;
        } else {
          overflow = true;
        }
        i++;
      }
    }
    if (digits == 0) {
      return stop == null ? special(b, start, end) : Double.NaN;
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < end && (b[i] == '-' || b[i] == '+')) {
        negativeExponent = b[i] == '-';
        i++;
      }
      int expDigits = 0;
      int explicit = 0;
      while (i < end) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        if (explicit < 100_000) {
          explicit = explicit * 10 + d;
        }
        expDigits++;
        i++;
      }
      if (expDigits == 0) {
        return Double.NaN;
      }
      exponent += negativeExponent ? -explicit : explicit;
    }
    if (stop != null) {
      stop[0] = i;
      end = i;
    } else if (i != end) {
      return Double.NaN;
    }
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (overflow) {
      return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }
    if (mantissa <= (1L << 53) && exponent >= -22 && exponent <= 22) {
      double value = exponent < 0
          ? mantissa / POWERS_OF_TEN[-exponent]
          : mantissa * POWERS_OF_TEN[exponent];
      return negative ? -value : value;
    }
    {
      long bits = EiselLemire.toDoubleBits(mantissa, exponent, negative);
      if (bits != EiselLemire.UNDECIDED) {
        return Double.longBitsToDouble(bits);
      }
    }
    return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
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
