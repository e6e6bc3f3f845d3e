package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.LogLine;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** What the history writer queues: one row to write, or a request to commit what came before. */
sealed interface HistoryEvent {
  /** A run begins. */
  record RunStarted(RunInfo run) implements HistoryEvent {}

  /** An attempt begins; {@code seq} orders instances by when they were first seen. */
  record StageStarted(String runId, String instance, int attempt, Instant at, long seq)
      implements HistoryEvent {}

  /** A running stage instance's latest progress message. */
  record StageProgress(String runId, String instance, String message, Instant at)
      implements HistoryEvent {}

  /** A stage instance is final; {@code peakMemory} its measured memory, when measured. */
  record StageFinished(String runId, StageExecution execution, long seq, OptionalLong peakMemory)
      implements HistoryEvent {}

  /** An attempt of a stage instance failed. */
  record AttemptFailed(String runId, String instance, FailedAttempt attempt)
      implements HistoryEvent {}

  /** A stage instance logged a line; {@code seq} orders its lines. */
  record Logged(String runId, String instance, LogLine line, long seq) implements HistoryEvent {}

  /** Give up every lease this history holds (it is closing). */
  record ReleaseLeases() implements HistoryEvent {}

  /** A run is final. */
  record RunFinished(String runId, RunStatus status, Instant end) implements HistoryEvent {}

  /** The summary lines of a run, as the command line printed them. */
  record RunSummaryLines(String runId, java.util.List<String> lines) implements HistoryEvent {}

  /** The stored output of a run's instance. */
  record OutputLinked(String runId, String instance, ArtifactRef ref, long seq)
      implements HistoryEvent {}

  /** A cached output under its key. */
  record CacheEntryAdded(String key, String pipeline, String stage, ArtifactRef ref)
      implements HistoryEvent {}

  /**
   * The resolved plan of a run (as JSON), with the template's path and environment and the
   * profile's data size (each null when none).
   */
  record PlanRecorded(String runId, String template, String environment, String plan, Long dataSize)
      implements HistoryEvent {}

  /** Commit everything queued before it, then complete. */
  record Flush(CompletableFuture<Void> done) implements HistoryEvent {}
}
