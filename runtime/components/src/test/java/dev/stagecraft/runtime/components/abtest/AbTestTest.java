package dev.stagecraft.runtime.components.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.components.train.ExamplePrediction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** McNemar and z-test p-values against values worked out by hand. */
class AbTestTest {
  private static final double EPS = 1e-12;

  @Test
  void exactMcNemarIsTwiceTheBinomialTail() {
    // b=1, c=6: P[X <= 1] for Bin(7, 1/2) = (1 + 7) / 128
    assertEquals(2 * 8.0 / 128, AbTest.mcNemar(1, 6), EPS);
    // b=0, c=5: 2 * 1/32
    assertEquals(2.0 / 32, AbTest.mcNemar(0, 5), EPS);
    // b=3, c=3: 2 * 42/64 > 1, capped at 1
    assertEquals(1.0, AbTest.mcNemar(3, 3), EPS);
    assertEquals(1.0, AbTest.mcNemar(0, 0), EPS);
  }

  @Test
  void mcNemarFrom25DiscordantUsesChiSquareWithContinuityCorrection() {
    // b=10, c=20: (|10-20| - 1)^2 / 30 = 2.7; P[chi2(1) > 2.7] = erfc(sqrt(2.7 / 2))
    assertEquals(0.10034824646229074, AbTest.mcNemar(10, 20), 1e-9);
  }

  @Test
  void twoProportionZTestPoolsTheProportions() {
    // 90/100 vs 97/100: pooled 0.935, se sqrt(0.935 * 0.065 * 2/100), z 2.0078
    assertEquals(0.044664495512771255, AbTest.twoProportionZ(90, 97, 100), 1e-9);
    assertEquals(1.0, AbTest.twoProportionZ(100, 100, 100), EPS);
  }

  /** n examples of class "x"; A right on the first rightA, B right where its mask says. */
  private static List<ExamplePrediction> model(boolean[] right) {
    List<ExamplePrediction> out = new ArrayList<>();
    for (boolean r : right) {
      out.add(new ExamplePrediction("x", r ? "x" : "y", null));
    }
    return out;
  }

  @Test
  void significantAndMeaningfulSelectsTheBetterModelWithConfidenceOneMinusP() {
    // 100 examples: both right on 80, only B right on 10, only A right on 1, both wrong on 9
    boolean[] a = new boolean[100];
    boolean[] b = new boolean[100];
    for (int i = 0; i < 80; i++) {
      a[i] = b[i] = true;
    }
    for (int i = 80; i < 90; i++) {
      b[i] = true;
    }
    a[90] = true;
    AbTestResult r = AbTest.compare(model(a), model(b), AbTestOptions.DEFAULTS);
    // b+c = 11 < 25: exact, P[X <= 1] for Bin(11, 1/2) = 12 / 2048
    assertEquals("B", r.selected());
    assertEquals(1, r.selectedIndex());
    assertEquals("mcnemar_exact", r.test());
    assertEquals(2 * 12.0 / 2048, r.pValue(), EPS);
    assertEquals(0.09, r.improvement(), 1e-12);
    assertTrue(r.significant());
    assertTrue(r.meaningful());
    assertEquals(1 - 2 * 12.0 / 2048, r.confidence(), EPS);
    assertEquals(1, r.onlyARight());
    assertEquals(10, r.onlyBRight());
  }

  @Test
  void aSmallImprovementIsNotMeaningfulAndConfidenceIsOneHalf() {
    // only B right on 1 example: improvement 0.01 < 0.02, p = 1
    boolean[] a = new boolean[100];
    boolean[] b = new boolean[100];
    for (int i = 0; i < 90; i++) {
      a[i] = b[i] = true;
    }
    b[95] = true;
    AbTestResult r = AbTest.compare(model(a), model(b), AbTestOptions.DEFAULTS);
    assertEquals("B", r.selected());
    assertFalse(r.significant());
    assertFalse(r.meaningful());
    assertEquals(0.5, r.confidence(), EPS);
  }

  @Test
  void aTieSelectsA() {
    boolean[] same = {true, false, true};
    AbTestResult r = AbTest.compare(model(same), model(same), AbTestOptions.DEFAULTS);
    assertEquals("A", r.selected());
    assertEquals(1.0, r.pValue(), EPS);
    assertEquals(0.0, r.improvement(), EPS);
  }

  @Test
  void theZTestIsAnOption() {
    boolean[] a = new boolean[100];
    boolean[] b = new boolean[100];
    for (int i = 0; i < 90; i++) {
      a[i] = true;
    }
    for (int i = 0; i < 97; i++) {
      b[i] = true;
    }
    AbTestResult r =
        AbTest.compare(
            model(a), model(b), AbTestOptions.DEFAULTS.withTest(SignificanceTest.TWO_PROPORTION_Z));
    assertEquals("two_proportion_z", r.test());
    assertEquals(0.044664495512771255, r.pValue(), 1e-9);
    assertTrue(r.significant());
    assertTrue(r.meaningful());
  }

  @Test
  void predictionsOnDifferentExamplesAreAnError() {
    List<ExamplePrediction> a = List.of(new ExamplePrediction("x", "x", null));
    List<ExamplePrediction> b = List.of(new ExamplePrediction("y", "y", null));
    AbTestException e =
        assertThrows(AbTestException.class, () -> AbTest.compare(a, b, AbTestOptions.DEFAULTS));
    assertEquals(
        "models were tested on different examples: example 0 is 'x' for A and 'y' for B;"
            + " evaluate both on the same test split in the same order",
        e.getMessage());
    AbTestException size =
        assertThrows(
            AbTestException.class, () -> AbTest.compare(a, List.of(), AbTestOptions.DEFAULTS));
    assertEquals(
        "models were tested on different examples (1 and 0 predictions); evaluate both on the"
            + " same test split",
        size.getMessage());
  }

  @Test
  void badOptionsAreErrors() {
    AbTestException e =
        assertThrows(
            AbTestException.class, () -> new AbTestOptions(1.5, 0.02, SignificanceTest.MCNEMAR));
    assertEquals(
        "significance must be between 0 and 1 (exclusive), got 1.5; 0.05 is usual", e.getMessage());
    AbTestException min =
        assertThrows(
            AbTestException.class, () -> new AbTestOptions(0.05, -1, SignificanceTest.MCNEMAR));
    assertEquals(
        "minimum improvement is an accuracy difference in [0, 1], got -1.0", min.getMessage());
  }
}
