package dev.stagecraft.runtime.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Observes a run: the run history (SQLite) and the progress display implement it. Called from
 * executor threads, so implementations are thread-safe and quick (batch slow work): {@link
 * #stageFinished} is called while the scheduler holds its lock, which is what guarantees that a
 * stage's end is reported before any of its dependents starts. A listener that throws is logged and
 * ignored.
 */
public interface RunListener {
  /** A run begins. */
  default void runStarted(RunInfo run) {}

  /** An attempt of a stage instance begins. */
  default void stageStarted(String runId, String instance, int attempt, Instant at) {}

  /**
   * An attempt of a stage instance failed; {@code retryIn} is the wait before the next attempt, or
   * empty when there is none (the stage FAILS).
   */
  default void attemptFailed(
      String runId, String instance, FailedAttempt attempt, Optional<Duration> retryIn) {}

  /**
   * A stage instance logged a message through {@code StageContext.logger()} (at most {@link
   * StageLog#MAX_LINES} lines and {@link StageLog#MAX_CHARS} characters per execution).
   */
  default void stageLogged(String runId, String instance, LogLine line) {}

  /**
   * A running stage instance said what it is doing ({@link
   * dev.stagecraft.runtime.StageContext#progress}); called on the stage's thread, possibly often.
   */
  default void stageProgress(String runId, String instance, String message, Instant at) {}

  /** A stage instance reached a final state. */
  default void stageFinished(String runId, StageExecution execution) {}

  /** The run ended; every stage is final. */
  default void runFinished(String runId, RunStatus status, Instant end) {}
}
