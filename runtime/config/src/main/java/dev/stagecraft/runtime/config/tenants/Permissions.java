package dev.stagecraft.runtime.config.tenants;

import dev.stagecraft.annotations.StageType;
import java.util.List;
import java.util.Set;

/**
 * What a tenant may run.
 *
 * @param pipelines pipeline names, or {@code *} for all
 * @param stageTypes the stage types its pipelines may contain (all when not written)
 * @param gpu whether its stages may ask for GPUs
 * @param deploymentTargets the targets ({@code staging}, {@code production}) it may deploy to
 */
public record Permissions(
    List<String> pipelines,
    Set<StageType> stageTypes,
    boolean gpu,
    List<String> deploymentTargets) {
  public Permissions {
    pipelines = List.copyOf(pipelines);
    stageTypes = Set.copyOf(stageTypes);
    deploymentTargets = List.copyOf(deploymentTargets);
  }

  /** Whether pipeline {@code name} may be submitted. */
  public boolean allowsPipeline(String name) {
    return pipelines.contains("*") || pipelines.contains(name);
  }
}
