package dev.stagecraft.runtime.components.data;

import java.math.BigInteger;

/**
 * The Eisel-Lemire algorithm (D. Lemire, "Number Parsing at a Gigabyte per Second", 2021; as in
 * Go's {@code strconv.eiselLemire64}): converts {@code mantissa * 10^exponent} to the nearest
 * double with one or two 64x64-bit multiplications by a truncated 128-bit power of ten, and says
 * when it cannot decide. Parsing uses FastDoubleParser; this stays only for {@link DoubleFormat}'s
 * allocation-free fast path, which checks its candidate digits with it and takes its truncated
 * powers of ten (see there why). The table of powers is computed exactly with {@link BigInteger}
 * when the class loads.
 */
final class EiselLemire {
  private EiselLemire() {}

  private static final int MIN_EXP10 = -348;
  private static final int MAX_EXP10 = 347;

  /** For 10^e: {@code [2 * (e - MIN_EXP10)]} the high 64 bits, {@code [.. + 1]} the low 64 bits. */
  private static final long[] POWERS = powers();

  /** The high 64 bits of the truncated 128-bit mantissa of 10^e, {@code -348 <= e <= 347}. */
  static long powerHigh(int e) {
    return POWERS[2 * (e - MIN_EXP10)];
  }

  /** x with {@code 10^e ~ mantissa128 * 2^x}: {@code floor(log2(10^e)) - 127}. */
  static int powerExponent(int e) {
    return EXPONENTS[e - MIN_EXP10];
  }

  private static final int[] EXPONENTS = exponents();

  private static int[] exponents() {
    int[] table = new int[MAX_EXP10 - MIN_EXP10 + 1];
    for (int e = MIN_EXP10; e <= MAX_EXP10; e++) {
      int bits = BigInteger.TEN.pow(Math.abs(e)).bitLength();
      // 10^e >= 0: in [2^(bits-1), 2^bits); 10^-e: 2^-bits < 10^e <= 2^-(bits-1), equal only for e
      // = 0
      table[e - MIN_EXP10] = e >= 0 ? bits - 1 - 127 : -bits - 127;
    }
    return table;
  }

  /** Marks "undecided": not a double bit pattern the algorithm produces. */
  static final long UNDECIDED = -1L;

  private static long[] powers() {
    long[] table = new long[2 * (MAX_EXP10 - MIN_EXP10 + 1)];
    BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (int e = MIN_EXP10; e <= MAX_EXP10; e++) {
      BigInteger v;
      if (e >= 0) {
        BigInteger p = BigInteger.TEN.pow(e);
        int bits = p.bitLength();
        v = bits >= 128 ? p.shiftRight(bits - 128) : p.shiftLeft(128 - bits);
      } else {
        BigInteger d = BigInteger.TEN.pow(-e);
        int bits = d.bitLength();
        v = BigInteger.ONE.shiftLeft(127 + bits).divide(d); // truncated, 128 bits
      }
      int i = 2 * (e - MIN_EXP10);
      table[i] = v.shiftRight(64).longValue();
      table[i + 1] = v.and(mask).longValue();
    }
    return table;
  }

  /**
   * The bits of the double nearest {@code mantissa * 10^exponent} ({@code mantissa} > 0, exact,
   * read as unsigned), with the sign bit set when {@code negative}; or {@link #UNDECIDED}.
   */
  static long toDoubleBits(long mantissa, int exponent, boolean negative) {
    if (exponent < MIN_EXP10 || exponent > MAX_EXP10) {
      return UNDECIDED;
    }
    int clz = Long.numberOfLeadingZeros(mantissa);
    long man = mantissa << clz;
    long retExp2 = ((217706L * exponent) >> 16) + 64 + 1023 - clz;
    int index = 2 * (exponent - MIN_EXP10);
    long powHi = POWERS[index];
    long powLo = POWERS[index + 1];
    long xHi = unsignedMultiplyHigh(man, powHi);
    long xLo = man * powHi;
    if ((xHi & 0x1FF) == 0x1FF && xLo + man + Long.MIN_VALUE < man + Long.MIN_VALUE) {
      long yHi = unsignedMultiplyHigh(man, powLo);
      long yLo = man * powLo;
      long mergedHi = xHi;
      long mergedLo = xLo + yHi;
      if (mergedLo + Long.MIN_VALUE < xLo + Long.MIN_VALUE) {
        mergedHi++;
      }
      if ((mergedHi & 0x1FF) == 0x1FF
          && mergedLo + 1 == 0
          && yLo + man + Long.MIN_VALUE < man + Long.MIN_VALUE) {
        return UNDECIDED;
      }
      xHi = mergedHi;
      xLo = mergedLo;
    }
    long msb = xHi >>> 63;
    long retMantissa = xHi >>> (msb + 9);
    retExp2 -= 1 ^ msb;
    if (xLo == 0 && (xHi & 0x1FF) == 0 && (retMantissa & 3) == 1) {
      return UNDECIDED;
    }
    retMantissa += retMantissa & 1;
    retMantissa >>>= 1;
    if ((retMantissa >>> 53) > 0) {
      retMantissa >>>= 1;
      retExp2 += 1;
    }
    if (retExp2 - 1 < 0 || retExp2 - 1 >= 0x7FF - 1) {
      return UNDECIDED;
    }
    long bits = retExp2 << 52 | (retMantissa & 0x000FFFFFFFFFFFFFL);
    return negative ? bits | 0x8000000000000000L : bits;
  }

  static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }
}
