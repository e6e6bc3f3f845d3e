package dev.stagecraft.runtime.engine;

import java.util.Map;
import java.util.Optional;

/**
 * How one stage execution (or fan-out instance) ended.
 *
 * @param name the instance name: {@code train}, or {@code train[1]} for a fan-out instance
 * @param stage the stage's name
 * @param item the fan-out item, empty for other stages
 * @param output the output when {@code status.hasOutput()}; empty otherwise or for {@code void}
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
    Optional<Object> output) {

  public StageOutcome {
    reason = reason == null ? "" : reason;
    item = item == null ? Optional.empty() : item;
    metrics = Map.copyOf(metrics);
    output = output == null ? Optional.empty() : output;
  }
}
