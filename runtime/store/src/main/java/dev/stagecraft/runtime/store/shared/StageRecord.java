package dev.stagecraft.runtime.store.shared;

import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.LogLine;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one stage instance of an exported run ended, as the process that decided it writes it: the
 * execution (status, attempts, times, metrics, reason, every failed attempt), its stored output,
 * the summary lines its output gives and what it logged.
 *
 * @param index the fan-out index, null for other stages
 * @param start when it started in epoch milliseconds, null when it never did
 * @param output where its output is stored; null when it has none
 * @param inputError for a stage that failed on bad input, the one-line message
 */
public record StageRecord(
    String instance,
    String stage,
    Integer index,
    String item,
    StageStatus status,
    int attempts,
    Long start,
    Long end,
    long wallMs,
    long cpuNanos,
    long allocatedBytes,
    Map<String, Double> metrics,
    String reason,
    List<AttemptRecord> failedAttempts,
    OutputRef output,
    List<String> summary,
    List<LogRecord> logs,
    String inputError) {

  public StageRecord {
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    reason = reason == null ? "" : reason;
    failedAttempts = failedAttempts == null ? List.of() : List.copyOf(failedAttempts);
    summary = summary == null ? List.of() : List.copyOf(summary);
    logs = logs == null ? List.of() : List.copyOf(logs);
  }

  /** A failed attempt. */
  public record AttemptRecord(int attempt, long start, long end, String reason) {
    static AttemptRecord of(FailedAttempt a) {
      return new AttemptRecord(
          a.attempt(), a.start().toEpochMilli(), a.end().toEpochMilli(), a.reason());
    }

    FailedAttempt toFailedAttempt() {
      return new FailedAttempt(
          attempt, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), reason);
    }
  }

  /** A line the stage logged. */
  public record LogRecord(int attempt, long at, String level, String message) {
    static LogRecord of(LogLine l) {
      return new LogRecord(l.attempt(), l.at().toEpochMilli(), l.level(), l.message());
    }

    /** The line. */
    public LogLine toLogLine() {
      return new LogLine(attempt, Instant.ofEpochMilli(at), level, message);
    }
  }

  /** A stored output: an artifact file, or the bytes of a small one. */
  public record OutputRef(String sha256, String codec, long size, byte[] inline) {
    static OutputRef of(ArtifactRef ref) {
      return new OutputRef(ref.sha256(), ref.codec(), ref.size(), ref.inline());
    }

    /** The reference the artifact store reads. */
    public ArtifactRef toArtifactRef() {
      return new ArtifactRef(sha256, codec, size, inline);
    }
  }

  /** The record of an execution, with its output, summary lines, log and input error. */
  public static StageRecord of(
      StageExecution e,
      Optional<ArtifactRef> output,
      List<String> summary,
      List<LogLine> logs,
      Optional<String> inputError) {
    List<AttemptRecord> attempts = new ArrayList<>();
    e.failedAttempts().forEach(a -> attempts.add(AttemptRecord.of(a)));
    List<LogRecord> lines = new ArrayList<>();
    logs.forEach(l -> lines.add(LogRecord.of(l)));
    return new StageRecord(
        e.instance(),
        e.stage(),
        e.index().orElse(null),
        e.item().orElse(null),
        e.status(),
        e.attempts(),
        e.start().map(Instant::toEpochMilli).orElse(null),
        e.end().map(Instant::toEpochMilli).orElse(null),
        e.wallMs(),
        e.cpuNanos(),
        e.allocatedBytes(),
        e.metrics(),
        e.reason(),
        attempts,
        output.map(OutputRef::of).orElse(null),
        summary,
        lines,
        inputError.orElse(null));
  }

  /** The execution as the run history keeps it. */
  public StageExecution toExecution() {
    List<FailedAttempt> attempts = new ArrayList<>();
    failedAttempts.forEach(a -> attempts.add(a.toFailedAttempt()));
    StageExecution.Builder b =
        StageExecution.builder(instance, stage)
            .status(status)
            .attempts(this.attempts)
            .start(start == null ? null : Instant.ofEpochMilli(start))
            .end(end == null ? null : Instant.ofEpochMilli(end))
            .wallMs(wallMs)
            .cpuNanos(cpuNanos)
            .allocatedBytes(allocatedBytes)
            .metrics(metrics)
            .reason(reason)
            .failedAttempts(attempts);
    if (index != null) {
      b.index(index);
    }
    if (item != null) {
      b.item(item);
    }
    return b.build();
  }
}
