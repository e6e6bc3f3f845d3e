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
    assertEquals(
        Double.doubleToRawLongBits(Double.parseDouble(text)),
        Double.doubleToRawLongBits(parse(text)),
        text);
  }

  @Test
  void agreesBitForBitWithParseDoubleOnShortestReprs() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 300_000; i++) {
      double v =
          switch (i % 4) {
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
    for (String text :
        new String[] {
          "9007199254740993",
          "9007199254740993.0",
          "2.2250738585072011e-308",
          "4.9e-324",
          "2.4703282292062327e-324",
          "1.7976931348623158e308",
          "7.2057594037927933e16",
          "0.1",
          "123456789012345678",
          "1e-400",
          "1e400"
        }) {
      assertSameAsJava(text);
    }
  }

  @Test
  void acceptsSignsBarePointsAndInfinities() {
    String[][] cases = {
      {"+1.5", "1.5"},
      {"-0", "-0.0"},
      {".5", "0.5"},
      {"5.", "5.0"},
      {"-.5e1", "-5.0"},
      {"007", "7.0"},
      {"1E+2", "100.0"},
      {"1e-2", "0.01"},
      {"1e0000000000000000000002", "100.0"},
      {"inf", "Infinity"},
      {"+inf", "Infinity"},
      {"INF", "Infinity"},
      {"Infinity", "Infinity"},
      {"+Infinity", "Infinity"},
      {"-inf", "-Infinity"},
      {"-INF", "-Infinity"},
      {"-Infinity", "-Infinity"}
    };
    for (String[] c : cases) {
      assertEquals(c[1], Double.toString(parse(c[0])), c[0]);
    }
  }

  @Test
  void rejectsWhatIsNotANumber() {
    for (String text :
        new String[] {
          "",
          "-",
          "+",
          ".",
          "-.",
          "e5",
          "1e",
          "1e+",
          "1.2.3",
          "1x",
          "0x10",
          "0x1p3",
          "1d",
          "1f",
          " 1",
          "1 ",
          "NaN",
          "nan",
          "Inf",
          "infinity",
          "--1",
          "1e5.5"
        }) {
      assertTrue(Double.isNaN(parse(text)), text);
    }
  }

  @Test
  void parsesANumberAtTheStartOfLongerText() {
    byte[] b = "12.5e1,x\n-.25\n7e,1e".getBytes(StandardCharsets.ISO_8859_1);
    int[] stop = new int[1];
    assertEquals(125.0, NumberParser.parsePrefix(b, 0, b.length, stop));
    assertEquals(6, stop[0]);
    assertTrue(Double.isNaN(NumberParser.parsePrefix(b, 7, b.length, stop)));
    assertEquals(7, stop[0]);
    assertEquals(-0.25, NumberParser.parsePrefix(b, 9, b.length, stop));
    assertEquals(13, stop[0]);
    assertTrue(
        Double.isNaN(NumberParser.parsePrefix(b, 14, b.length, stop)),
        "an exponent without digits");
    assertEquals(14, stop[0]);
    assertEquals(1.0, NumberParser.parsePrefix(b, 17, 18, stop), "stops at the limit");
    assertEquals(18, stop[0]);
    assertTrue(Double.isNaN(NumberParser.parsePrefix(b, 17, b.length, stop)));
  }
}
