package dev.stagecraft.runtime.components.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial with its result, as samplers and pruners see the history.
 *
 * @param number the trial's number
 * @param params its parameter values, in the space's order
 * @param state complete, or pruned
 * @param value the final value, or the last intermediate value of a pruned trial (NaN when a pruned
 *     trial reported none)
 * @param intermediateValues the values reported at steps 0, 1, ..., in order
 */
public record FinishedTrial(
    int number,
    Map<String, Object> params,
    TrialState state,
    double value,
    List<Double> intermediateValues) {

  /** Copies the values. */
  public FinishedTrial {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    intermediateValues = List.copyOf(intermediateValues);
  }
}
