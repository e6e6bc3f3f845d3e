package dev.stagecraft.runtime.plan.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The data-size models on histories made to follow them. */
class SizeModelTest {
  private static double[] p(double size, double value) {
    return new double[] {size, value};
  }

  @Test
  void workProportionalToTheDataOnAFixedCostIsALine() {
    // 0.5 s + 1 s per million
    SizeModel m = SizeModel.fit(List.of(p(1e6, 1.5), p(2e6, 2.5), p(4e6, 4.5))).orElseThrow();

    assertEquals(SizeModel.Kind.LINEAR, m.kind());
    assertEquals(0.5, m.a(), 1e-9);
    assertEquals(1e-6, m.b(), 1e-15);
    assertEquals(8.5, m.at(8e6), 1e-9);
    assertEquals(1, m.rSquared(), 1e-12);
    assertEquals(0, m.typicalError(), 1e-9);
    assertEquals(3, m.sizes());
  }

  @Test
  void workGrowingFasterThanTheDataIsAPowerLaw() {
    // 2e-9 x size^1.5
    List<double[]> points =
        List.of(p(1e6, 2e-9 * 1e9), p(4e6, 2e-9 * 8e9), p(9e6, 2e-9 * 27e9), p(4e6, 16.0));
    SizeModel m = SizeModel.fit(points).orElseThrow();

    assertEquals(SizeModel.Kind.POWER_LAW, m.kind());
    assertEquals(1.5, m.b(), 1e-9);
    assertEquals(2e-9 * Math.pow(16e6, 1.5), m.at(16e6), 1e-6);
    assertEquals(4, m.points());
    assertEquals(3, m.sizes());
  }

  @Test
  void theFitReportsItsErrorOnNoisyPoints() {
    // a line with +10% and -10% noise
    SizeModel m =
        SizeModel.fit(List.of(p(1e6, 1.1), p(2e6, 1.8), p(3e6, 3.3), p(4e6, 3.6))).orElseThrow();

    assertTrue(m.rSquared() > 0.9 && m.rSquared() < 1, "R² " + m.rSquared());
    assertTrue(m.typicalError() > 0.05 && m.typicalError() < 0.2, "error " + m.typicalError());
  }

  @Test
  void fewerThanThreeSizesFitNothing() {
    assertEquals(Optional.empty(), SizeModel.fit(List.of(p(1e6, 1), p(2e6, 2), p(2e6, 2.1))));
    // sizes or values of 0 do not count
    assertEquals(Optional.empty(), SizeModel.fit(List.of(p(0, 1), p(2e6, 2), p(3e6, 0))));
  }

  @Test
  void coverageFallsWithTheDistanceBeyondTheFittedSizes() {
    SizeModel m = SizeModel.fit(List.of(p(1e6, 1), p(2e6, 2), p(4e6, 4))).orElseThrow();

    assertEquals(1, m.coverage(3e6));
    // range ln 4, beyond ln 2: ln 4 / (ln 4 + ln 2) = 2/3
    assertEquals(2 / 3.0, m.coverage(8e6), 1e-12);
    assertEquals(2 / 3.0, m.coverage(0.5e6), 1e-12);
  }
}
