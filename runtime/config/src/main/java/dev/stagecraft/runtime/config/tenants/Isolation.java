package dev.stagecraft.runtime.config.tenants;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a tenant's runs are kept apart when exported to a cluster.
 *
 * @param namespacePrefix prefix of its namespaces (its id when not written)
 * @param networkPolicy a policy name such as {@code deny-egress}, empty when none
 * @param securityContext the security context of its pods
 * @param labels labels put on everything its runs create
 */
public record Isolation(
    String namespacePrefix,
    Optional<String> networkPolicy,
    SecurityContext securityContext,
    Map<String, String> labels) {
  public Isolation {
    labels = Map.copyOf(labels);
  }

  /** A pod security context; empty fields are not set. */
  public record SecurityContext(
      Optional<Boolean> runAsNonRoot,
      OptionalLong runAsUser,
      Optional<Boolean> readOnlyRootFilesystem) {
    /** Nothing set. */
    public static final SecurityContext NONE =
        new SecurityContext(Optional.empty(), OptionalLong.empty(), Optional.empty());
  }
}
