package dev.stagecraft.runtime.components.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The densities against Optuna 3.1's {@code _ParzenEstimator} with its defaults on the same
 * observations; the expected values were printed by Optuna ({@code log_pdf}).
 */
class ParzenEstimatorTest {
  private static final Parameter REAL = new Parameter.FloatRange("x", -5, 10, false);
  private static final Parameter INT = new Parameter.IntRange("y", 1, 8);
  private static final Parameter CHOICE = new Parameter.Categorical("z", List.of("a", "b", "c"));

  @Test
  void aRealMatchesOptuna() {
    ParzenEstimator p =
        new ParzenEstimator(List.of(REAL), new double[][] {{1.0, -2.5, 7.3, 7.4, 3.3}}, false);
    assertArrayEquals(
        new double[] {-1.38981935, -0.9847564, -0.94464128, -0.9513515, -1.2563141},
        p.logPdf(new double[][] {{-4.9, 0, 3.3, 7.35, 9.9}}),
        1e-8);
  }

  @Test
  void anIntegerMatchesOptuna() {
    ParzenEstimator p = new ParzenEstimator(List.of(INT), new double[][] {{3, 3, 8, 1}}, false);
    assertArrayEquals(
        new double[] {-1.9254578, -1.71263371, -2.16384936, -2.68579289},
        p.logPdf(new double[][] {{1, 3, 5, 8}}),
        1e-8);
  }

  @Test
  void aChoiceMatchesOptuna() {
    ParzenEstimator p =
        new ParzenEstimator(
            List.of(new Parameter.Categorical("z", List.of("a", "b", "c", "d"))),
            new double[][] {{0, 2, 2}},
            false);
    assertArrayEquals(
        new double[] {-1.26851133, -1.85629799, -0.90078655, -1.85629799},
        p.logPdf(new double[][] {{0, 1, 2, 3}}),
        1e-8);
  }

  @Test
  void theJointDensityMatchesOptunasMultivariateOne() {
    ParzenEstimator p =
        new ParzenEstimator(
            List.of(REAL, INT, CHOICE),
            new double[][] {{1.0, -2.5, 7.3}, {3, 3, 8}, {0, 2, 2}},
            true);
    assertArrayEquals(
        new double[] {-3.4340584, -4.40983464},
        p.logPdf(new double[][] {{0, 7.35}, {3, 5}, {0, 1}}),
        1e-7);
  }

  @Test
  void oldObservationsWeighLessBeyondTheNewest25() {
    double[] w = ParzenEstimator.weights(30);
    assertEquals(0.0011661807580174927, w[0], 1e-15);
    assertEquals(0.034985422740524776, w[5], 1e-15);
    assertEquals(w[5], w[30], 1e-15, "the prior weighs as a new observation");
    assertEquals(1.0, Arrays.stream(w).sum(), 1e-12);
  }

  @Test
  void drawsStayInsideTheRangeAndIntegersAreWhole() {
    ParzenEstimator p =
        new ParzenEstimator(List.of(REAL, INT, CHOICE), new double[][] {{9.9}, {8}, {2}}, true);
    double[][] draws = p.sample(new SplittableRandom(3), 500);
    for (int i = 0; i < 500; i++) {
      double x = draws[0][i];
      double y = draws[1][i];
      double z = draws[2][i];
      assertTrue(x >= -5 && x <= 10, "x " + x);
      assertTrue(y >= 1 && y <= 8 && y == Math.rint(y), "y " + y);
      assertTrue(z >= 0 && z <= 2 && z == Math.rint(z), "z " + z);
    }
  }
}
