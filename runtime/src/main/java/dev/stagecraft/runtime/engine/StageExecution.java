package dev.stagecraft.runtime.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the run history records of one stage instance: how it ended, how long it took and what it
 * cost.
 *
 * @param instance {@code train} or {@code train[1]}
 * @param index the fan-out index, empty for other stages
 * @param item the fan-out item in its JSON text form, empty for other stages
 * @param start empty when the stage never started (skipped, upstream failed)
 * @param cpuNanos CPU time of the executing thread over all attempts
 * @param allocatedBytes bytes allocated by the executing thread over all attempts
 */
public record StageExecution(
    String instance,
    String stage,
    Optional<Integer> index,
    Optional<String> item,
    StageStatus status,
    int attempts,
    Optional<Instant> start,
    Optional<Instant> end,
    long wallMs,
    long cpuNanos,
    long allocatedBytes,
    Map<String, Double> metrics,
    String reason) {
  public StageExecution {
    metrics = Map.copyOf(metrics);
    reason = reason == null ? "" : reason;
  }
}
