package dev.stagecraft.runtime.components.data;

import java.nio.charset.StandardCharsets;

/**
 * Writes a double as the shortest decimal (15 to 17 significant digits, fewer when trailing zeros
 * drop) that reads back to the same double, in Python's {@code repr} layout as pandas'
 * {@code to_csv} writes it: {@code 0.1}, {@code 12.0}, {@code 0.0001}, {@code 1e-05},
 * {@code 1.5e+16}. Each candidate is checked by parsing it back with {@link NumberParser}'s exact
 * algorithms; the rare value no candidate fits (and subnormals) is written by
 * {@link Double#toString(double)}, which also reads back exactly.
 */
final class DoubleFormat {
  private DoubleFormat() {}

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
    long r = rounded(d / 1000, d % 1000 >= 500, E15);
    int exp = r == E15 ? e10 + 1 : e10;
    if (r == E15) {
      r = E15 / 10;
    }
    if (readsBackAs(r, exp - 14, positive)) {
      return digitsOut(buf, pos, negative, r, 15, exp);
    }
    r = rounded(d / 100, d % 100 >= 50, E16);
    exp = r == E16 ? e10 + 1 : e10;
    if (r == E16) {
      r = E16 / 10;
    }
    if (readsBackAs(r, exp - 15, positive)) {
      return digitsOut(buf, pos, negative, r, 16, exp);
    }
    r = rounded(d / 10, d % 10 >= 5, E17);
    exp = r == E17 ? e10 + 1 : e10;
    if (r == E17) {
      r = E17 / 10;
    }
    if (readsBackAs(r, exp - 16, positive)) {
      return digitsOut(buf, pos, negative, r, 17, exp);
    }
    return fallback(buf, pos, v);
  }

  private static long rounded(long r, boolean up, long limit) {
    return up ? r + 1 : r;
  }

  private static int fallback(byte[] buf, int pos, double v) {
    String text = v == 0 ? (Double.doubleToRawLongBits(v) < 0 ? "-0.0" : "0.0") : Double.toString(v);
    for (int i = 0; i < text.length(); i++) {
      buf[pos++] = (byte) text.charAt(i);
    }
    return pos;
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
      double value = exponent < 0
          ? mantissa / NumberParser.powerOfTen(-exponent)
          : mantissa * NumberParser.powerOfTen(exponent);
      return Double.doubleToRawLongBits(value) == positiveBits;
    }
    return EiselLemire.toDoubleBits(mantissa, exponent, false) == positiveBits;
  }

  /** Writes {@code r} (p digits, first digit worth 10^exp) in Python's repr layout. */
  private static int digitsOut(byte[] buf, int pos, boolean negative, long r, int p, int exp) {
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
        buf[pos++] = (byte) ('0' + a / 10);
        buf[pos++] = (byte) ('0' + a % 10);
      } else {
        buf[pos++] = (byte) ('0' + a / 10);
        buf[pos++] = (byte) ('0' + a % 10);
      }
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
