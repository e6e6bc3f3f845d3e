package dev.stagecraft.runtime.engine;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One capacity shared by many runs of many tenants in one JVM (the pipeline server has one). A run
 * given it through {@link RunOptions#withSharedCapacity} reserves every stage's resources here
 * instead of from a capacity of its own. A tenant's reservations never exceed its quota; when
 * tenants compete, the next free slot goes to the tenant with the lowest weighted dominant share
 * ({@link FairShare}), and within a tenant to its run of highest priority, then the earliest. A
 * tenant loses its turn only to a run that has waiting work that fits now, so capacity is never
 * left idle while some waiting work fits.
 *
 * <p>Runs call in under their own lock (run lock, then this pool's lock); the pool never calls into
 * a run while holding its lock: when capacity is released, a tenant redefined or a run leaves, its
 * single daemon thread ({@code stagecraft-capacity}) asks each waiting run to try again.
 *
 * <pre>{@code
 * try (SharedCapacity pool = new SharedCapacity(new ResourceRequest(8000, 16L << 30, 0))) {
 *   pool.defineTenant("fraud", 2, new ResourceRequest(4000, 8L << 30, 0));
 *   PipelineRunner.run(def, params, RunOptions.defaults().withSharedCapacity(pool, "fraud", 1));
 * }
 * }</pre>
 */
public final class SharedCapacity implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SharedCapacity.class);

  /** The decay time constant of consumed resource-seconds by default. */
  public static final Duration DEFAULT_USAGE_TIME_CONSTANT = Duration.ofSeconds(60);

  private static final ResourceRequest NOTHING = new ResourceRequest(0, 0, 0);

  private final ResourceRequest total;
  private final long timeConstantNanos;
  private final LongSupplier nanoTime;
  private final Object lock = new Object();
  private final Map<String, Tenant> tenants = new TreeMap<>();
  private final List<Member> members = new ArrayList<>();
  private final Thread waker;
  private long freeCpu;
  private long freeMemory;
  private int freeGpu;
  private long arrivals;
  private boolean wakeRequested;
  private boolean closed;

  /** A pool of {@code total}, its history decaying with a time constant of 60 s of real time. */
  public SharedCapacity(ResourceRequest total) {
    this(total, DEFAULT_USAGE_TIME_CONSTANT, System::nanoTime);
  }

  /**
   * A pool of {@code total} whose consumed resource-seconds decay by e every {@code
   * usageTimeConstant} of {@code nanoTime} (tests pass a clock they control).
   */
  public SharedCapacity(ResourceRequest total, Duration usageTimeConstant, LongSupplier nanoTime) {
    this.total = Objects.requireNonNull(total, "total");
    if (usageTimeConstant.isNegative() || usageTimeConstant.isZero()) {
      throw new IllegalArgumentException(
          "the usage time constant " + usageTimeConstant + " must be positive");
    }
    this.timeConstantNanos = usageTimeConstant.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.freeCpu = total.milliCpu();
    this.freeMemory = total.memoryBytes();
    this.freeGpu = total.gpu();
    this.waker = new Thread(this::wakeLoop, "stagecraft-capacity");
    waker.setDaemon(true);
    waker.start();
  }

  /** The pool's whole capacity. */
  public ResourceRequest total() {
    return total;
  }

  /**
   * Creates tenant {@code tenant} or updates its weight and quota (a tenants file was reloaded); a
   * quota field of {@code Long.MAX_VALUE} or {@code Integer.MAX_VALUE} is unlimited.
   *
   * @throws IllegalArgumentException when the weight is below 1
   */
  public void defineTenant(String tenant, int weight, ResourceRequest quota) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(quota, "quota");
    if (weight < 1) {
      throw new IllegalArgumentException(
          "tenant '" + tenant + "' has weight " + weight + ": a weight must be at least 1");
    }
    synchronized (lock) {
      Tenant t = tenants.computeIfAbsent(tenant, Tenant::new);
      t.weight = weight;
      t.quota = quota;
      wakeIfAnyFits();
    }
  }

  /**
   * Tenant {@code tenant}'s part of the pool now.
   *
   * @throws IllegalArgumentException for a tenant that is not defined, with a suggestion
   */
  public TenantUsage usage(String tenant) {
    synchronized (lock) {
      return usageOf(tenant(tenant), nanoTime.getAsLong());
    }
  }

  /** Every defined tenant's part of the pool now, sorted by tenant id. */
  public Map<String, TenantUsage> usages() {
    synchronized (lock) {
      long now = nanoTime.getAsLong();
      Map<String, TenantUsage> all = new LinkedHashMap<>();
      for (Tenant t : tenants.values()) {
        all.put(t.id, usageOf(t, now));
      }
      return all;
    }
  }

  /** Stops the wake-up thread; runs still in the pool are no longer woken. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }

  /**
   * Tenant {@code tenant}'s quota.
   *
   * @throws IllegalArgumentException for a tenant that is not defined, with a suggestion
   */
  ResourceRequest quota(String tenant) {
    synchronized (lock) {
      return tenant(tenant).quota;
    }
  }

  /**
   * A run of {@code tenant} joins the pool; {@code wake} (which takes the run's lock) is called on
   * the pool's thread when the run may now start waiting work.
   */
  Member join(String tenant, int priority, Runnable wake) {
    synchronized (lock) {
      Member m = new Member(tenant(tenant), priority, arrivals++, wake);
      members.add(m);
      return m;
    }
  }

  private Tenant tenant(String id) {
    Tenant t = tenants.get(id);
    if (t == null) {
      throw new IllegalArgumentException(
          "unknown tenant '"
              + id
              + "'"
              + Suggestions.didYouMeanOrList(id, tenants.keySet(), "tenants")
              + ": define it in the tenants file");
    }
    return t;
  }

  private TenantUsage usageOf(Tenant t, long now) {
    double dominant = t.dominantShare(now);
    return new TenantUsage(
        new ResourceRequest(t.cpu, t.memory, t.gpu),
        t.running,
        (int) members.stream().filter(m -> m.tenant == t && m.isWaiting()).count(),
        dominant,
        dominant / t.weight);
  }

  private ResourceRequest free() {
    return new ResourceRequest(freeCpu, freeMemory, freeGpu);
  }

  /** The first waiting work of {@code m} that fits now (free capacity and quota); null if none. */
  private static ResourceRequest fitting(Member m, ResourceRequest free) {
    for (ResourceRequest r : m.demand) {
      if (m.tenant.fits(r, free)) {
        return r;
      }
    }
    return null;
  }

  /** Under the lock: asks the waiting runs to try again when some waiting work fits now. */
  private void wakeIfAnyFits() {
    ResourceRequest free = free();
    for (Member m : members) {
      if (fitting(m, free) != null) {
        wakeRequested = true;
        lock.notifyAll();
        return;
      }
    }
  }

  private void wakeLoop() {
    while (true) {
      List<Member> waiting = new ArrayList<>();
      synchronized (lock) {
        while (!wakeRequested && !closed) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        wakeRequested = false;
        for (Member m : members) {
          if (m.isWaiting()) {
            waiting.add(m);
          }
        }
      }
      for (Member m : waiting) {
        try {
          m.wake.run();
        } catch (RuntimeException e) {
          LOG.error("a run failed to take capacity", e);
        }
      }
    }
  }

  /** A tenant: its weight, quota, reservations and decaying history of resource-seconds. */
  private final class Tenant {
    final String id;
    int weight;
    ResourceRequest quota;
    long cpu;
    long memory;
    int gpu;
    int running;
    double cpuSeconds;
    double memorySeconds;
    double gpuSeconds;
    long historyAt = nanoTime.getAsLong();

    Tenant(String id) {
      this.id = id;
    }

    boolean fits(ResourceRequest r, ResourceRequest free) {
      return FairShare.fits(r, free, new ResourceRequest(cpu, memory, gpu), quota);
    }

    void decayTo(long now) {
      long elapsed = now - historyAt;
      if (elapsed > 0) {
        cpuSeconds = FairShare.decay(cpuSeconds, elapsed, timeConstantNanos);
        memorySeconds = FairShare.decay(memorySeconds, elapsed, timeConstantNanos);
        gpuSeconds = FairShare.decay(gpuSeconds, elapsed, timeConstantNanos);
        historyAt = now;
      }
    }

    double dominantShare(long now) {
      return dominantShareWith(NOTHING, now);
    }

    /** Its dominant share if it also reserved {@code r}. */
    double dominantShareWith(ResourceRequest r, long now) {
      decayTo(now);
      double tau = timeConstantNanos / 1e9;
      return FairShare.dominantShare(
          cpu + r.milliCpu() + cpuSeconds / tau,
          memory + r.memoryBytes() + memorySeconds / tau,
          gpu + r.gpu() + gpuSeconds / tau,
          total);
    }

    void reserve(ResourceRequest r) {
      cpu += r.milliCpu();
      memory += r.memoryBytes();
      gpu += r.gpu();
      running++;
    }

    /** Releases {@code r}, held for {@code seconds}, into the history. */
    void release(ResourceRequest r, double seconds, long now) {
      cpu -= r.milliCpu();
      memory -= r.memoryBytes();
      gpu -= r.gpu();
      running--;
      decayTo(now);
      cpuSeconds += r.milliCpu() * seconds;
      memorySeconds += r.memoryBytes() * seconds;
      gpuSeconds += r.gpu() * seconds;
    }
  }

  /**
   * One run in the pool. Its methods are called under the run's lock; {@link #allows} and {@link
   * #reserve} under the pool's {@link #lock()} as well, so that the decision and the reservation
   * are one step.
   */
  final class Member {
    private final Tenant tenant;
    private final int priority;
    private final long arrival;
    private final Runnable wake;

    /** The resources of its ready work that waits only for capacity (distinct requests). */
    private List<ResourceRequest> demand = List.of();

    /** Its reservations not released yet, for leaving cleanly. */
    private final List<Reservation> held = new ArrayList<>();

    private boolean left;

    private Member(Tenant tenant, int priority, long arrival, Runnable wake) {
      this.tenant = tenant;
      this.priority = priority;
      this.arrival = arrival;
      this.wake = wake;
    }

    /** The pool's lock, to hold around a decision and its reservation. */
    Object lock() {
      return lock;
    }

    private boolean isWaiting() {
      return !left && !demand.isEmpty();
    }

    /**
     * Under {@link #lock()}: whether this run may reserve {@code r} now: it fits what is free and
     * its tenant's quota, and no other run with waiting work that fits now goes before it (a lower
     * weighted share counting that work, or within the tenant a higher priority or earlier
     * arrival).
     */
    boolean allows(ResourceRequest r) {
      ResourceRequest free = free();
      if (left || !tenant.fits(r, free)) {
        return false;
      }
      long now = nanoTime.getAsLong();
      List<FairShare.Claim> claims = new ArrayList<>();
      // every run claims with its first waiting work that fits, as the others see it, so that all
      // runs rank the claims alike and the first of them can always start
      ResourceRequest claimed = fitting(this, free);
      FairShare.Claim mine = claim(this, claimed == null ? r : claimed, now);
      claims.add(mine);
      for (Member other : members) {
        ResourceRequest next = other == this || other.left ? null : fitting(other, free);
        if (next != null) {
          claims.add(claim(other, next, now));
        }
      }
      return claims.size() == 1 || FairShare.pick(claims) == mine;
    }

    /** The claim of {@code m} to reserve {@code r}: its tenant's share with {@code r} reserved. */
    private FairShare.Claim claim(Member m, ResourceRequest r, long now) {
      Tenant t = m.tenant;
      return new FairShare.Claim(
          t.id, t.dominantShareWith(r, now) / t.weight, m.priority, m.arrival, true);
    }

    /**
     * Under {@link #lock()}, after {@link #allows}: reserves {@code r}; the reservation's token.
     */
    Reservation reserve(ResourceRequest r) {
      Reservation token = new Reservation(r, nanoTime.getAsLong());
      freeCpu -= r.milliCpu();
      freeMemory -= r.memoryBytes();
      freeGpu -= r.gpu();
      tenant.reserve(r);
      held.add(token);
      wakeIfAnyFits(); // a higher share may hand the next turn to a run that waits
      return token;
    }

    /** Releases a reservation: its resource-seconds join the tenant's history; wakes waiters. */
    void release(Reservation token) {
      synchronized (lock) {
        if (left || !held.remove(token)) {
          return;
        }
        giveBack(token, nanoTime.getAsLong());
        wakeIfAnyFits();
      }
    }

    private void giveBack(Reservation token, long now) {
      ResourceRequest r = token.resources();
      freeCpu += r.milliCpu();
      freeMemory += r.memoryBytes();
      freeGpu += r.gpu();
      tenant.release(r, Math.max(0, now - token.since()) / 1e9, now);
    }

    /**
     * The run's ready work that waits only for capacity now ({@code demand}: the resources of each
     * such task, possibly repeated); wakes waiters when it changed and something fits.
     */
    void waiting(List<ResourceRequest> demand) {
      synchronized (lock) {
        if (left || this.demand.equals(demand)) {
          return;
        }
        this.demand = List.copyOf(demand);
        wakeIfAnyFits();
      }
    }

    /** The run ends: releases what it still holds and leaves; later calls change nothing. */
    void leave() {
      synchronized (lock) {
        if (left) {
          return;
        }
        long now = nanoTime.getAsLong();
        for (Reservation token : held) {
          giveBack(token, now);
        }
        held.clear();
        left = true;
        demand = List.of();
        members.remove(this);
        wakeIfAnyFits();
      }
    }
  }

  /** What one stage reserved and when (a {@code nanoTime}). */
  record Reservation(ResourceRequest resources, long since) {}
}
