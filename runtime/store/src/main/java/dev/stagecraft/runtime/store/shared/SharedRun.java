package dev.stagecraft.runtime.store.shared;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An exported run as its begin task records it.
 *
 * @param params every parameter's value in its text form, checked
 * @param profile the profile's facts as text
 * @param excluded the stages its plan excluded, each with its reason
 * @param start when the begin task ran, in epoch milliseconds
 * @param definition the pipeline's definition as {@code PipelineFingerprint} text
 */
public record SharedRun(
    String runId,
    String pipeline,
    Map<String, String> params,
    Map<String, String> profile,
    Map<String, String> excluded,
    long start,
    String definition) {
  public SharedRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipeline, "pipeline");
    params = new TreeMap<>(params);
    profile = new TreeMap<>(profile);
    excluded = new TreeMap<>(excluded);
    Objects.requireNonNull(definition, "definition");
  }
}
