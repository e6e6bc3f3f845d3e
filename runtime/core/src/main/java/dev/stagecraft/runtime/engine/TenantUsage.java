package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.ResourceRequest;

/**
 * A tenant's part of a {@link SharedCapacity} at one moment.
 *
 * @param reserved what its running stages reserve
 * @param runningStages how many of its stages hold a reservation
 * @param waitingRuns how many of its runs wait for capacity (or quota) to start ready work
 * @param dominantShare its usage (reservations plus decayed history) over the pool's capacity, on
 *     the resource where that is largest
 * @param weightedShare the dominant share divided by the tenant's weight: lowest goes next
 */
public record TenantUsage(
    ResourceRequest reserved,
    int runningStages,
    int waitingRuns,
    double dominantShare,
    double weightedShare) {}
