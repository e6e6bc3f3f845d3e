package dev.stagecraft.runtime.components.train;

import com.fasterxml.jackson.annotation.JsonView;
import dev.stagecraft.runtime.components.search.TrialState;
import dev.stagecraft.runtime.store.codec.JsonViews;
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
 * @param foldScores the metric on each validation fold evaluated, in fold order (fewer than the
 *     folds when the trial was pruned)
 * @param meanScore the mean of the fold scores: the partial score of a pruned trial
 * @param method the search method that proposed it: {@code random}, {@code grid} or {@code tpe}
 * @param state complete, or pruned (stopped after some folds; never chosen as best)
 * @param durationMs the wall time of the trial's fits and scoring, in milliseconds (stored, but not
 *     part of cache keys: it does not change what was computed)
 */
public record TrialRecord(
    int trial,
    String modelType,
    Map<String, Object> params,
    List<Double> foldScores,
    double meanScore,
    String method,
    TrialState state,
    @JsonView(JsonViews.NotInCacheKey.class) long durationMs) {

  /** Copies the params and scores; a record written before states existed is complete. */
  public TrialRecord {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    foldScores = List.copyOf(foldScores);
    state = state == null ? TrialState.COMPLETE : state;
  }

  /** Whether the trial ran every fold (only complete trials can be the best). */
  public boolean complete() {
    return state == TrialState.COMPLETE;
  }
}
