package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recorded run with its stage executions in the order they were first seen (started, or finished
 * without starting).
 *
 * @param params the parameters in their text form, sorted by name
 */
public record RunRecord(
    String runId,
    String pipeline,
    Map<String, String> params,
    RunStatus status,
    Instant start,
    Optional<Instant> end,
    Optional<String> resumedFrom,
    List<StageExecution> stages) {

  public RunRecord {
    params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
    stages = List.copyOf(stages);
  }
}
