package dev.stagecraft.runtime.components.deploy;

import java.util.List;

/**
 * A model's deployment target and every version it has held.
 *
 * @param model the model's name
 * @param target the target's name
 * @param currentVersion the version in service, {@code null} when none was promoted
 * @param versions every version, oldest first
 */
public record TargetState(
    String model, String target, Integer currentVersion, List<Deployment> versions) {
  /** Copies the versions. */
  public TargetState {
    versions = List.copyOf(versions);
  }
}
