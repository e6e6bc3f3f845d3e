package dev.stagecraft.runtime.config.tenants;

import dev.stagecraft.runtime.plan.QuotaPolicy;

/**
 * The most a tenant's running stages may reserve and how many of its runs may run at once; {@link
 * Long#MAX_VALUE} or {@link Integer#MAX_VALUE} where the file sets no limit.
 *
 * @param cpuMillis the most CPU its running stages reserve together, in millicores
 * @param memoryBytes the most memory its running stages reserve together
 * @param gpu the most GPUs its running stages reserve together
 * @param concurrentRuns the most of its runs running at once
 * @param policy what happens to a submission needing more than the quota
 */
public record Quota(
    long cpuMillis, long memoryBytes, int gpu, int concurrentRuns, QuotaPolicy policy) {

  /** No limit at all. */
  public static final Quota UNLIMITED =
      new Quota(
          Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, QuotaPolicy.QUEUE);
}
