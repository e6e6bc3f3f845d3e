package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A run as it starts: id, pipeline, parameters in their text form, start time, the run it resumes,
 * if any, and the pipeline's definition (a listener that records it computes its {@code
 * PipelineFingerprint} once per definition, not once per run).
 */
public record RunInfo(
    String runId,
    String pipeline,
    Map<String, String> params,
    Instant start,
    Optional<String> resumedFrom,
    Optional<PipelineDefinition> definition) {
  public RunInfo {
    params = Map.copyOf(params);
    resumedFrom = resumedFrom == null ? Optional.empty() : resumedFrom;
    definition = definition == null ? Optional.empty() : definition;
  }

  /** A run whose definition is not known (recorded by hand). */
  public RunInfo(
      String runId,
      String pipeline,
      Map<String, String> params,
      Instant start,
      Optional<String> resumedFrom) {
    this(runId, pipeline, params, start, resumedFrom, Optional.empty());
  }
}
