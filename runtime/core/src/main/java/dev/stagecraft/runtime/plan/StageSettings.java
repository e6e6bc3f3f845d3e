package dev.stagecraft.runtime.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a template sets on a stage, each value checked as if written in the source: resources,
 * retries and timeout (an environment's overlay), and also parallelism and optimizations (a rule's
 * {@code set}). Unset values leave the stage as it is; set ones are assigned exactly.
 */
public record StageSettings(
    OptionalLong milliCpu,
    OptionalLong memoryBytes,
    OptionalInt gpu,
    OptionalInt parallelism,
    OptionalInt retries,
    Optional<Duration> timeout,
    Optional<List<String>> optimizations) {

  /** Nothing set. */
  public static final StageSettings NONE =
      new StageSettings(
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          Optional.empty(),
          Optional.empty());

  public StageSettings {
    Objects.requireNonNull(milliCpu, "milliCpu");
    Objects.requireNonNull(memoryBytes, "memoryBytes");
    Objects.requireNonNull(gpu, "gpu");
    Objects.requireNonNull(parallelism, "parallelism");
    Objects.requireNonNull(retries, "retries");
    Objects.requireNonNull(timeout, "timeout");
    optimizations = optimizations.map(List::copyOf);
  }

  /** Assigns every set value to the stage, recording the changes under {@code rule}. */
  void applyTo(StageDraft stage, String rule) {
    milliCpu.ifPresent(v -> stage.setCpu(v, rule));
    memoryBytes.ifPresent(v -> stage.setMemory(v, rule));
    gpu.ifPresent(v -> stage.setGpu(v, rule));
    parallelism.ifPresent(v -> stage.setParallelism(v, rule));
    retries.ifPresent(v -> stage.setRetries(v, rule));
    timeout.ifPresent(v -> stage.setTimeout(v, rule));
    optimizations.ifPresent(v -> stage.setOptimizations(v, rule));
  }
}
