package dev.stagecraft.runtime.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the run history records of one stage instance: how it ended, how long it took and what it
 * cost. Build one with {@link #builder(String, String)}, or {@link #notRun} for a stage that ended
 * without running.
 *
 * <pre>{@code
 * StageExecution e = StageExecution.builder("train[1]", "train").index(1).item("b")
 *     .status(StageStatus.FAILED).attempts(3).start(t0).end(t1).wallMs(800)
 *     .reason("IllegalStateException: diverged").build();
 * }</pre>
 *
 * @param instance {@code train} or {@code train[1]}
 * @param index the fan-out index, empty for other stages
 * @param item the fan-out item's {@link ItemLabel}, empty for other stages
 * @param start empty when the stage never started (skipped, upstream failed)
 * @param cpuNanos CPU time of the executing thread over all attempts
 * @param allocatedBytes bytes allocated by the executing thread over all attempts
 * @param failedAttempts every attempt that failed, with its error, in order (the last one too when
 *     the stage FAILED)
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
    String reason,
    List<FailedAttempt> failedAttempts) {
  public StageExecution {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    metrics = Map.copyOf(metrics);
    reason = reason == null ? "" : reason;
    failedAttempts = List.copyOf(failedAttempts);
  }

  /** This execution with another reason (a masked one, say). */
  public StageExecution withReason(String value) {
    return new StageExecution(
        instance,
        stage,
        index,
        item,
        status,
        attempts,
        start,
        end,
        wallMs,
        cpuNanos,
        allocatedBytes,
        metrics,
        value,
        failedAttempts);
  }

  /** A plain stage that ended without running (skipped, upstream failed, cancelled). */
  public static StageExecution notRun(String stage, StageStatus status, String reason) {
    return builder(stage, stage).status(status).attempts(0).reason(reason).build();
  }

  /** Starts an execution of {@code instance} (e.g. {@code train[1]}) of {@code stage}. */
  public static Builder builder(String instance, String stage) {
    return new Builder(instance, stage);
  }

  /** Builds a {@link StageExecution}; unset fields are empty or zero, the status PENDING. */
  public static final class Builder {
    private final String instance;
    private final String stage;
    private Integer index;
    private String item;
    private StageStatus status = StageStatus.PENDING;
    private int attempts;
    private Instant start;
    private Instant end;
    private long wallMs;
    private long cpuNanos;
    private long allocatedBytes;
    private Map<String, Double> metrics = Map.of();
    private String reason = "";
    private List<FailedAttempt> failedAttempts = List.of();

    private Builder(String instance, String stage) {
      this.instance = instance;
      this.stage = stage;
    }

    public Builder index(int value) {
      this.index = value;
      return this;
    }

    /** The item's label (see {@link ItemLabel}). */
    public Builder item(String label) {
      this.item = label;
      return this;
    }

    public Builder status(StageStatus value) {
      this.status = value;
      return this;
    }

    public Builder attempts(int value) {
      this.attempts = value;
      return this;
    }

    /** When it started; null for never. */
    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    /** When it ended; null for never. */
    public Builder end(Instant value) {
      this.end = value;
      return this;
    }

    public Builder wallMs(long value) {
      this.wallMs = value;
      return this;
    }

    public Builder cpuNanos(long value) {
      this.cpuNanos = value;
      return this;
    }

    public Builder allocatedBytes(long value) {
      this.allocatedBytes = value;
      return this;
    }

    public Builder metrics(Map<String, Double> value) {
      this.metrics = value;
      return this;
    }

    public Builder reason(String value) {
      this.reason = value;
      return this;
    }

    public Builder failedAttempts(List<FailedAttempt> value) {
      this.failedAttempts = value;
      return this;
    }

    public StageExecution build() {
      return new StageExecution(
          instance,
          stage,
          Optional.ofNullable(index),
          Optional.ofNullable(item),
          status,
          attempts,
          Optional.ofNullable(start),
          Optional.ofNullable(end),
          wallMs,
          cpuNanos,
          allocatedBytes,
          metrics,
          reason,
          failedAttempts);
    }
  }
}
