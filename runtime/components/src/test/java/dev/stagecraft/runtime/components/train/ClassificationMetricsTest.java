package dev.stagecraft.runtime.components.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics against values worked out by hand (the same as scikit-learn's on these inputs). */
class ClassificationMetricsTest {
  private static final double EPS = 1e-12;

  private static List<ExamplePrediction> predictions(String actual, String predicted) {
    List<ExamplePrediction> out = new ArrayList<>();
    for (int i = 0; i < actual.length(); i++) {
      out.add(
          new ExamplePrediction(
              String.valueOf(actual.charAt(i)), String.valueOf(predicted.charAt(i)), null));
    }
    return out;
  }

  @Test
  void weightedScoresOfAThreeClassExample() {
    // a: tp 2, predicted 2, support 3 -> P 1, R 2/3, F1 4/5
    // b: tp 1, predicted 2, support 2 -> P 1/2, R 1/2, F1 1/2
    // c: tp 1, predicted 2, support 1 -> P 1/2, R 1, F1 2/3
    ClassificationMetrics m = ClassificationMetrics.of(predictions("aaabbc", "aabbcc"), null);
    assertEquals(6, m.examples());
    assertEquals(4.0 / 6, m.accuracy(), EPS);
    assertEquals((3 * 1 + 2 * 0.5 + 1 * 0.5) / 6, m.precision(), EPS);
    assertEquals((3 * (2.0 / 3) + 2 * 0.5 + 1 * 1) / 6, m.recall(), EPS);
    assertEquals((3 * 0.8 + 2 * 0.5 + 1 * (2.0 / 3)) / 6, m.f1(), EPS);
    assertNull(m.rocAuc());
  }

  @Test
  void aClassNeverPredictedScoresZeroAndAPredictedClassWithoutSupportWeighsNothing() {
    // b never predicted: its precision is 0/0 -> 0 (zero_division=0)
    ClassificationMetrics never = ClassificationMetrics.of(predictions("aabb", "aaaa"), null);
    assertEquals(0.25, never.precision(), EPS);
    assertEquals(0.5, never.recall(), EPS);
    assertEquals((2 * (2.0 / 3)) / 4, never.f1(), EPS);
    // d predicted once but never true: counted as a's false negative, weight 0 itself
    ClassificationMetrics extra = ClassificationMetrics.of(predictions("aabb", "adbb"), null);
    assertEquals(1.0, extra.precision(), EPS);
    assertEquals(0.75, extra.recall(), EPS);
    assertEquals((2 * (2.0 / 3) + 2 * 1.0) / 4, extra.f1(), EPS);
  }

  @Test
  void rocAucCountsTiedScoresAsHalf() {
    // positives 0.9, 0.7, 0.4; negatives 0.8, 0.7, 0.2:
    // 0.9 beats 3; 0.7 beats 0.2, ties 0.7 (1/2), loses to 0.8; 0.4 beats 0.2 -> 5.5 of 9 pairs
    List<ExamplePrediction> p =
        List.of(
            new ExamplePrediction("p", "p", 0.9),
            new ExamplePrediction("n", "p", 0.8),
            new ExamplePrediction("p", "p", 0.7),
            new ExamplePrediction("n", "p", 0.7),
            new ExamplePrediction("p", "n", 0.4),
            new ExamplePrediction("n", "n", 0.2));
    assertEquals(5.5 / 9, ClassificationMetrics.of(p, "p").rocAuc(), EPS);
  }

  @Test
  void rocAucIsUndefinedForASingleClass() {
    List<ExamplePrediction> p =
        List.of(new ExamplePrediction("p", "p", 0.9), new ExamplePrediction("p", "n", 0.1));
    assertNull(ClassificationMetrics.of(p, "p").rocAuc());
  }

  @Test
  void perfectRankingHasAucOne() {
    List<ExamplePrediction> p =
        List.of(
            new ExamplePrediction("n", "n", 0.1),
            new ExamplePrediction("p", "p", 0.6),
            new ExamplePrediction("n", "p", 0.55));
    assertEquals(1.0, ClassificationMetrics.of(p, "p").rocAuc(), EPS);
  }
}
