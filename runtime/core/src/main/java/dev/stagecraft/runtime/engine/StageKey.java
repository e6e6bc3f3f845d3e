package dev.stagecraft.runtime.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that determines a stage execution's output: what a cache key is computed from
 * (pipeline, stage, version, inputs, params, item, optimizations), plus where it ran.
 *
 * @param outputType the output's Java type as written in source ({@code StageSpec.outputType()}),
 *     for codecs that need it to read the value back
 * @param inputs the outputs of the stage's {@code @Input} producers by stage name (a {@code List}
 *     for a fan-out producer; absent for a skipped optional input)
 * @param params the values of the parameters the stage reads
 * @param optimizations the optimizations the run's plan switched on for the stage
 */
public record StageKey(
    String runId,
    String pipeline,
    String stage,
    String instance,
    String version,
    String outputType,
    Map<String, Object> inputs,
    Map<String, Object> params,
    Optional<Object> item,
    List<String> optimizations) {
  public StageKey {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(stage, "stage");
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    item = item == null ? Optional.empty() : item;
    optimizations = List.copyOf(optimizations);
  }
}
