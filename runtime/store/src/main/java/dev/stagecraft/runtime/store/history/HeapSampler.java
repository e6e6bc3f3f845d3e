package dev.stagecraft.runtime.store.history;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Measures the memory of each running stage instance as well as one JVM shared by concurrent stages
 * allows. A thread samples the used heap every {@link #INTERVAL} while instances run (and sleeps
 * once a sample finds none running, until one starts); the heap used beyond the baseline (what was
 * in use when instances started running after a time with none, taken by the first sample) is
 * shared equally among the instances running at that sample, and an instance's figure is the
 * largest share any sample gave it. An instance no sample saw is not measured. Listener calls only
 * update a concurrent map: no sample is taken on the scheduler's threads.
 */
final class HeapSampler implements AutoCloseable {
  /** How often the used heap is sampled while stages run. */
  static final Duration INTERVAL = Duration.ofMillis(50);

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final LongSupplier usedHeap;
  private final long intervalNanos;
  private final Map<Key, Peak> running = new ConcurrentHashMap<>();
  private volatile long baseline;
  private volatile boolean baselinePending;
  private volatile boolean closed;
  private volatile boolean parked;
  private volatile Thread thread;

  /** A sampler of this JVM's heap every {@link #INTERVAL}. */
  HeapSampler() {
    this(() -> MEMORY.getHeapMemoryUsage().getUsed(), INTERVAL);
  }

  /**
   * A sampler of {@code usedHeap}; with a zero {@code interval} no thread samples, and {@link
   * #sample()} is called by hand.
   */
  HeapSampler(LongSupplier usedHeap, Duration interval) {
    this.usedHeap = usedHeap;
    this.intervalNanos = interval.toNanos();
  }

  /** An instance's attempt began. */
  void started(String runId, String instance) {
    boolean none = running.isEmpty();
    running.putIfAbsent(new Key(runId, instance), new Peak());
    if (none) {
      baselinePending = true;
    }
    if (intervalNanos > 0 && (parked || thread == null)) {
      wake(); // the sampling thread sleeps once a whole interval passed with nothing running
    }
  }

  /** The instance ended: its peak share of the heap, empty when no sample saw it run. */
  OptionalLong finished(String runId, String instance) {
    Peak p = running.remove(new Key(runId, instance));
    return p == null || p.samples.get() == 0
        ? OptionalLong.empty()
        : OptionalLong.of(p.bytes.get());
  }

  /**
   * Takes one sample: the heap beyond the baseline, shared among the running instances; the first
   * sample after a time with nothing running only takes the baseline.
   */
  void sample() {
    int n = running.size();
    if (n == 0) {
      return;
    }
    long used = usedHeap.getAsLong();
    if (baselinePending) {
      baselinePending = false;
      baseline = used;
      return;
    }
    long share = Math.max(0, used - baseline) / n;
    for (Peak p : running.values()) {
      p.bytes.accumulateAndGet(share, Math::max);
      p.samples.incrementAndGet();
    }
  }

  @Override
  public void close() {
    closed = true;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  private synchronized void wake() {
    if (thread == null) {
      thread = new Thread(this::loop, "stagecraft-heap-sampler");
      thread.setDaemon(true);
      thread.start();
    } else {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Samples every interval while instances run; after an interval with none, parks until {@link
   * #started} wakes it, so that short stages back to back cost no wake-up each.
   */
  private void loop() {
    while (!closed) {
      if (running.isEmpty()) {
        parked = true;
        if (running.isEmpty() && !closed) {
          LockSupport.park(this);
        }
        parked = false;
        continue; // woken by a start: sample at once, for the baseline
      }
      sample();
      LockSupport.parkNanos(this, intervalNanos);
    }
  }

  /** A running instance of a run. */
  private record Key(String runId, String instance) {}

  /** An instance's largest share so far, and how many samples saw it. */
  private static final class Peak {
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong samples = new AtomicLong();
  }
}
