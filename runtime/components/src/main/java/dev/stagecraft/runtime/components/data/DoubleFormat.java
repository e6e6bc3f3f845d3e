package dev.stagecraft.runtime.components.data;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;

/**
 * Writes a double as a short decimal that reads back to the same double, in Python's {@code repr}
 * layout as pandas' {@code to_csv} writes it: {@code 0.1}, {@code 12.0}, {@code 0.0001}, {@code
 * 1e-05}, {@code 1.5e+16}.
 *
 * <p>Fast path, allocation-free: the value rounded to 15, 16, then 17 significant digits (trailing
 * zeros dropped), each candidate checked by converting it back with {@link EiselLemire}. This is
 * kept by hand because the library path below allocates strings per value: on {@code benchmarks/run
 * preprocess} (20M values) it doubled the write's CPU time and made young-GC pause time 7x longer.
 * The digits are the shortest for all but about 0.04% of doubles, which get one digit more than
 * Python's {@code repr} (still reading back exactly).
 *
 * <p>Everything else (subnormals, the rare value the checks cannot decide, NaN, infinities) goes to
 * Jackson's {@link NumberOutput#toString(double, boolean)} with its Schubfach writer (the algorithm
 * of JDK 19+'s {@code Double.toString}: the shortest digits), moved from Java's layout ({@code
 * 1.0E-5}) to Python's, which is scientific when the exponent is below -4 or at least 16. Where
 * Java keeps a second digit Python drops (a few subnormals: {@code 4.9E-324}), the nearest single
 * digit that reads back is written ({@code 5e-324}). {@code NaN} and infinities are written as Java
 * writes them.
 */
final class DoubleFormat {
  private DoubleFormat() {}

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static final long E15 = 1_000_000_000_000_000L;
  private static final long E16 = 10 * E15;
  private static final long E17 = 100 * E15;
  private static final long E18 = 1000 * E15;
  private static final double LOG10_2 = 0.30102999566398120;

  /** Appends {@code v} to {@code sb} (for tests and small outputs). */
  static void append(StringBuilder sb, double v) {
    byte[] buf = new byte[32];
    int end = write(buf, 0, v);
    sb.append(new String(buf, 0, end, StandardCharsets.ISO_8859_1));
  }

  /** Writes {@code v} into {@code buf} at {@code pos} (at most 26 bytes); returns the new end. */
  static int write(byte[] buf, int pos, double v) {
    long bits = Double.doubleToRawLongBits(v);
    int biased = (int) (bits >>> 52) & 0x7FF;
    if (biased == 0 || biased == 0x7FF) {
      return fallback(buf, pos, v);
    }
    int e10 = (int) Math.floor((biased - 1023) * LOG10_2); // too low by at most one
    long d = digits(bits, biased, e10); // floor(|v| * 10^(17 - e10)): 18 or 19 digits
    if (Long.compareUnsigned(d, E18) >= 0) {
      d = Long.divideUnsigned(d, 10);
      e10++;
    }
    if (d < E17 || d >= E18) {
      return fallback(buf, pos, v);
    }
    long positive = bits & 0x7FFFFFFFFFFFFFFFL;
    boolean negative = bits < 0;
    long r = d / 1000 + (d % 1000 >= 500 ? 1 : 0);
    int exp = r == E15 ? e10 + 1 : e10;
    if (r == E15) {
      r = E15 / 10;
    }
    if (readsBackAs(r, exp - 14, positive)) {
      return pythonLayout(buf, pos, negative, r, 15, exp);
    }
    r = d / 100 + (d % 100 >= 50 ? 1 : 0);
    exp = r == E16 ? e10 + 1 : e10;
    if (r == E16) {
      r = E16 / 10;
    }
    if (readsBackAs(r, exp - 15, positive)) {
      return pythonLayout(buf, pos, negative, r, 16, exp);
    }
    r = d / 10 + (d % 10 >= 5 ? 1 : 0);
    exp = r == E17 ? e10 + 1 : e10;
    if (r == E17) {
      r = E17 / 10;
    }
    if (readsBackAs(r, exp - 16, positive)) {
      return pythonLayout(buf, pos, negative, r, 17, exp);
    }
    return fallback(buf, pos, v);
  }

  /** The library path: Schubfach's shortest digits, re-laid out as Python's repr. */
  private static int fallback(byte[] buf, int pos, double v) {
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

  /** floor(|v| * 10^(17 - e10)) as an unsigned long, or -1 when out of range. */
  private static long digits(long bits, int biased, int e10) {
    int k = 17 - e10;
    long m = (bits & 0x000FFFFFFFFFFFFFL) | 0x0010000000000000L;
    int e2 = biased - 1075;
    long a = m << 11;
    long t = EiselLemire.powerHigh(k);
    long hi = EiselLemire.unsignedMultiplyHigh(a, t);
    long lo = a * t;
    // |v| * 10^k ~ a * 2^(e2 - 11) * t * 2^(x + 64) = (hi:lo) * 2^(e2 - 11 + x - 64 + 64)
    int shift = -(e2 - 11 + EiselLemire.powerExponent(k) + 64);
    if (shift >= 128 || shift <= 0) {
      return -1;
    }
    if (shift >= 64) {
      return hi >>> (shift - 64);
    }
    return (hi << (64 - shift)) | (lo >>> shift);
  }

  private static boolean readsBackAs(long mantissa, int exponent, long positiveBits) {
    if (mantissa < E15 && exponent >= -22 && exponent <= 22) {
      double value =
          exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
      return Double.doubleToRawLongBits(value) == positiveBits;
    }
    return EiselLemire.toDoubleBits(mantissa, exponent, false) == positiveBits;
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
   * Schubfach keeps two digits when one would do but two are closer (only for subnormals with few
   * significant bits); Python's repr keeps one. Writes the nearest single digit that reads back, if
   * any.
   */
  private static int shortSubnormal(
      byte[] buf, int pos, double v, boolean negative, long digits, int firstDigitPower) {
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
