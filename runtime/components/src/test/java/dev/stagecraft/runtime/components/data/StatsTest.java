package dev.stagecraft.runtime.components.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {
  private static final double NaN = Double.NaN;

  @Test
  void quantilesInterpolateLinearlyAsNumpy() {
    // n = 6: q25 sits at index 5 * 0.25 = 1.25 -> 2 + 0.25 * (3 - 2) = 2.25;
    // q75 at 3.75 -> numpy computes b - (b - a) * (1 - t) = 5 - 1 * 0.25 = 4.75
    assertArrayEquals(
        new double[] {2.25, 4.75}, Stats.quantiles(new double[] {6, 1, 5, 2, 4, 3}, 0.25, 0.75));
    // NaN ignored: [1, 2, 4, 10] -> q25 at 0.75: 1.75; q75 at 2.25: 4 + 0.25 * 6 = 5.5
    assertArrayEquals(
        new double[] {1.75, 5.5}, Stats.quantiles(new double[] {10, NaN, 1, 4, 2}, 0.25, 0.75));
    // one value: every quantile is that value; two values: 0.25 -> 1 + 0.25 * 2 = 1.5, 0.75 -> 2.5
    assertArrayEquals(new double[] {7, 7}, Stats.quantiles(new double[] {7}, 0.25, 0.75));
    assertArrayEquals(new double[] {1.5, 2.5}, Stats.quantiles(new double[] {3, 1}, 0.25, 0.75));
    assertArrayEquals(new double[] {NaN, NaN}, Stats.quantiles(new double[] {NaN}, 0.25, 0.75));
  }

  @Test
  void quantilesByQuickselectAgreeWithSorting() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n = 1; n < 200; n++) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(20); // many ties
      }
      double[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      for (double q : new double[] {0.25, 0.5, 0.75}) {
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        double expected = lo + 1 < n ? Stats.lerp(sorted[lo], sorted[lo + 1], h - lo) : sorted[lo];
        assertEquals(
            expected, Stats.quantiles(values, 0.25, 0.5, 0.75)[(int) (q * 4) - 1], "n=" + n);
      }
    }
  }

  @Test
  void medianAveragesTheMiddlePair() {
    assertEquals(3.0, Stats.median(new double[] {10, 4, NaN, 2, 1})); // (2 + 4) / 2
    assertEquals(4.0, Stats.median(new double[] {10, 4, 1}));
    assertEquals(NaN, Stats.median(new double[] {NaN}));
  }

  @Test
  void mostFrequentTakesTheSmallestOfTies() {
    assertEquals(1.0, Stats.mostFrequent(new double[] {3, 1, 3, 1, 2, NaN, NaN, NaN}));
    assertEquals(2.0, Stats.mostFrequent(new double[] {5, 2}));
  }

  @Test
  void populationVarianceDividesByN() {
    // [1, 2, 4.25, 4, 10]: mean 4.25, squared deviations 10.5625 + 5.0625 + 0 + 0.0625 + 33.0625
    // = 48.75, / 5 = 9.75
    double[] x = {1, 2, 4.25, 4, 10};
    assertEquals(4.25, Stats.mean(x));
    assertEquals(9.75, Stats.populationVariance(x, 4.25));
  }

  @Test
  void pearsonUsesPairwiseCompleteRows() {
    // a = [1, 2, 3, 4], c = [1, -1, 1, -1]: cov sum -2, ssq 5 and 4 -> r = -2 / sqrt(20)
    assertEquals(
        -2 / Math.sqrt(20),
        Stats.pearson(new double[] {1, 2, 3, 4, NaN}, new double[] {1, -1, 1, -1, 7}),
        1e-15);
    assertEquals(NaN, Stats.pearson(new double[] {1, 2, 3}, new double[] {5, 5, 5}));
    assertEquals(NaN, Stats.pearson(new double[] {1}, new double[] {2}));
  }

  @Test
  void pairwiseSumMatchesNumpyOrderForLongArrays() {
    // numpy sums blocks of <= 128 with 8 accumulators; the result must equal a sum done in that
    // order and stay within rounding of the exact sum.
    double[] x = new double[1000];
    java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble() * 1e6;
      exact = exact.add(new java.math.BigDecimal(x[i]));
    }
    assertEquals(exact.doubleValue(), Stats.sum(x, 0, x.length, 0, false), 1e-6);
  }
}
