package dev.stagecraft.runtime.components.train;

import dev.stagecraft.annotations.syntax.Suggestions;
import java.util.Arrays;
import java.util.List;

/** The score a hyperparameter search maximizes on its validation folds. */
public enum Metric {
  /** The fraction predicted right. */
  ACCURACY("accuracy"),
  /** F1 weighted by class support. */
  F1_WEIGHTED("f1_weighted"),
  /** Area under the ROC curve; binary targets only. */
  ROC_AUC("roc_auc");

  private final String id;

  Metric(String id) {
    this.id = id;
  }

  /** The name used in configurations, as scikit-learn's scorer names. */
  public String id() {
    return id;
  }

  /** This metric's value in {@code metrics}. */
  public double of(ClassificationMetrics metrics) {
    return switch (this) {
      case ACCURACY -> metrics.accuracy();
      case F1_WEIGHTED -> metrics.f1();
      case ROC_AUC -> metrics.rocAuc() == null ? Double.NaN : metrics.rocAuc();
    };
  }

  /**
   * The metric of that name.
   *
   * @throws TrainingConfigException listing the valid names
   */
  public static Metric fromId(String id) {
    for (Metric metric : values()) {
      if (metric.id.equals(id)) {
        return metric;
      }
    }
    List<String> valid = Arrays.stream(values()).map(Metric::id).toList();
    throw new TrainingConfigException(
        "unknown metric '" + id + "'" + Suggestions.didYouMean(id, valid) + "; valid: " + valid);
  }
}
