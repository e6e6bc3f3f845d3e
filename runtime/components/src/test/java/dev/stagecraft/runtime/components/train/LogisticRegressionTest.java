package dev.stagecraft.runtime.components.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * The weights and probabilities of scikit-learn 1.2's {@code LogisticRegression(C=..., tol=1e-10,
 * max_iter=1000)} on 12 rows of 2 features, printed by scikit-learn and held here.
 */
class LogisticRegressionTest {
  private static final double[][] X = {
    {0.5, 1.0}, {1.5, -0.5}, {-1.0, 2.0}, {2.0, 0.5}, {-0.5, -1.5}, {1.0, 1.0},
    {-2.0, 0.0}, {0.0, -2.0}, {3.0, 1.0}, {-1.5, -0.5}, {0.5, 2.5}, {2.5, -1.0}
  };
  private static final int[] BINARY = {1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1};
  private static final int[] THREE = {2, 1, 0, 1, 0, 2, 0, 0, 1, 0, 2, 1};

  /** Features named so that Tribuo's ids (sorted by name) differ from the column order. */
  private static LabeledData data(int[] classes, List<String> labels) {
    double[] values = new double[X.length * 2];
    for (int i = 0; i < X.length; i++) {
      values[2 * i] = X[i][0];
      values[2 * i + 1] = X[i][1];
    }
    return LabeledData.of("y", List.of("z", "a"), labels, values, classes);
  }

  private static double[][] fit(LabeledData data, double c) {
    return LogisticRegression.fit(data, c, 1000, 1e-10, iteration -> {});
  }

  @Test
  void binaryWeightsAreScikitLearns() {
    LabeledData data = data(BINARY, List.of("no", "yes"));
    double[][] w = fit(data, 1.0);
    assertArrayEquals(new double[] {0, 0, 0}, w[0]);
    assertArrayEquals(new double[] {1.40578468, 0.06038282, -0.72344044}, w[1], 1e-6);
    assertArrayEquals(new double[] {0.45666716, 0.03782747, -0.23668541}, fit(data, 0.1)[1], 1e-6);
  }

  @Test
  void theTribuoModelGivesScikitLearnsProbabilities() {
    LabeledData data = data(BINARY, List.of("no", "yes"));
    Model<Label> model = LinearModels.logistic(data, fit(data, 1.0), Map.of("C", 1.0));
    List<Prediction<Label>> predictions = model.predict(data.examples());
    double[] expected = {0.50995736, 0.79495323, 0.11831759};
    for (int i = 0; i < expected.length; i++) {
      Map<String, Label> scores = predictions.get(i).getOutputScores();
      assertEquals(expected[i], scores.get("yes").getScore(), 1e-6);
      assertEquals(1 - expected[i], scores.get("no").getScore(), 1e-6);
    }
    assertEquals("yes", predictions.get(0).getOutput().getLabel());
    assertEquals("no", predictions.get(2).getOutput().getLabel());
  }

  @Test
  void multinomialWeightsAreScikitLearns() {
    LabeledData data = data(THREE, List.of("a", "b", "c"));
    double[][] w = fit(data, 1.0);
    assertArrayEquals(new double[] {-1.21796919, -0.34138882, 0.92937679}, w[0], 1e-6);
    assertArrayEquals(new double[] {1.16973355, -0.28826432, -0.80815136}, w[1], 1e-6);
    assertArrayEquals(new double[] {0.04823564, 0.62965314, -0.12122543}, w[2], 1e-6);
    Model<Label> model = LinearModels.logistic(data, w, Map.of("C", 1.0));
    Map<String, Label> first = model.predict(data.examples().get(0)).getOutputScores();
    assertEquals(0.29835681, first.get("a").getScore(), 1e-6);
    assertEquals(0.18268034, first.get("b").getScore(), 1e-6);
    assertEquals(0.51896284, first.get("c").getScore(), 1e-6);
  }

  @Test
  void iterationsAreCountedAndCappedAndTheFitIsDeterministic() {
    LabeledData data = data(BINARY, List.of("no", "yes"));
    int[] last = {0};
    LogisticRegression.fit(data, 1.0, 3, 1e-10, iteration -> last[0] = iteration);
    assertEquals(3, last[0]);
    double[][] once = fit(data, 1.0);
    double[][] again = fit(data, 1.0);
    for (int c = 0; c < once.length; c++) {
      assertArrayEquals(once[c], again[c], 0.0);
    }
    LogisticRegression.fit(data, 1.0, 1000, 1e-4, iteration -> last[0] = iteration);
    assertTrue(last[0] < 20, "scikit-learn's tolerance converges in a few iterations: " + last[0]);
  }
}
