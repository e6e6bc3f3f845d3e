package dev.stagecraft.runtime.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run reports what happened: each execution, and each stage that ended without one, as a
 * {@link StageOutcome} in its result or a {@link StageExecution} to its listeners; and the run's
 * status.
 */
final class Outcomes {
  private Outcomes() {}

  /**
   * The outcome of one execution, named {@code name}, of {@code stage}: the item only for a fan-out
   * instance ({@code instance >= 0}), the output only when the status has one, the input error only
   * when it FAILED, the duration in whole milliseconds.
   */
  static StageOutcome outcome(
      String name,
      String stage,
      int instance,
      Object item,
      CallResult result,
      int attempts,
      long wallNanos,
      Map<String, Double> metrics,
      List<FailedAttempt> failedAttempts) {
    StageStatus status = result.status();
    return new StageOutcome(
        name,
        stage,
        status,
        attempts,
        wallNanos / 1_000_000,
        result.reason(),
        instance < 0 ? Optional.empty() : Optional.ofNullable(item),
        metrics,
        status.hasOutput() ? Optional.ofNullable(result.output()) : Optional.empty(),
        status == StageStatus.FAILED ? Optional.ofNullable(result.inputError()) : Optional.empty(),
        failedAttempts);
  }

  /**
   * The outcome of a stage that ended without an execution (skipped, upstream failed, cancelled, a
   * fan-out that failed, was skipped or had no items): no attempts, no time, the output only when
   * the status has one.
   */
  static StageOutcome notRun(String stage, StageStatus status, String reason, Object output) {
    return new StageOutcome(
        stage,
        stage,
        status,
        0,
        0,
        reason,
        Optional.empty(),
        Map.of(),
        status.hasOutput() ? Optional.ofNullable(output) : Optional.empty());
  }

  /**
   * What the listeners record of one execution: as {@link #outcome} has it, with the index and item
   * label of a fan-out instance, when it started and ended (start null when it never started) and
   * what it cost.
   */
  static StageExecution history(
      String name,
      String stage,
      int instance,
      Object item,
      CallResult result,
      int attempts,
      Instant start,
      Instant end,
      long wallNanos,
      long cpuNanos,
      long allocatedBytes,
      Map<String, Double> metrics,
      List<FailedAttempt> failedAttempts) {
    StageExecution.Builder e =
        StageExecution.builder(name, stage)
            .status(result.status())
            .attempts(attempts)
            .start(start)
            .end(end)
            .wallMs(wallNanos / 1_000_000)
            .cpuNanos(cpuNanos)
            .allocatedBytes(allocatedBytes)
            .metrics(metrics)
            .reason(result.reason())
            .failedAttempts(failedAttempts);
    if (instance >= 0) {
      e.index(instance).item(ItemLabel.of(item));
    }
    return e.build();
  }

  /**
   * FAILED when a stage failed, else CANCELLED when the caller interrupted the run, else SUCCEEDED.
   */
  static RunStatus runStatus(boolean anyStageFailed, boolean interrupted) {
    return anyStageFailed
        ? RunStatus.FAILED
        : interrupted ? RunStatus.CANCELLED : RunStatus.SUCCEEDED;
  }
}
