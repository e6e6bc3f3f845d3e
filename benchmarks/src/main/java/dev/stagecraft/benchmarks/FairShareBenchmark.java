package dev.stagecraft.benchmarks;

import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.SharedCapacity;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fair share on one shared capacity: two tenants flood a pool of {@code --cpu N} cores (default 2)
 * with CPU-bound stages of 1 cpu each (busy loops of 75 ms of thread CPU time), from two caller
 * threads each running one run after another, for {@code --seconds S} (default 10) with equal
 * weights, then as long with weights 2:1 on a fresh pool. Each tenant's CPU-seconds (the CPU time
 * of its stage threads) are summed over stages that start in the window where both flood (after a
 * first second of warm-up); its slot-seconds (stage wall time x 1 cpu) beside them. Targets: 50% +-
 * 5% each with equal weights, 67% / 33% +- 5% with 2:1. Prints one line per phase and a last line
 * of JSON.
 *
 * <pre>benchmarks/run fairshare [--cpu N] [--seconds S]</pre>
 */
public final class FairShareBenchmark {
  private static final long STAGE_CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(75);
  private static final int STAGES_PER_RUN = 4;
  private static final int CALLERS_PER_TENANT = 2;
  private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FairShareBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cpu = 2;
    int seconds = 10;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cpu" -> cpu = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown option '" + args[i] + "': use --cpu N or --seconds S");
      }
    }
    Phase equal = phase("equal weights 1:1", cpu, seconds, 1, 1);
    Phase weighted = phase("weights 2:1", cpu, seconds, 2, 1);
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"benchmark\":\"fairshare\",\"cpu\":%d,\"secondsPerPhase\":%d,"
                + "\"equalA\":%.3f,\"equalB\":%.3f,\"weighted2A\":%.3f,\"weighted1B\":%.3f,"
                + "\"equalSlotA\":%.3f,\"weightedSlotA\":%.3f,\"equalStages\":%d,"
                + "\"weightedStages\":%d,\"targetEqual\":0.50,\"targetWeighted2A\":0.67,"
                + "\"tolerance\":0.05}",
            cpu,
            seconds,
            equal.cpuShareOfA(),
            1 - equal.cpuShareOfA(),
            weighted.cpuShareOfA(),
            1 - weighted.cpuShareOfA(),
            equal.slotShareOfA(),
            weighted.slotShareOfA(),
            equal.stages(),
            weighted.stages()));
  }

  /** One phase's measurement: CPU and slot nanoseconds of tenants a and b, stages counted. */
  private record Phase(long cpuA, long cpuB, long slotA, long slotB, long stages) {
    double cpuShareOfA() {
      return cpuA / (double) (cpuA + cpuB);
    }

    double slotShareOfA() {
      return slotA / (double) (slotA + slotB);
    }
  }

  /** What one tenant's stages consumed in the window. */
  private static final class Meter {
    final AtomicLong cpuNanos = new AtomicLong();
    final AtomicLong slotNanos = new AtomicLong();
    final AtomicLong stages = new AtomicLong();
  }

  private static Phase phase(String label, int cpu, int seconds, int weightA, int weightB)
      throws Exception {
    long start = System.nanoTime();
    long windowStart = start + WARM_UP_NANOS;
    long deadline = windowStart + TimeUnit.SECONDS.toNanos(seconds);
    Meter a = new Meter();
    Meter b = new Meter();
    ExecutorService callers = Executors.newFixedThreadPool(2 * CALLERS_PER_TENANT);
    try (SharedCapacity pool = new SharedCapacity(new ResourceRequest(cpu * 1000L, 1L << 30, 0))) {
      pool.defineTenant("a", weightA, pool.total());
      pool.defineTenant("b", weightB, pool.total());
      List<Future<?>> floods = new ArrayList<>();
      for (int i = 0; i < CALLERS_PER_TENANT; i++) {
        floods.add(callers.submit(() -> flood(pool, "a", a, windowStart, deadline)));
        floods.add(callers.submit(() -> flood(pool, "b", b, windowStart, deadline)));
      }
      for (Future<?> f : floods) {
        f.get();
      }
    } finally {
      callers.shutdown();
    }
    Phase p =
        new Phase(
            a.cpuNanos.get(),
            b.cpuNanos.get(),
            a.slotNanos.get(),
            b.slotNanos.get(),
            a.stages.get() + b.stages.get());
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-18s a %.1f%% b %.1f%% of CPU-seconds (slot-seconds a %.1f%%), %d stages",
            label,
            100 * p.cpuShareOfA(),
            100 * (1 - p.cpuShareOfA()),
            100 * p.slotShareOfA(),
            p.stages()));
    return p;
  }

  /** Runs tenant {@code tenant}'s pipeline again and again until the deadline. */
  private static Void flood(
      SharedCapacity pool, String tenant, Meter meter, long windowStart, long deadline) {
    PipelineDefinition def = pipeline(tenant, meter, windowStart, deadline);
    RunOptions options = RunOptions.defaults().withSharedCapacity(pool, tenant, 1);
    while (System.nanoTime() < deadline) {
      RunResult r = PipelineRunner.run(def, Map.of(), options);
      if (r.status() != RunStatus.SUCCEEDED) {
        throw new IllegalStateException("a run of tenant " + tenant + " ended " + r.status());
      }
    }
    return null;
  }

  /** Independent CPU-bound stages of 1 cpu, each adding what it used in the window to the meter. */
  private static PipelineDefinition pipeline(
      String tenant, Meter meter, long windowStart, long deadline) {
    PipelineDefinition.Builder b = PipelineDefinition.builder("fairshare-" + tenant);
    ResourceRequest oneCpu = ResourceRequest.parse("1", "1Mi", 0);
    for (int i = 0; i < STAGES_PER_RUN; i++) {
      b.stage(
          StageSpec.builder("burn" + i)
              .resources(oneCpu)
              .outputType("long")
              .body(
                  call -> {
                    long wall0 = System.nanoTime();
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    long spin = burn(cpu0);
                    if (wall0 >= windowStart && wall0 < deadline) {
                      meter.cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                      meter.slotNanos.addAndGet(System.nanoTime() - wall0);
                      meter.stages.incrementAndGet();
                    }
                    return spin;
                  })
              .build());
    }
    return b.build();
  }

  /** Spins until this thread has used {@link #STAGE_CPU_NANOS} of CPU since {@code cpu0}. */
  private static long burn(long cpu0) {
    long x = 0;
    while (THREADS.getCurrentThreadCpuTime() - cpu0 < STAGE_CPU_NANOS) {
      for (int i = 0; i < 10_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
    }
    return x;
  }
}
