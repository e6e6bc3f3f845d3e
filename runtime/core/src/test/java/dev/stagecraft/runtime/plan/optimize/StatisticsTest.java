package dev.stagecraft.runtime.plan.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentiles and spreads against values worked out by hand. */
class StatisticsTest {
  @Test
  void percentilesInterpolateBetweenRanks() {
    List<Double> v = List.of(4.0, 1.0, 3.0, 2.0);

    // sorted 1 2 3 4: h = 3 p
    assertEquals(2.5, Statistics.median(v), 1e-12); // h 1.5
    assertEquals(3.7, Statistics.percentile(v, 0.9), 1e-12); // h 2.7: 3 + 0.7
    assertEquals(1.0, Statistics.percentile(v, 0), 1e-12);
    assertEquals(4.0, Statistics.percentile(v, 1), 1e-12);
    assertEquals(7.0, Statistics.percentile(List.of(7.0), 0.9), 1e-12);
    assertTrue(Double.isNaN(Statistics.median(List.of())));
  }

  @Test
  void theSpreadIsTheMedianAbsoluteDeviationOverTheMedian() {
    // median 11, deviations 1, 1, 0: their median 1
    assertEquals(1 / 11.0, Statistics.relativeSpread(List.of(10.0, 12.0, 11.0)), 1e-12);
    assertEquals(0, Statistics.relativeSpread(List.of(0.0, 0.0)));
  }
}
