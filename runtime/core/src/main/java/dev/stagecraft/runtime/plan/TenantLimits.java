package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a plan takes from the tenant a run is submitted for: its resource defaults (for stages that
 * did not write their own) and its quota with its policy.
 *
 * @param tenant the tenant's id, named in the plan's problems and changes
 * @param defaultMilliCpu the cpu of a stage that did not write one
 * @param defaultMemoryBytes the memory of a stage that did not write one
 * @param quota the most the tenant's running stages reserve together; {@link Long#MAX_VALUE} or
 *     {@link Integer#MAX_VALUE} where there is no limit
 * @param policy what a run needing more than the quota gets
 */
public record TenantLimits(
    String tenant,
    OptionalLong defaultMilliCpu,
    OptionalLong defaultMemoryBytes,
    ResourceRequest quota,
    QuotaPolicy policy) {
  public TenantLimits {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(defaultMilliCpu, "defaultMilliCpu");
    Objects.requireNonNull(defaultMemoryBytes, "defaultMemoryBytes");
    Objects.requireNonNull(quota, "quota");
    Objects.requireNonNull(policy, "policy");
  }
}
