package dev.stagecraft.runtime.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A run as it starts: id, pipeline, parameters in their text form, start time, and the run it
 * resumes, if any.
 */
public record RunInfo(
    String runId,
    String pipeline,
    Map<String, String> params,
    Instant start,
    Optional<String> resumedFrom) {
  public RunInfo {
    params = Map.copyOf(params);
    resumedFrom = resumedFrom == null ? Optional.empty() : resumedFrom;
  }
}
