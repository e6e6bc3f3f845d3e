package dev.stagecraft.runtime.components.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumberParserTest {
  private static double parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return NumberParser.parse(b, 0, b.length);
  }

  private static void assertSameAsJava(String text) {
    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
        Double.doubleToRawLongBits(parse(text)), text);
  }

  @Test
  void agreesBitForBitWithParseDoubleOnShortestReprs() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 300_000; i++) {
      double v = switch (i % 4) {
        case 0 -> Double.longBitsToDouble(random.nextLong() & 0x7FFFFFFFFFFFFFFFL);
        case 1 -> random.nextGaussian() * 100;
        case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-320, 300));
        default -> Math.scalb(random.nextDouble(), random.nextInt(-1074, 1000));
      };
      if (Double.isFinite(v)) {
        assertSameAsJava(Double.toString(v));
        assertSameAsJava(Double.toString(-v));
      }
    }
  }

  @Test
  void agreesOnRandomDigitStringsAndHalfwayCases() {
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      int digits = random.nextInt(1, 20);
      for (int d = 0; d < digits; d++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextBoolean()) {
        sb.insert(random.nextInt(sb.length() + 1), '.');
      }
      sb.append('e').append(random.nextInt(-340, 320));
      String text = sb.toString();
      if (!text.startsWith(".e")) {
        assertSameAsJava(text);
      }
    }
    // exactly between two doubles: 2^53 + 1, and the classic 9007199254740993
    for (String text : new String[] {"9007199254740993", "9007199254740993.0", "2.2250738585072011e-308",
        "4.9e-324", "2.4703282292062327e-324", "1.7976931348623158e308", "7.2057594037927933e16",
        "0.1", "123456789012345678", "1e-400", "1e400"}) {
      assertSameAsJava(text);
    }
  }

  @Test
  void rejectsWhatIsNotANumber() {
    for (String text : new String[] {"", "-", ".", "e5", "1e", "1.2.3", "1x", "0x10", "1d", " 1", "NaN"}) {
      assertTrue(Double.isNaN(parse(text)), text);
    }
  }
}
