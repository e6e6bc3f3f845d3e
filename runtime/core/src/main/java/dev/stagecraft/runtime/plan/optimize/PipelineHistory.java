package dev.stagecraft.runtime.plan.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run history holds of a pipeline's recent runs, for predictions: each stage's executions,
 * newest run first.
 *
 * @param runs how many runs were read (the pipeline's latest, at most the window asked for)
 * @param executions by stage name; a stage that never reached an execution row is absent
 */
public record PipelineHistory(int runs, Map<String, List<ExecutionSample>> executions) {
  /** No runs. */
  public static final PipelineHistory EMPTY = new PipelineHistory(0, Map.of());

  public PipelineHistory {
    Map<String, List<ExecutionSample>> copy = new LinkedHashMap<>();
    executions.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    executions = Collections.unmodifiableMap(copy);
  }

  /** The executions of stage {@code name}, newest run first; empty when it has none. */
  public List<ExecutionSample> of(String name) {
    return executions.getOrDefault(name, List.of());
  }
}
