package dev.stagecraft.runtime.components.deploy;

import java.util.Objects;

/**
 * Where a model being deployed comes from: the run and stage (instance) that trained it, and the
 * data set it was trained on.
 *
 * @param dataSet a path, or the name of a bundled data set; {@code null} when unknown
 */
public record ModelSource(String runId, String stage, String dataSet) {
  public ModelSource {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(stage, "stage");
  }
}
