package dev.stagecraft.runtime.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one stage execution (or fan-out instance) ended.
 *
 * @param name the instance name: {@code train}, or {@code train[1]} for a fan-out instance
 * @param stage the stage's name
 * @param item the fan-out item, empty for other stages
 * @param output the output when {@code status.hasOutput()}; empty otherwise or for {@code void}
 * @param inputError for a FAILED execution whose exception was (or was caused by) a {@code
 *     UserInputException}: its one-line message, which the CLI prints as a usage error (exit 2)
 * @param failedAttempts every attempt that failed, with its error, in order
 */
public record StageOutcome(
    String name,
    String stage,
    StageStatus status,
    int attempts,
    long durationMs,
    String reason,
    Optional<Object> item,
    Map<String, Double> metrics,
    Optional<Object> output,
    Optional<String> inputError,
    List<FailedAttempt> failedAttempts) {

  public StageOutcome {
    reason = reason == null ? "" : reason;
    item = item == null ? Optional.empty() : item;
    metrics = Map.copyOf(metrics);
    output = output == null ? Optional.empty() : output;
    inputError = inputError == null ? Optional.empty() : inputError;
    failedAttempts = failedAttempts == null ? List.of() : List.copyOf(failedAttempts);
  }

  /** An outcome without an input error or failed attempts. */
  public StageOutcome(
      String name,
      String stage,
      StageStatus status,
      int attempts,
      long durationMs,
      String reason,
      Optional<Object> item,
      Map<String, Double> metrics,
      Optional<Object> output) {
    this(
        name,
        stage,
        status,
        attempts,
        durationMs,
        reason,
        item,
        metrics,
        output,
        Optional.empty(),
        List.of());
  }
}
