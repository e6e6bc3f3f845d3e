package dev.stagecraft.runtime.components.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluated point of a hyperparameter search, as kept in the optimization history.
 *
 * @param trial the trial's number, from 0, in evaluation order
 * @param modelType the model type's id
 * @param params every hyperparameter's value, in declaration order
 * @param foldScores the metric on each validation fold, in fold order
 * @param meanScore the mean of the fold scores
 */
public record TrialRecord(
    int trial,
    String modelType,
    Map<String, Object> params,
    List<Double> foldScores,
    double meanScore) {

  /** Copies the params and scores. */
  public TrialRecord {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    foldScores = List.copyOf(foldScores);
  }
}
