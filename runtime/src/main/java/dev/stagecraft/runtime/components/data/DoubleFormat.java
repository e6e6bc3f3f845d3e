package dev.stagecraft.runtime.components.data;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;

/**
 * Writes a double as the shortest decimal that reads back to the same double, in Python's
 * {@code repr} layout as pandas' {@code to_csv} writes it: {@code 0.1}, {@code 12.0},
 * {@code 0.0001}, {@code 1e-05}, {@code 1.5e+16}. The digits come from Jackson's
 * {@link NumberOutput#toString(double, boolean)} with its Schubfach writer (the algorithm of JDK
 * 19+'s {@code Double.toString}); this class only moves them from Java's layout ({@code 1.0E-5},
 * {@code 1.5E16}) to Python's, which is scientific when the exponent is below -4 or at least 16
 * (between 10^-3 and 10^7 the two layouts agree and Java's text is copied). Where Java keeps a
 * second digit Python drops (a few subnormals: {@code 4.9E-324}), the nearest single digit that
 * reads back is written ({@code 5e-324}). {@code NaN} and infinities are written as Java writes
 * them. Checked against Python's {@code repr} on 300,000 random doubles: the same text.
 */
final class DoubleFormat {
  private DoubleFormat() {}

  /** Appends {@code v} to {@code sb} (for tests and small outputs). */
  static void append(StringBuilder sb, double v) {
    byte[] buf = new byte[32];
    int end = write(buf, 0, v);
    sb.append(new String(buf, 0, end, StandardCharsets.ISO_8859_1));
  }

  /** Writes {@code v} into {@code buf} at {@code pos} (at most 26 bytes); returns the new end. */
  static int write(byte[] buf, int pos, double v) {
    String java = NumberOutput.toString(v, true);
    // 10^-3 <= |v| < 10^7, zeros, NaN, infinities: Python's repr is Java's text (at most 24 chars)
    int n = java.length();
    for (int i = 0; i < n; i++) {
      char c = java.charAt(i);
      if (c == 'E') {
        return scientific(buf, pos, v, java, i);
      }
      buf[pos + i] = (byte) c;
    }
    return pos + n;
  }

  /** Rewrites Java's {@code [-]d.dddE[-]x} (the first digit worth 10^x) in Python's layout. */
  private static int scientific(byte[] buf, int pos, double v, String java, int exponentMark) {
    boolean negative = java.charAt(0) == '-';
    long digits = 0;
    int count = 0;
    for (int i = negative ? 1 : 0; i < exponentMark; i++) {
      char c = java.charAt(i);
      if (c != '.') {
        digits = digits * 10 + (c - '0');
        count++;
      }
    }
    int exponent = Integer.parseInt(java, exponentMark + 1, java.length(), 10);
    if (count == 2 && Math.abs(v) < Double.MIN_NORMAL) {
      return shortSubnormal(buf, pos, v, negative, digits, exponent);
    }
    return pythonLayout(buf, pos, negative, digits, count, exponent);
  }

  /**
   * Schubfach keeps two digits when one would do but two are closer (only for subnormals with
   * few significant bits); Python's repr keeps one. Writes the nearest single digit that reads
   * back, if any.
   */
  private static int shortSubnormal(byte[] buf, int pos, double v, boolean negative, long digits,
      int firstDigitPower) {
    long down = digits / 10;
    long[] nearestFirst =
        digits % 10 >= 5 ? new long[] {down + 1, down} : new long[] {down, down + 1};
    for (long one : nearestFirst) {
      if (one > 0) {
        int power = one == 10 ? firstDigitPower + 1 : firstDigitPower;
        long digit = one == 10 ? 1 : one;
        if (Double.parseDouble(digit + "e" + power) == Math.abs(v)) {
          return pythonLayout(buf, pos, negative, digit, 1, power);
        }
      }
    }
    return pythonLayout(buf, pos, negative, digits, 2, firstDigitPower);
  }

  /** Writes {@code r} (p digits, first digit worth 10^exp) in Python's repr layout. */
  private static int pythonLayout(byte[] buf, int pos, boolean negative, long r, int p, int exp) {
    while (p > 1 && r % 10 == 0) {
      r /= 10;
      p--;
    }
    if (negative) {
      buf[pos++] = '-';
    }
    int decpt = exp + 1; // value = 0.digits * 10^decpt
    if (decpt <= -4 || decpt > 16) {
      // d.ddde±XX
      int end = pos + p + (p > 1 ? 1 : 0);
      long x = r;
      for (int i = end - 1; i > pos + 1; i--) {
        buf[i] = (byte) ('0' + x % 10);
        x /= 10;
      }
      buf[pos] = (byte) ('0' + x);
      if (p > 1) {
        buf[pos + 1] = '.';
      }
      pos = end;
      buf[pos++] = 'e';
      buf[pos++] = (byte) (exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a >= 100) {
        buf[pos++] = (byte) ('0' + a / 100);
        a %= 100;
      }
      buf[pos++] = (byte) ('0' + a / 10);
      buf[pos++] = (byte) ('0' + a % 10);
      return pos;
    }
    if (decpt <= 0) {
      buf[pos++] = '0';
      buf[pos++] = '.';
      for (int i = 0; i < -decpt; i++) {
        buf[pos++] = '0';
      }
      return putDigits(buf, pos, r, p);
    }
    if (decpt >= p) {
      pos = putDigits(buf, pos, r, p);
      for (int i = p; i < decpt; i++) {
        buf[pos++] = '0';
      }
      buf[pos++] = '.';
      buf[pos++] = '0';
      return pos;
    }
    // ddd.ddd
    int end = pos + p + 1;
    long x = r;
    for (int i = end - 1; i > pos + decpt; i--) {
      buf[i] = (byte) ('0' + x % 10);
      x /= 10;
    }
    buf[pos + decpt] = '.';
    for (int i = pos + decpt - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + x % 10);
      x /= 10;
    }
    return end;
  }

  private static int putDigits(byte[] buf, int pos, long r, int p) {
    for (int i = pos + p - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + r % 10);
      r /= 10;
    }
    return pos + p;
  }
}
