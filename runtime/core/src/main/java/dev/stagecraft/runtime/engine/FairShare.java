package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arbitration of a {@link SharedCapacity}, as pure functions: a tenant's usage (running
 * reservations plus a decaying history of consumed resource-seconds, divided by the decay time
 * constant so that it is in the units of a reservation), its dominant share (the largest usage /
 * capacity over the resources the pool has), its weighted share (dominant share / weight), and
 * which waiting claim goes next: the lowest weighted share among claims that fit now (free capacity
 * and the tenant's quota), then within a tenant the higher priority, then the earlier arrival.
 *
 * <p>A claim's share counts the reservation it asks for, as if granted: compared before the grant,
 * whoever holds no slot at the moment would win each freed slot, so two tenants competing for two
 * slots would alternate 1:1 whatever their weights; with the grant counted, the slot-seconds follow
 * the weights (weights 2:1 give 2/3 and 1/3).
 */
final class FairShare {
  private FairShare() {}

  /** One run's claim on the next slot: its tenant's share, its priority and arrival, and fit. */
  record Claim(String tenant, double weightedShare, int priority, long arrival, boolean fits) {}

  /** Within a tenant: the higher priority first, then the earlier arrival. */
  private static final Comparator<Claim> WITHIN_TENANT =
      Comparator.comparingInt(Claim::priority).reversed().thenComparingLong(Claim::arrival);

  /** Across tenants: the lowest weighted share first, then the tenant id. */
  private static final Comparator<Claim> ACROSS_TENANTS =
      Comparator.comparingDouble(Claim::weightedShare).thenComparing(Claim::tenant);

  /**
   * The claim that goes next among those that fit now: each tenant is represented by its first
   * claim (highest priority, then earliest arrival), and the tenant of lowest weighted share (then
   * lowest id) goes; null when none fits.
   */
  static Claim pick(List<Claim> claims) {
    Map<String, Claim> firstOfTenant = new HashMap<>();
    for (Claim c : claims) {
      if (c.fits()) {
        firstOfTenant.merge(c.tenant(), c, (a, b) -> WITHIN_TENANT.compare(a, b) <= 0 ? a : b);
      }
    }
    Claim best = null;
    for (Claim c : firstOfTenant.values()) {
      if (best == null || ACROSS_TENANTS.compare(c, best) < 0) {
        best = c;
      }
    }
    return best;
  }

  /**
   * Whether {@code request} fits now: within what is {@code free} and within the {@code quota} of
   * its tenant, which has {@code reserved} already.
   */
  static boolean fits(
      ResourceRequest request,
      ResourceRequest free,
      ResourceRequest reserved,
      ResourceRequest quota) {
    return request.fitsIn(free)
        && request.milliCpu() <= quota.milliCpu() - reserved.milliCpu()
        && request.memoryBytes() <= quota.memoryBytes() - reserved.memoryBytes()
        && request.gpu() <= (long) quota.gpu() - reserved.gpu();
  }

  /** A history of resource-seconds {@code elapsedNanos} later: {@code history x e^(-t/tau)}. */
  static double decay(double history, long elapsedNanos, long timeConstantNanos) {
    return elapsedNanos <= 0
        ? history
        : history * Math.exp(-(double) elapsedNanos / timeConstantNanos);
  }

  /**
   * The dominant share of a usage ({@code cpu} in millicores, {@code memory} in bytes, {@code gpu}
   * whole; each the reservation plus history / time constant): the largest usage / capacity over
   * the resources whose capacity is not zero.
   */
  static double dominantShare(double cpu, double memory, double gpu, ResourceRequest capacity) {
    double share = 0;
    if (capacity.milliCpu() > 0) {
      share = Math.max(share, cpu / capacity.milliCpu());
    }
    if (capacity.memoryBytes() > 0) {
      share = Math.max(share, memory / capacity.memoryBytes());
    }
    if (capacity.gpu() > 0) {
      share = Math.max(share, gpu / capacity.gpu());
    }
    return share;
  }
}
