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
 * @param status as a reader sees it: a RUNNING run whose lease expired is INTERRUPTED
 * @param end when it ended; for an INTERRUPTED run, its last heartbeat when known
 * @param resumedBy the run that resumed this one, if any
 * @param lease the lease of a run being run or resumed, if one is recorded
 */
public record RunRecord(
    String runId,
    String pipeline,
    Map<String, String> params,
    RunStatus status,
    Instant start,
    Optional<Instant> end,
    Optional<String> resumedFrom,
    Optional<String> resumedBy,
    Optional<Lease> lease,
    List<StageExecution> stages) {

  public RunRecord {
    params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
    stages = List.copyOf(stages);
  }

  /** The same run with its stages in another order. */
  public RunRecord withStages(List<StageExecution> ordered) {
    return new RunRecord(
        runId, pipeline, params, status, start, end, resumedFrom, resumedBy, lease, ordered);
  }
}
