package dev.stagecraft.runtime.config.tenants;

import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.TenantLimits;
import java.util.List;
import java.util.Map;

/**
 * One team sharing the server.
 *
 * @param weight its fair-share weight (at least 1)
 * @param environment variables its stages see through their context, never the JVM's environment
 * @param secrets where each secret's value is read from when a stage starts
 * @param configMaps names of config maps its runs mount
 */
public record Tenant(
    String id,
    String tokenSha256,
    int weight,
    Permissions permissions,
    Quota quota,
    ResourceDefaults resourceDefaults,
    Map<String, String> environment,
    List<SecretRef> secrets,
    List<String> configMaps,
    Isolation isolation)
    implements Principal {
  public Tenant {
    environment = Map.copyOf(environment);
    secrets = List.copyOf(secrets);
    configMaps = List.copyOf(configMaps);
  }

  /**
   * What a plan takes from this tenant: its resource defaults, its quota and the quota's policy.
   */
  public TenantLimits limits() {
    return new TenantLimits(
        id,
        resourceDefaults.cpuMillis(),
        resourceDefaults.memoryBytes(),
        new ResourceRequest(quota.cpuMillis(), quota.memoryBytes(), quota.gpu()),
        quota.policy());
  }
}
