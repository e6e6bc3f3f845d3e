package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.run;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real runs of several tenants on one {@link SharedCapacity}, their stages held on latches. */
@Timeout(60)
class SharedCapacityTest {
  private static final ResourceRequest UNLIMITED =
      new ResourceRequest(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
  private static final ResourceRequest NOTHING = new ResourceRequest(0, 0, 0);

  /** A clock that stands still: no history accrues, shares are the reservations alone. */
  private final SharedCapacity pool =
      new SharedCapacity(
          new ResourceRequest(2000, 1L << 30, 0), Duration.ofSeconds(60), () -> 1_000_000L);

  /** Names of stages as they start, in order. */
  private final BlockingQueue<String> started = new LinkedBlockingQueue<>();

  /** What each gated stage waits for before it returns. */
  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

  private final List<Thread> callers = new ArrayList<>();

  @AfterEach
  void closePool() throws InterruptedException {
    gates.values().forEach(CountDownLatch::countDown);
    for (Thread t : callers) {
      t.join(10_000);
    }
    pool.close();
  }

  /** A pipeline of independent one-cpu stages that each wait for their gate. */
  private PipelineDefinition gated(String name, String... stages) {
    PipelineDefinition.Builder b = pipeline(name);
    for (String s : stages) {
      gates.put(s, new CountDownLatch(1));
      b.stage(
          stage(
                  s,
                  call -> {
                    started.add(s);
                    if (!gates.get(s).await(20, TimeUnit.SECONDS)) {
                      throw new IllegalStateException("gate of " + s + " never opened");
                    }
                    return s;
                  })
              .build());
    }
    return b.build();
  }

  private static RunOptions on(SharedCapacity pool, String tenant, int priority) {
    return Graphs.options(1).withSharedCapacity(pool, tenant, priority);
  }

  /** Starts the run on a thread of its own; the reference gets its result. */
  private AtomicReference<RunResult> start(PipelineDefinition def, RunOptions options) {
    AtomicReference<RunResult> result = new AtomicReference<>();
    Thread t = new Thread(() -> result.set(run(def, options)), "caller-" + def.name());
    callers.add(t);
    t.start();
    return result;
  }

  private String nextStarted() throws InterruptedException {
    String s = started.poll(10, TimeUnit.SECONDS);
    if (s == null) {
      fail("no stage started within 10 s; the pool: " + pool.usages());
    }
    return s;
  }

  private void open(String stage) {
    gates.get(stage).countDown();
  }

  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting until " + what);
      }
      Thread.sleep(2);
    }
  }

  private void waitForWaitingRuns(String tenant, int n) throws InterruptedException {
    waitFor(() -> pool.usage(tenant).waitingRuns() == n, tenant + " has " + n + " waiting runs");
  }

  private void joinCallers() throws InterruptedException {
    for (Thread t : callers) {
      t.join(10_000);
      assertTrue(!t.isAlive(), t.getName() + " returned");
    }
  }

  private void assertPoolEmpty() {
    for (Map.Entry<String, TenantUsage> e : pool.usages().entrySet()) {
      TenantUsage u = e.getValue();
      assertEquals(NOTHING, u.reserved(), e.getKey());
      assertEquals(0, u.runningStages(), e.getKey());
      assertEquals(0, u.waitingRuns(), e.getKey());
    }
  }

  @Test
  void eachFreedSlotGoesToTheTenantWithTheLowerShare() throws InterruptedException {
    pool.defineTenant("a", 1, UNLIMITED);
    pool.defineTenant("b", 1, UNLIMITED);
    AtomicReference<RunResult> ra = start(gated("runA", "a1", "a2", "a3"), on(pool, "a", 1));
    assertEquals(
        List.of("a1", "a2"), List.of(nextStarted(), nextStarted()).stream().sorted().toList());
    waitForWaitingRuns("a", 1);
    AtomicReference<RunResult> rb = start(gated("runB", "b1", "b2"), on(pool, "b", 1));
    waitForWaitingRuns("b", 1);
    assertEquals(new ResourceRequest(2000, 2L << 20, 0), pool.usage("a").reserved());
    assertEquals(1.0, pool.usage("a").dominantShare(), 1e-9);

    open("a1"); // a holds 1 of 2 cpu, b none: b's turn
    assertEquals("b1", nextStarted());
    open("a2"); // a holds none, b 1: a's turn
    assertEquals("a3", nextStarted());
    open("b1"); // a 1, b 0: b's turn
    assertEquals("b2", nextStarted());
    open("a3");
    open("b2");
    joinCallers();

    assertEquals(RunStatus.SUCCEEDED, ra.get().status());
    assertEquals(RunStatus.SUCCEEDED, rb.get().status());
    assertNull(started.poll());
    assertPoolEmpty();
  }

  @Test
  void withinATenantTheRunOfHigherPriorityStartsFirst() throws InterruptedException {
    pool.defineTenant("t", 1, new ResourceRequest(1000, Long.MAX_VALUE, Integer.MAX_VALUE));
    start(gated("low", "l1", "l2"), on(pool, "t", 0));
    assertEquals("l1", nextStarted());
    waitForWaitingRuns("t", 1);
    start(gated("normal", "n1"), on(pool, "t", 1));
    waitForWaitingRuns("t", 2);
    start(gated("high", "h1"), on(pool, "t", 2));
    waitForWaitingRuns("t", 3);

    open("l1");
    assertEquals("h1", nextStarted());
    open("h1");
    assertEquals("n1", nextStarted());
    open("n1");
    assertEquals("l2", nextStarted());
    open("l2");
    joinCallers();
    assertPoolEmpty();
  }

  @Test
  void aQuotaOfOneCpuKeepsARunToOneStageAtATimeWhileOthersUseTheRest() throws InterruptedException {
    pool.defineTenant("q", 1, new ResourceRequest(1000, Long.MAX_VALUE, Integer.MAX_VALUE));
    pool.defineTenant("c", 1, UNLIMITED);
    AtomicReference<RunResult> rq = start(gated("quota", "q1", "q2"), on(pool, "q", 1));
    assertEquals("q1", nextStarted());
    waitForWaitingRuns("q", 1); // q2 waits though a cpu is free
    TenantUsage q = pool.usage("q");
    assertEquals(1, q.runningStages());
    assertEquals(1000, q.reserved().milliCpu());
    start(gated("other", "c1"), on(pool, "c", 1));
    assertEquals("c1", nextStarted()); // the free cpu goes to another tenant

    open("q1");
    assertEquals("q2", nextStarted());
    open("q2");
    open("c1");
    joinCallers();
    assertEquals(RunStatus.SUCCEEDED, rq.get().status());
    assertPoolEmpty();
  }

  @Test
  void raisingATenantsQuotaStartsItsWaitingWork() throws InterruptedException {
    pool.defineTenant("q", 1, new ResourceRequest(1000, Long.MAX_VALUE, Integer.MAX_VALUE));
    AtomicReference<RunResult> rq = start(gated("reloaded", "r1", "r2"), on(pool, "q", 1));
    assertEquals("r1", nextStarted());
    waitForWaitingRuns("q", 1);

    pool.defineTenant("q", 2, UNLIMITED); // the tenants file was reloaded

    assertEquals("r2", nextStarted()); // the pool's thread woke the run
    assertEquals(2, pool.usage("q").runningStages());
    assertEquals(0, pool.usage("q").waitingRuns());
    assertEquals(1.0 / 2, pool.usage("q").weightedShare(), 1e-9);
    open("r1");
    open("r2");
    joinCallers();
    assertEquals(RunStatus.SUCCEEDED, rq.get().status());
    assertPoolEmpty();
  }

  @Test
  void aStageLargerThanTheTenantsQuotaFailsBeforeAnythingRuns() {
    pool.defineTenant("small", 1, new ResourceRequest(1000, 512L << 20, 0));
    PipelineDefinition def =
        pipeline("big")
            .stage(stage("prep", call -> 1).build())
            .stage(
                stage("train", call -> 2).resources(ResourceRequest.parse("2", "256Mi", 0)).build())
            .build();

    PlanningException e =
        assertThrows(PlanningException.class, () -> run(def, on(pool, "small", 1)));

    assertEquals(
        "stage 'train' of pipeline 'big' asks cpu=2, memory=256Mi, gpu=0 but tenant 'small' has a"
            + " quota of cpu=1, memory=512Mi, gpu=0: lower its @Resources or raise the tenant's"
            + " quota",
        e.getMessage());
    assertPoolEmpty();
  }

  @Test
  void aStageLargerThanThePoolFailsLikeOnItsOwnCapacity() {
    pool.defineTenant("t", 1, UNLIMITED);
    PipelineDefinition def =
        pipeline("huge")
            .stage(
                stage("train", call -> 2).resources(ResourceRequest.parse("4", "1Mi", 0)).build())
            .build();

    PlanningException e = assertThrows(PlanningException.class, () -> run(def, on(pool, "t", 1)));

    assertEquals(
        "stage 'train' of pipeline 'huge' asks cpu=4, memory=1Mi, gpu=0 but the executor has"
            + " cpu=2, memory=1Gi, gpu=0: lower its @Resources or raise --max-cpu, --max-memory or"
            + " --gpus",
        e.getMessage());
  }

  @Test
  void anUnknownTenantIsRefusedWithASuggestion() {
    pool.defineTenant("fraud", 2, UNLIMITED);
    PipelineDefinition def = pipeline("p").stage(stage("s", call -> 1).build()).build();

    IllegalArgumentException close =
        assertThrows(IllegalArgumentException.class, () -> run(def, on(pool, "fraudd", 1)));
    IllegalArgumentException far =
        assertThrows(IllegalArgumentException.class, () -> pool.usage("ops"));

    assertEquals(
        "unknown tenant 'fraudd' (did you mean 'fraud'?): define it in the tenants file",
        close.getMessage());
    assertEquals(
        "unknown tenant 'ops' (tenants: fraud): define it in the tenants file", far.getMessage());
  }

  @Test
  void aWeightBelowOneIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pool.defineTenant("t", 0, UNLIMITED));

    assertEquals("tenant 't' has weight 0: a weight must be at least 1", e.getMessage());
    assertEquals(Map.of(), pool.usages());
  }

  @Test
  void anInterruptedRunLeavesThePoolCleanAndItsCapacityGoesToTheNext() throws InterruptedException {
    pool.defineTenant("x", 1, UNLIMITED);
    pool.defineTenant("y", 1, UNLIMITED);
    AtomicReference<RunResult> rx = start(gated("cancelled", "x1", "x2", "x3"), on(pool, "x", 1));
    assertEquals(
        List.of("x1", "x2"), List.of(nextStarted(), nextStarted()).stream().sorted().toList());
    waitForWaitingRuns("x", 1);
    AtomicReference<RunResult> ry = start(gated("next", "y1"), on(pool, "y", 1));
    waitForWaitingRuns("y", 1);

    callers.get(0).interrupt();

    assertEquals("y1", nextStarted());
    callers.get(0).join(10_000);
    assertEquals(RunStatus.CANCELLED, rx.get().status());
    TenantUsage x = pool.usage("x");
    assertEquals(new TenantUsage(NOTHING, 0, 0, 0.0, 0.0), x);
    open("y1");
    joinCallers();
    assertEquals(RunStatus.SUCCEEDED, ry.get().status());
    assertPoolEmpty();
  }

  /** Four tenants, three runs each of 50 tiny stages in two chains, on one pool of 2 cpu. */
  @Test
  void manyRunsOfFourTenantsAllSucceedOnOnePool() throws Exception {
    // real time, so that the history of consumed resource-seconds takes part
    SharedCapacity shared = new SharedCapacity(new ResourceRequest(2000, 1L << 30, 0));
    shared.defineTenant("t1", 1, UNLIMITED);
    shared.defineTenant("t2", 2, UNLIMITED);
    shared.defineTenant("t3", 1, new ResourceRequest(1000, Long.MAX_VALUE, Integer.MAX_VALUE));
    shared.defineTenant("t4", 3, new ResourceRequest(1500, 1L << 30, 0));
    ExecutorService callerPool = Executors.newFixedThreadPool(12);
    try {
      List<Future<RunResult>> results = new ArrayList<>();
      for (int tenant = 1; tenant <= 4; tenant++) {
        for (int run = 0; run < 3; run++) {
          PipelineDefinition def = chains("t" + tenant + "-run" + run, 50);
          RunOptions options = on(shared, "t" + tenant, run);
          results.add(callerPool.submit(() -> run(def, options)));
        }
      }
      for (Future<RunResult> f : results) {
        RunResult r = f.get(60, TimeUnit.SECONDS);
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.pipeline());
        assertEquals(24 * 25, (int) r.output("s48")); // 0 + 2 + ... + 48
        assertEquals(25 * 25, (int) r.output("s49")); // 1 + 3 + ... + 49
      }
    } finally {
      callerPool.shutdownNow();
      shared.close();
    }
    for (TenantUsage u : shared.usages().values()) {
      assertEquals(new TenantUsage(NOTHING, 0, 0, u.dominantShare(), u.weightedShare()), u);
    }
    assertEquals(4, shared.usages().size());
  }

  /** Stage i adds i to stage i-2's output: two interleaved chains, stages of 1 cpu or 500m. */
  private static PipelineDefinition chains(String name, int n) {
    PipelineDefinition.Builder b = pipeline(name);
    for (int i = 0; i < n; i++) {
      int index = i;
      String up = "s" + (i - 2);
      var s =
          stage("s" + i, call -> index + (index >= 2 ? (int) call.input(up) : 0))
              .resources(ResourceRequest.parse(i % 3 == 0 ? "500m" : "1", "1Mi", 0));
      if (i >= 2) {
        s.input(dev.stagecraft.runtime.graph.InputSpec.of(up));
      }
      b.stage(s.build());
    }
    return b.build();
  }
}
