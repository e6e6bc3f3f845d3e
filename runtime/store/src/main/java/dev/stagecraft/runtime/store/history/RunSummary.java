package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.engine.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of {@code stagecraft runs}: a run with its counts of stage instances.
 *
 * @param stagesOk instances that SUCCEEDED or were CACHED
 * @param stagesFailed instances that FAILED
 * @param stages every recorded instance
 */
public record RunSummary(
    String runId,
    String pipeline,
    RunStatus status,
    Instant start,
    Optional<Instant> end,
    Optional<String> resumedFrom,
    int stagesOk,
    int stagesFailed,
    int stages) {

  /** From start to end; empty while the run has not ended. */
  public Optional<Duration> duration() {
    return end.map(e -> Duration.between(start, e));
  }
}
