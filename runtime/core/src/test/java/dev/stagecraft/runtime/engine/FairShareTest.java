package dev.stagecraft.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FairShareTest {
  private static final ResourceRequest POOL = new ResourceRequest(4000, 8L << 30, 0);
  private static final ResourceRequest ONE_CPU = new ResourceRequest(1000, 1L << 20, 0);
  private static final ResourceRequest UNLIMITED =
      new ResourceRequest(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);

  private static FairShare.Claim claim(String tenant, double share, boolean fits) {
    return new FairShare.Claim(tenant, share, 1, 0, fits);
  }

  @Test
  void withEqualWeightsTheTenantUsingLessGoesNext() {
    // a: 1 of 4 cpu = 0.25; b: 2 of 4 cpu = 0.5
    double a = FairShare.dominantShare(1000, 0, 0, POOL);
    double b = FairShare.dominantShare(2000, 0, 0, POOL);
    assertEquals(0.25, a, 1e-12);
    assertEquals(0.5, b, 1e-12);
    FairShare.Claim ca = claim("a", a / 1, true);
    FairShare.Claim cb = claim("b", b / 1, true);
    assertSame(ca, FairShare.pick(List.of(cb, ca)));
  }

  @Test
  void aWeightOfTwoHalvesTheShare() {
    // a uses 2 of 4 cpu with weight 2: 0.5 / 2 = 0.25; b uses 1.2 of 4 with weight 1: 0.3
    FairShare.Claim a = claim("a", FairShare.dominantShare(2000, 0, 0, POOL) / 2, true);
    FairShare.Claim b = claim("b", FairShare.dominantShare(1200, 0, 0, POOL) / 1, true);
    assertEquals(0.25, a.weightedShare(), 1e-12);
    assertEquals(0.3, b.weightedShare(), 1e-12);
    assertSame(a, FairShare.pick(List.of(b, a)));
  }

  @Test
  void historyHalvesAfterLn2TimeConstants() {
    long tau = Duration.ofSeconds(60).toNanos();
    long halfLife = Math.round(Math.log(2) * tau);
    assertEquals(50.0, FairShare.decay(100, halfLife, tau), 1e-6);
    assertEquals(25.0, FairShare.decay(100, 2 * halfLife, tau), 1e-6);
    assertEquals(100.0, FairShare.decay(100, 0, tau), 0);
  }

  @Test
  void theDominantResourceDecides() {
    // a: cpu 1/4 = 0.25, memory 4/8 Gi = 0.5 -> 0.5 (memory-dominant)
    // b: cpu 3/4 = 0.75, memory 1/8 Gi = 0.125 -> 0.75 (cpu-dominant)
    double a = FairShare.dominantShare(1000, 4L << 30, 0, POOL);
    double b = FairShare.dominantShare(3000, 1L << 30, 0, POOL);
    assertEquals(0.5, a, 1e-12);
    assertEquals(0.75, b, 1e-12);
    assertSame(FairShare.pick(List.of(claim("b", b, true), claim("a", a, true))).tenant(), "a");
    // a GPU counts only when the pool has GPUs: 1 of 2 GPUs = 0.5
    assertEquals(0.0, FairShare.dominantShare(0, 0, 1, POOL), 0);
    assertEquals(
        0.5, FairShare.dominantShare(0, 0, 1, new ResourceRequest(4000, 8L << 30, 2)), 1e-12);
  }

  @Test
  void aQuotaBlocksATenantAndTheNextOneGoes() {
    ResourceRequest free = new ResourceRequest(2000, 4L << 30, 0);
    ResourceRequest reserved = new ResourceRequest(1000, 1L << 20, 0);
    ResourceRequest quotaOneCpu = new ResourceRequest(1000, Long.MAX_VALUE, Integer.MAX_VALUE);
    assertFalse(FairShare.fits(ONE_CPU, free, reserved, quotaOneCpu));
    assertTrue(FairShare.fits(ONE_CPU, free, reserved, UNLIMITED));
    assertFalse(
        FairShare.fits(ONE_CPU, new ResourceRequest(500, 4L << 30, 0), reserved, UNLIMITED));
    // a has the lower share but its quota is full: b goes
    FairShare.Claim a = claim("a", 0.25, false);
    FairShare.Claim b = claim("b", 0.5, true);
    assertSame(b, FairShare.pick(List.of(a, b)));
    assertNull(FairShare.pick(List.of(a)));
  }

  @Test
  void withinATenantHigherPriorityThenEarlierArrivalGoesFirst() {
    FairShare.Claim lowEarly = new FairShare.Claim("a", 0.5, 0, 1, true);
    FairShare.Claim highLate = new FairShare.Claim("a", 0.5, 2, 7, true);
    FairShare.Claim normalEarly = new FairShare.Claim("a", 0.5, 1, 2, true);
    FairShare.Claim normalLate = new FairShare.Claim("a", 0.5, 1, 3, true);
    assertSame(highLate, FairShare.pick(List.of(lowEarly, normalLate, normalEarly, highLate)));
    assertSame(normalEarly, FairShare.pick(List.of(lowEarly, normalLate, normalEarly)));
    // the tenant's first claim speaks for it, even when another of its runs claims less
    FairShare.Claim highBig = new FairShare.Claim("a", 0.75, 2, 4, true);
    FairShare.Claim lowSmall = new FairShare.Claim("a", 0.30, 0, 0, true);
    FairShare.Claim other = new FairShare.Claim("b", 0.50, 1, 1, true);
    assertSame(other, FairShare.pick(List.of(lowSmall, highBig, other)));
    assertSame(highBig, FairShare.pick(List.of(lowSmall, highBig)));
    // a run whose work does not fit does not speak for its tenant
    FairShare.Claim highBlocked = new FairShare.Claim("a", 0.30, 2, 4, false);
    assertSame(lowSmall, FairShare.pick(List.of(highBlocked, lowSmall, other)));
  }

  @Test
  void aTenantWithoutWaitingWorkDoesNotBlockOthers() {
    AtomicLong now = new AtomicLong();
    try (SharedCapacity pool = new SharedCapacity(POOL, Duration.ofSeconds(60), now::get)) {
      pool.defineTenant("a", 1, UNLIMITED);
      pool.defineTenant("b", 1, UNLIMITED);
      SharedCapacity.Member a = pool.join("a", 1, () -> {});
      SharedCapacity.Member b = pool.join("b", 1, () -> {});
      synchronized (a.lock()) {
        b.reserve(ONE_CPU); // b: 0.25, a: 0 and nothing waiting
        assertTrue(b.allows(ONE_CPU));
        a.waiting(List.of(ONE_CPU)); // now a waits with work that fits and a lower share
        assertFalse(b.allows(ONE_CPU));
        assertTrue(a.allows(ONE_CPU));
        a.waiting(List.of(new ResourceRequest(8000, 0, 0))); // a's waiting work cannot fit
        assertTrue(b.allows(ONE_CPU));
      }
    }
  }

  /**
   * Capacity is never left idle while some waiting work fits: seeded random runs of three tenants
   * (weights 1, 2, 3; one with a quota) wait with cpu-heavy, memory-heavy and small work on one
   * pool; after every release some run must be allowed some of its waiting work that fits.
   */
  @Test
  void someWaitingWorkThatFitsCanAlwaysStart() {
    Random random = new Random(42);
    AtomicLong now = new AtomicLong();
    ResourceRequest total = new ResourceRequest(4000, 8L << 30, 0);
    List<ResourceRequest> kinds =
        List.of(
            new ResourceRequest(2000, 1L << 30, 0),
            new ResourceRequest(500, 4L << 30, 0),
            new ResourceRequest(1000, 512L << 20, 0));
    ResourceRequest quotaOfT2 = new ResourceRequest(2000, Long.MAX_VALUE, Integer.MAX_VALUE);
    try (SharedCapacity pool = new SharedCapacity(total, Duration.ofSeconds(60), now::get)) {
      pool.defineTenant("t0", 1, UNLIMITED);
      pool.defineTenant("t1", 2, UNLIMITED);
      pool.defineTenant("t2", 3, quotaOfT2);
      List<SharedCapacity.Member> members = new ArrayList<>();
      Map<SharedCapacity.Member, List<ResourceRequest>> demands = new HashMap<>();
      Map<SharedCapacity.Member, String> tenants = new HashMap<>();
      for (int i = 0; i < 6; i++) {
        String tenant = "t" + (i % 3);
        SharedCapacity.Member m = pool.join(tenant, random.nextInt(3), () -> {});
        members.add(m);
        tenants.put(m, tenant);
      }
      List<SharedCapacity.Member> holders = new ArrayList<>();
      List<SharedCapacity.Reservation> held = new ArrayList<>();
      int starts = 0;
      for (int step = 0; step < 3000; step++) {
        now.addAndGet(random.nextInt(2_000_000_000));
        if (!held.isEmpty() && (random.nextInt(3) == 0 || held.size() > 6)) {
          int i = random.nextInt(held.size());
          holders.remove(i).release(held.remove(i));
        }
        SharedCapacity.Member changed = members.get(random.nextInt(members.size()));
        List<ResourceRequest> demand = new ArrayList<>();
        for (ResourceRequest k : kinds) {
          if (random.nextBoolean()) {
            demand.add(k);
          }
        }
        changed.waiting(demand);
        demands.put(changed, demand);
        synchronized (members.get(0).lock()) {
          boolean someFits = false;
          List<Object[]> allowed = new ArrayList<>();
          for (SharedCapacity.Member m : members) {
            TenantUsage usage = pool.usage(tenants.get(m));
            ResourceRequest quota = tenants.get(m).equals("t2") ? quotaOfT2 : UNLIMITED;
            for (ResourceRequest r : demands.getOrDefault(m, List.of())) {
              someFits |= FairShare.fits(r, free(pool, total), usage.reserved(), quota);
              if (m.allows(r)) {
                allowed.add(new Object[] {m, r});
              }
            }
          }
          assertEquals(someFits, !allowed.isEmpty(), "some run may start exactly when work fits");
          if (!allowed.isEmpty()) {
            Object[] pick = allowed.get(random.nextInt(allowed.size()));
            SharedCapacity.Member m = (SharedCapacity.Member) pick[0];
            held.add(m.reserve((ResourceRequest) pick[1]));
            holders.add(m);
            starts++;
          }
        }
      }
      assertTrue(starts > 500, "work started " + starts + " times");
    }
  }

  /** What is free in the pool: its total less every tenant's reservations. */
  private static ResourceRequest free(SharedCapacity pool, ResourceRequest total) {
    long cpu = total.milliCpu();
    long memory = total.memoryBytes();
    int gpu = total.gpu();
    for (TenantUsage u : pool.usages().values()) {
      cpu -= u.reserved().milliCpu();
      memory -= u.reserved().memoryBytes();
      gpu -= u.reserved().gpu();
    }
    return new ResourceRequest(cpu, memory, gpu);
  }

  /**
   * Two slots, both tenants always waiting, each stage holding its slot 1 s of a controlled clock:
   * the freed slot goes to whoever {@link SharedCapacity.Member#allows} lets in. With the decaying
   * history the slot-seconds follow the weights: 1:1 gives 1/2, 2:1 gives 2/3, not the 1/2 that
   * reservations alone give.
   */
  @Test
  void weightsHoldOverTimeWithOnlyTwoSlots() {
    assertEquals(0.5, slotShareOfA(1, 1), 0.02);
    assertEquals(2 / 3.0, slotShareOfA(2, 1), 0.02);
  }

  /** The part of the slot-seconds tenant a gets, in the second half of a long contention. */
  private static double slotShareOfA(int weightA, int weightB) {
    AtomicLong now = new AtomicLong();
    ResourceRequest twoCpus = new ResourceRequest(2000, 8L << 30, 0);
    try (SharedCapacity pool = new SharedCapacity(twoCpus, Duration.ofSeconds(60), now::get)) {
      pool.defineTenant("a", weightA, UNLIMITED);
      pool.defineTenant("b", weightB, UNLIMITED);
      SharedCapacity.Member a = pool.join("a", 1, () -> {});
      SharedCapacity.Member b = pool.join("b", 1, () -> {});
      a.waiting(List.of(ONE_CPU));
      b.waiting(List.of(ONE_CPU));
      ArrayDeque<SharedCapacity.Reservation> held = new ArrayDeque<>();
      ArrayDeque<SharedCapacity.Member> holders = new ArrayDeque<>();
      long slotsOfA = 0;
      int steps = 3000;
      for (int step = 0; step < steps; step++) {
        if (held.size() == 2) {
          now.addAndGet(Duration.ofMillis(500).toNanos());
          holders.poll().release(held.poll());
        }
        synchronized (a.lock()) {
          SharedCapacity.Member next = a.allows(ONE_CPU) ? a : b;
          assertTrue(next.allows(ONE_CPU), "a free slot is never left idle");
          held.add(next.reserve(ONE_CPU));
          holders.add(next);
          if (next == a && step >= steps / 2) {
            slotsOfA++;
          }
        }
      }
      assertEquals(1, pool.usage("a").waitingRuns());
      assertEquals(2, pool.usages().values().stream().mapToInt(TenantUsage::runningStages).sum());
      return slotsOfA / (double) (steps - steps / 2);
    }
  }
}
