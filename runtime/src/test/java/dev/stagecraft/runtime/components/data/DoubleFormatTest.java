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
    String[][] cases = {{"0.1", "0.1"}, {"12.0", "12.0"}, {"0.0001", "0.0001"}, {"1e-05", "1e-05"},
        {"1.5e+16", "1.5e+16"}, {"1234567890123456.0", "1234567890123456.0"}, {"1e+16", "1e+16"},
        {"-2.5", "-2.5"}, {"0.30000000000000004", "0.30000000000000004"}, {"0.0", "0.0"},
        {"-0.0", "-0.0"}, {"123.456", "123.456"}, {"2e+22", "2e+22"}, {"1.7976931348623157e+308",
        "1.7976931348623157e+308"}, {"2.2250738585072014e-308", "2.2250738585072014e-308"},
        {"100.0", "100.0"}, {"0.001", "0.001"}, {"9.999999999999999e-05", "9.999999999999999e-05"}};
    for (String[] c : cases) {
      assertEquals(c[1], format(Double.parseDouble(c[0])), c[0]);
    }
    assertEquals("NaN", format(Double.NaN));
    assertEquals("4.9E-324", format(Double.MIN_VALUE));
  }

  @Test
  void readsBackExactlyAndIsNoLongerThanJava() {
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < 1_000_000; i++) {
      double v = switch (i % 4) {
        case 0 -> Double.longBitsToDouble(random.nextLong());
        case 1 -> random.nextGaussian() * 100;
        case 2 -> Math.round(random.nextDouble() * 1e6) / 1e3;
        default -> random.nextDouble() * Math.pow(10, random.nextInt(-300, 300));
      };
      if (!Double.isFinite(v)) {
        continue;
      }
      String text = format(v);
      assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
      int ours = new BigDecimal(text).stripTrailingZeros().precision();
      int java = new BigDecimal(Double.toString(v)).stripTrailingZeros().precision();
      assertTrue(ours <= java, text + " vs " + Double.toString(v));
    }
  }
}
