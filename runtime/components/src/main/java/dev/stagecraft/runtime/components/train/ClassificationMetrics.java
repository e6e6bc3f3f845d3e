package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Scores of a classifier on a set of examples, defined as scikit-learn defines them: precision,
 * recall and F1 are {@code average='weighted'} (each class's score weighted by its support, the
 * number of true examples of the class) over the labels present in the true or predicted values,
 * with {@code zero_division=0}; ROC AUC is the trapezoidal area under the ROC curve with tied
 * scores taken as one threshold (as {@code roc_auc_score} does), for a binary target only.
 *
 * @param examples the number of examples scored
 * @param accuracy the fraction predicted right
 * @param precision support-weighted precision
 * @param recall support-weighted recall
 * @param f1 support-weighted F1
 * @param rocAuc area under the ROC curve of the positive class; {@code null} when the target is not
 *     binary or the examples hold a single class
 */
public record ClassificationMetrics(
    int examples, double accuracy, double precision, double recall, double f1, Double rocAuc) {

  /**
   * Scores predictions.
   *
   * @param positiveLabel the positive class of a binary target (its scores are in the predictions);
   *     {@code null} for a multiclass target
   */
  public static ClassificationMetrics of(
      List<ExamplePrediction> predictions, String positiveLabel) {
    int n = predictions.size();
    if (n == 0) {
      throw new IllegalArgumentException("no predictions to score");
    }
    List<String> labels =
        new ArrayList<>(
            new TreeSet<>(
                predictions.stream()
                    .flatMap(p -> java.util.stream.Stream.of(p.actual(), p.predicted()))
                    .toList()));
    int k = labels.size();
    int[] truePositives = new int[k];
    int[] predictedCount = new int[k];
    int[] support = new int[k];
    int correct = 0;
    for (ExamplePrediction p : predictions) {
      int actual = labels.indexOf(p.actual());
      int predicted = labels.indexOf(p.predicted());
      support[actual]++;
      predictedCount[predicted]++;
      if (actual == predicted) {
        truePositives[actual]++;
        correct++;
      }
    }
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    for (int c = 0; c < k; c++) {
      int tp = truePositives[c];
      int fp = predictedCount[c] - tp;
      int fn = support[c] - tp;
      precision += support[c] * ratio(tp, tp + fp);
      recall += support[c] * ratio(tp, tp + fn);
      f1 += support[c] * ratio(2.0 * tp, 2.0 * tp + fp + fn);
    }
    Double auc = positiveLabel == null ? null : rocAuc(predictions, positiveLabel);
    return new ClassificationMetrics(
        n, (double) correct / n, precision / n, recall / n, f1 / n, auc);
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0 : numerator / denominator;
  }

  /**
   * The area under the ROC curve of {@code positiveLabel}, by the trapezoidal rule over the curve's
   * points at each distinct score; {@code null} when all examples are of one class.
   */
  static Double rocAuc(List<ExamplePrediction> predictions, String positiveLabel) {
    ExamplePrediction[] sorted = predictions.toArray(ExamplePrediction[]::new);
    Arrays.sort(sorted, Comparator.comparingDouble(ExamplePrediction::positiveScore).reversed());
    long positives = predictions.stream().filter(p -> p.actual().equals(positiveLabel)).count();
    long negatives = predictions.size() - positives;
    if (positives == 0 || negatives == 0) {
      return null;
    }
    double area = 0;
    long tp = 0;
    long fp = 0;
    int i = 0;
    while (i < sorted.length) {
      long previousTp = tp;
      long previousFp = fp;
      double score = sorted[i].positiveScore();
      while (i < sorted.length && sorted[i].positiveScore() == score) {
        if (sorted[i].actual().equals(positiveLabel)) {
          tp++;
        } else {
          fp++;
        }
        i++;
      }
      area += (fp - previousFp) * (tp + previousTp) / 2.0;
    }
    return area / ((double) positives * negatives);
  }
}
