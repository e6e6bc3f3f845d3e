package dev.stagecraft.runtime.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a run on a pipeline server gets from its tenant, which stages see through their context: the
 * tenant's id, its environment variables ({@code StageContext.environment()}), its secrets ({@code
 * StageContext.secret(name)}) and the deployment targets it may use ({@code
 * StageContext.deploymentTargets()}). Never the JVM's own environment: one JVM serves every tenant.
 *
 * @param deploymentTargets the targets it may deploy to; empty: no restriction
 */
public record RunTenancy(
    String tenant,
    Map<String, String> environment,
    SecretSource secrets,
    Optional<Set<String>> deploymentTargets) {
  public RunTenancy {
    Objects.requireNonNull(tenant, "tenant");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(secrets, "secrets");
    deploymentTargets = deploymentTargets.map(Set::copyOf);
  }
}
