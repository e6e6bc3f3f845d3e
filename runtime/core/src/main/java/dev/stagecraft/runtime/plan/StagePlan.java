package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a plan decided for one stage, and why.
 *
 * @param included false when a rule excluded the stage: it ends SKIPPED with {@code reason}
 * @param reason {@code excluded by RULE: WHY} for an excluded stage, empty otherwise
 * @param parallelism the threads the stage uses; for a fan-out stage the most instances at once,
 *     empty when unbounded
 * @param changes every change made to the compiled definition, in the order the rules made them
 */
public record StagePlan(
    String name,
    StageType type,
    boolean fanOut,
    boolean included,
    String reason,
    OptionalInt parallelism,
    List<String> optimizations,
    ResourceRequest resources,
    RetryPolicy retry,
    Optional<Duration> timeout,
    List<Change> changes,
    Prediction predicted) {
  public StagePlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(parallelism, "parallelism");
    optimizations = List.copyOf(optimizations);
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    changes = List.copyOf(changes);
    Objects.requireNonNull(predicted, "predicted");
  }
}
