package dev.stagecraft.runtime.components.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values from Python's {@code math.erfc}: {@code 0.5 * erfc(-z / sqrt(2))}. */
class GaussianTest {
  @Test
  void theCdfMatchesErfcAcrossTheRange() {
    assertEquals(0.5, Gaussian.cdf(0));
    assertEquals(0.15865525393145707, Gaussian.cdf(-1), 1e-15);
    assertEquals(0.0013498980316300957, Gaussian.cdf(-3), 1e-15);
    assertEquals(0.9772498680518208, Gaussian.cdf(2), 1e-15);
    assertEquals(7.619853024160593e-24, Gaussian.cdf(-10), 1e-35);
  }

  @Test
  void theLogCdfStaysFiniteFarIntoTheLowerTail() {
    assertEquals(-53.23128515051246, Gaussian.logCdf(-10), 1e-12);
    assertEquals(-804.6084420137538, Gaussian.logCdf(-40), 1e-9);
    assertEquals(-2.866516130081049e-7, Gaussian.logCdf(5), 1e-15);
  }

  @Test
  void intervalMassesAreExactInTheTailsAndEmptyWhenReversed() {
    assertEquals(-6.63146779, Gaussian.logMass(3, 4), 1e-8);
    assertEquals(-424.78741991, Gaussian.logMass(-30, -29), 1e-7);
    assertEquals(-0.20016629432446248, Gaussian.logMass(-1, 2), 1e-12);
    assertEquals(Double.NEGATIVE_INFINITY, Gaussian.logMass(1, 1));
  }

  @Test
  void truncatedQuantilesInvertTheTruncatedCdf() {
    assertEquals(-0.242403817889227, Gaussian.truncatedQuantile(-1, 2, 0.3), 1e-12);
    assertEquals(2.524533562509556, Gaussian.truncatedQuantile(-0.2, 30, 0.99), 1e-12);
    for (double u = 0; u <= 1; u += 0.125) {
      double z = Gaussian.truncatedQuantile(0.5, 1.5, u);
      assertTrue(z >= 0.5 && z <= 1.5, "u " + u + " gives " + z);
    }
  }
}
