package dev.stagecraft.runtime.components.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoubleFormatTest {
  private static String format(double v) {
    StringBuilder sb = new StringBuilder();
    DoubleFormat.append(sb, v);
    return sb.toString();
  }

  @Test
  void writesAsPythonRepr() {
    // expected strings are what Python's repr(float) prints
    String[][] cases = {
      {"0.1", "0.1"},
      {"12.0", "12.0"},
      {"0.0001", "0.0001"},
      {"1e-05", "1e-05"},
      {"1.5e+16", "1.5e+16"},
      {"1234567890123456.0", "1234567890123456.0"},
      {"1e+16", "1e+16"},
      {"-2.5", "-2.5"},
      {"0.30000000000000004", "0.30000000000000004"},
      {"0.0", "0.0"},
      {"-0.0", "-0.0"},
      {"123.456", "123.456"},
      {"2e+22", "2e+22"},
      {"1.7976931348623157e+308", "1.7976931348623157e+308"},
      {"2.2250738585072014e-308", "2.2250738585072014e-308"},
      {"100.0", "100.0"},
      {"0.001", "0.001"},
      {"9.999999999999999e-05", "9.999999999999999e-05"},
      {"9999999999999998.0", "9999999999999998.0"},
      {"1.2345678901234568e+17", "1.2345678901234568e+17"},
      {"0.00012345", "0.00012345"},
      {"1.2345e-05", "1.2345e-05"},
      {"1e+22", "1e+22"},
      {"1e+23", "1e+23"},
      {"2.225073858507201e-308", "2.225073858507201e-308"},
      {"1e-310", "1e-310"},
      {"0.3333333333333333", "0.3333333333333333"},
      {"1e15", "1000000000000000.0"},
      {"-1.5e-7", "-1.5e-07"},
      {"123456.789", "123456.789"},
      {"1e7", "10000000.0"}
    };
    for (String[] c : cases) {
      assertEquals(c[1], format(Double.parseDouble(c[0])), c[0]);
    }
    assertEquals("NaN", format(Double.NaN));
    assertEquals("Infinity", format(Double.POSITIVE_INFINITY));
    assertEquals("-Infinity", format(Double.NEGATIVE_INFINITY));
  }

  @Test
  void writesOneDigitWherePythonDoesForTinySubnormals() {
    // Java's Double.toString keeps a second, closer digit here (4.9E-324); Python's repr does not
    String[][] cases = {
      {"4.9E-324", "5e-324"},
      {"9.9E-324", "1e-323"},
      {"1.5E-323", "1.5e-323"},
      {"2.5E-323", "2.5e-323"},
      {"4.4E-323", "4.4e-323"},
      {"-4.9E-324", "-5e-324"}
    };
    for (String[] c : cases) {
      assertEquals(c[1], format(Double.parseDouble(c[0])), c[0]);
    }
  }

  @Test
  void readsBackExactlyAndIsNoLongerThanJava() {
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < 1_000_000; i++) {
      double v =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextGaussian() * 100;
            case 2 -> Math.round(random.nextDouble() * 1e6) / 1e3;
            default -> random.nextDouble() * Math.pow(10, random.nextInt(-300, 300));
          };
      if (!Double.isFinite(v)) {
        continue;
      }
      String text = format(v);
      assertEquals(
          Double.doubleToRawLongBits(v),
          Double.doubleToRawLongBits(Double.parseDouble(text)),
          text);
      int ours = new BigDecimal(text).stripTrailingZeros().precision();
      int java = new BigDecimal(Double.toString(v)).stripTrailingZeros().precision();
      assertTrue(ours <= java, text + " vs " + Double.toString(v));
    }
  }
}
