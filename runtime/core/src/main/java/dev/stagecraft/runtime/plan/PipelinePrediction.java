package dev.stagecraft.runtime.plan;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the whole run is predicted to take.
 *
 * @param makespanSeconds the engine's own policy (most critical ready stage first, reservations
 *     within the capacity) simulated on the predicted durations; empty when a stage cannot fit
 * @param criticalPathSeconds the longest path of predicted durations, a lower bound of the makespan
 * @param resourceBoundSeconds the core-seconds the plan reserves over its predicted durations,
 *     divided by the capacity's cores: the other lower bound
 * @param cost the predicted cost on the reserved resources at the plan's prices
 */
public record PipelinePrediction(
    OptionalDouble makespanSeconds,
    double criticalPathSeconds,
    double resourceBoundSeconds,
    Cost cost) {
  public PipelinePrediction {
    Objects.requireNonNull(makespanSeconds, "makespanSeconds");
    Objects.requireNonNull(cost, "cost");
  }
}
