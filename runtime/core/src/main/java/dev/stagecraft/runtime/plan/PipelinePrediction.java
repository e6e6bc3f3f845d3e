package dev.stagecraft.runtime.plan;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the whole run is predicted to take.
 *
 * @param makespanSeconds the engine's own policy (most critical ready stage first, reservations
 *     within the capacity) simulated on the predicted durations; empty when a stage cannot fit
 * @param criticalPathSeconds the longest path of predicted durations
 * @param resourceBoundSeconds total predicted core-seconds over the capacity's cores
 * @param cost empty until prices are known
 */
public record PipelinePrediction(
    OptionalDouble makespanSeconds,
    double criticalPathSeconds,
    double resourceBoundSeconds,
    Optional<Cost> cost) {
  public PipelinePrediction {
    Objects.requireNonNull(makespanSeconds, "makespanSeconds");
    Objects.requireNonNull(cost, "cost");
  }
}
