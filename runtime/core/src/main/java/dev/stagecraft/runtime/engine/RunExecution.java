package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a pipeline: the scheduler. Each stage keeps a count of unfinished upstream stages; a
 * finishing stage decrements its dependents' counts and queues those that reach zero, so no
 * completion scans the graph. Ready work waits in a priority queue (longest remaining path first)
 * and starts when its resources fit. Worker threads loop: a worker that finishes a stage takes the
 * next ready one itself, and hands work to another thread only when more can run at once.
 *
 * <p>The one call into user code is wrapped by the layers of {@link Invocation} (reuse, caching,
 * attempts with backoff, timeouts); the scheduling around it never touches user code.
 */
final class RunExecution {
  private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

  private final PipelineDefinition def;
  private final ResolvedParams params;
  private final RunOptions options;
  private final String runId;
  private final RunListener[] listeners;

  /** CPU time and allocations are measured only when a listener records them. */
  private final boolean meter;

  private final StageRun[] stages;

  /** Stage index by name. */
  private final Map<String, Integer> indexByName;

  private final Path scratchRoot;

  /** A stage's status by name, for the upstream verdict. */
  private final Function<String, StageStatus> statusOf = name -> stage(name).status;

  /** A stage's output by name, for conditions and fan-out items. */
  private final Function<String, Object> outputOf = name -> stage(name).output;

  private final Object lock = new Object();
  private final PriorityQueue<Task> ready = new PriorityQueue<>(Task.ORDER);
  private final ArrayDeque<StageRun> worklist = new ArrayDeque<>();
  private final Capacity free;
  private int activeWorkers;
  private int stagesLeft;

  /** Null until the run cancels what is left (fail-fast, or the caller interrupted it): why. */
  private String cancelReason;

  private final CountDownLatch done = new CountDownLatch(1);

  private final ExecutorService pool;
  private volatile ScheduledExecutorService timer;

  RunExecution(PipelineDefinition def, ResolvedParams params, RunOptions options, String runId) {
    this.def = def;
    this.params = params;
    this.options = options;
    this.runId = runId;
    this.listeners = options.listeners().toArray(new RunListener[0]);
    this.meter = listeners.length > 0;
    this.free = new Capacity(options.capacity());
    this.scratchRoot =
        options
            .scratchRoot()
            .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "stagecraft"));
    List<StageSpec> specs = def.stages();
    GraphIndex graph = new GraphIndex(specs);
    this.indexByName = graph.index;
    double[] ranks = CriticalPath.ranks(specs, graph, options.expectedDurations());
    this.stages = new StageRun[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      stages[i] = new StageRun(i, specs.get(i), ranks[i]);
      stages[i].invocation = Invocation.chain(this, specs.get(i), options);
    }
    for (StageRun s : stages) {
      s.pending = graph.up[s.index].length;
      s.downstream = graph.down[s.index];
    }
    this.stagesLeft = stages.length;
    AtomicInteger threadCount = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t =
              new Thread(r, "stagecraft-" + def.name() + "-" + threadCount.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
  }

  String runId() {
    return runId;
  }

  String pipelineName() {
    return def.name();
  }

  Map<String, Object> params() {
    return params.values();
  }

  Path scratchRoot() {
    return scratchRoot;
  }

  Optional<Path> storeDirectory() {
    return options.storeDirectory();
  }

  StageRun stage(String name) {
    Integer i = indexByName.get(name);
    if (i == null) {
      throw new IllegalArgumentException(
          "pipeline '" + def.name() + "' has no stage '" + name + "'");
    }
    return stages[i];
  }

  // ---------------------------------------------------------------- the run

  RunResult run() {
    Instant start = options.clock().instant();
    RunInfo info =
        new RunInfo(
            runId,
            def.name(),
            params.texts(),
            start,
            options.resume().map(RunOptions.Resume::runId));
    for (RunListener l : listeners) {
      notify(() -> l.runStarted(info));
    }
    synchronized (lock) {
      for (StageRun s : stages) {
        if (s.pending == 0) {
          becomeReady(s);
        }
      }
      drainWorklist();
      spawnWorkers();
    }
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        synchronized (lock) {
          if (cancelReason == null) {
            cancelReason = CancelReason.INTERRUPTED;
            cancelAll(cancelReason);
          }
        }
      }
    }
    pool.shutdown();
    ScheduledExecutorService t = timer;
    if (t != null) {
      t.shutdownNow();
    }
    Instant end = options.clock().instant();
    RunResult result = result(start, end, interrupted);
    for (RunListener l : listeners) {
      notify(() -> l.runFinished(runId, result.status(), end));
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  private RunResult result(Instant start, Instant end, boolean interrupted) {
    List<StageOutcome> outcomes = new ArrayList<>();
    boolean failed = false;
    synchronized (lock) {
      for (StageRun s : stages) {
        failed |= s.status == StageStatus.FAILED;
        if (s.instances != null) {
          for (Execution x : s.instances) {
            outcomes.add(outcome(x));
          }
        } else if (s.single != null && s.single.finished) {
          outcomes.add(outcome(s.single));
        } else {
          Object out = s.status.hasOutput() ? s.output : null;
          outcomes.add(
              new StageOutcome(
                  s.name(),
                  s.name(),
                  s.status,
                  0,
                  0,
                  s.reason,
                  Optional.empty(),
                  Map.of(),
                  Optional.ofNullable(out)));
        }
      }
    }
    RunStatus status =
        failed ? RunStatus.FAILED : interrupted ? RunStatus.CANCELLED : RunStatus.SUCCEEDED;
    return new RunResult(runId, def.name(), status, start, end, outcomes);
  }

  private static StageOutcome outcome(Execution x) {
    return new StageOutcome(
        x.name,
        x.stage.name(),
        x.status,
        x.attempts,
        x.wallNanos / 1_000_000,
        x.reason,
        x.instance < 0 ? Optional.empty() : Optional.ofNullable(x.item),
        x.metrics(),
        x.status.hasOutput() ? Optional.ofNullable(x.output) : Optional.empty(),
        x.status == StageStatus.FAILED ? Optional.ofNullable(x.inputError) : Optional.empty());
  }

  // ---------------------------------------------------------------- scheduling (under lock)

  /** A stage whose upstream stages are all final: decide whether it runs. */
  private void becomeReady(StageRun s) {
    // when every upstream stage has an output the verdict is RUNS: no need to read statuses
    UpstreamVerdict verdict =
        s.upstreamWithoutOutput == 0 ? UpstreamVerdict.RUNS : UpstreamVerdict.of(s.spec, statusOf);
    if (!verdict.runs()) {
      finishWithoutRunning(s, verdict.status(), verdict.reason(), null);
    } else if (cancelReason != null) {
      finishWithoutRunning(s, StageStatus.CANCELLED, cancelReason, null);
    } else if (s.isFanOut()) {
      ready.add(new Expansion(s));
    } else {
      s.single = new Execution(this, s, -1, null);
      ready.add(s.single);
    }
  }

  private void finishWithoutRunning(StageRun s, StageStatus status, String reason, Object output) {
    s.status = status;
    s.reason = reason;
    s.output = output;
    worklist.add(s);
  }

  /** Propagates every finished stage on the worklist to its dependents. */
  private void drainWorklist() {
    StageRun s;
    while ((s = worklist.poll()) != null) {
      stagesLeft--;
      if (listeners.length > 0 && s.single == null && s.instances == null) {
        report(StageExecution.notRun(s.name(), s.status, s.reason));
      }
      for (int d : s.downstream) {
        StageRun ds = stages[d];
        if (!s.status.hasOutput()) {
          ds.upstreamWithoutOutput++;
        }
        if (--ds.pending == 0) {
          becomeReady(ds);
        }
      }
    }
    if (stagesLeft == 0) {
      done.countDown();
    }
  }

  /** The most critical ready task that fits, reserved; null when none fits. */
  private Task pollStartable() {
    Task head = ready.peek();
    if (head == null) {
      return null;
    }
    Task pick = null;
    if (free.fits(head.resources())) {
      pick = ready.poll();
    } else {
      for (Task t : ready) {
        if (free.fits(t.resources()) && (pick == null || Task.ORDER.compare(t, pick) < 0)) {
          pick = t;
        }
      }
      if (pick == null) {
        return null;
      }
      ready.remove(pick);
    }
    free.reserve(pick.resources());
    if (pick instanceof Execution x) {
      x.taken = true;
    }
    return pick;
  }

  private void spawnWorkers() {
    while (activeWorkers < options.maxThreads()) {
      Task t = pollStartable();
      if (t == null) {
        return;
      }
      activeWorkers++;
      pool.execute(() -> work(t));
    }
  }

  /** An execution reached its final state: record it, finish its stage, fail fast if asked. */
  private void executionFinished(Execution x) {
    x.finished = true;
    if (listeners.length > 0) {
      report(execution(x));
    }
    StageRun s = x.stage;
    if (x.instance < 0) {
      s.status = x.status;
      s.reason = x.reason;
      s.output = x.status.hasOutput() ? x.output : null;
      worklist.add(s);
    } else {
      s.instanceOutputs[x.instance] = x.output;
      if (--s.instancesLeft == 0) {
        StageStatus agg = StageStatus.SUCCEEDED;
        for (Execution i : s.instances) {
          if (i.status == StageStatus.FAILED) {
            agg = StageStatus.FAILED;
            s.reason = "instance " + i.name + " failed: " + i.reason;
            break;
          }
          if (i.status == StageStatus.CANCELLED) {
            agg = StageStatus.CANCELLED;
            s.reason = i.reason;
          }
        }
        s.status = agg;
        s.output =
            agg == StageStatus.SUCCEEDED
                ? Collections.unmodifiableList(Arrays.asList(s.instanceOutputs))
                : null;
        worklist.add(s);
      }
    }
    if (x.status == StageStatus.FAILED && options.failFast() && cancelReason == null) {
      failFast(x.name);
    }
    drainWorklist();
  }

  /** {@code failed} failed under --fail-fast: cancels everything running or waiting. */
  private void failFast(String failed) {
    cancelReason = CancelReason.failFast(failed);
    cancelAll(cancelReason);
  }

  /** Executions taken by a worker and not yet final; scans the run, for the rare cancel path. */
  private List<Execution> running() {
    List<Execution> all = new ArrayList<>();
    for (StageRun s : stages) {
      if (s.single != null && s.single.taken && !s.single.finished) {
        all.add(s.single);
      }
      if (s.instances != null) {
        for (Execution x : s.instances) {
          if (x.taken && !x.finished) {
            all.add(x);
          }
        }
      }
    }
    return all;
  }

  /** Cancels running executions and everything waiting to start. */
  private void cancelAll(String reason) {
    for (Execution x : running()) {
      x.cancelled = true;
      stopWithoutThread(x, StageStatus.CANCELLED, reason);
      executionFinished(x);
      x.interrupt();
    }
    Task t;
    while ((t = ready.poll()) != null) {
      if (t instanceof Execution x) {
        x.status = StageStatus.CANCELLED;
        x.reason = reason;
        executionFinished(x);
      } else {
        finishWithoutRunning(t.stage, StageStatus.CANCELLED, reason, null);
      }
    }
    drainWorklist();
  }

  /**
   * Ends an execution whose thread is still in the body (timeout, cancel); measures it from
   * outside.
   */
  private void stopWithoutThread(Execution x, StageStatus status, String reason) {
    x.status = status;
    x.reason = reason;
    x.end = options.clock().instant();
    if (x.startNanos != 0) {
      x.wallNanos = System.nanoTime() - x.startNanos;
    }
    if (x.startNanos != 0 && meter) {
      x.cpuNanos = Math.max(0, ThreadMeter.cpuNanos(x.threadId) - x.cpuStart);
      x.allocatedBytes = Math.max(0, ThreadMeter.allocatedBytes(x.threadId) - x.allocStart);
    }
  }

  // ---------------------------------------------------------------- workers

  private void work(Task first) {
    Task t = first;
    while (t != null) {
      try {
        t = t instanceof Expansion e ? expand(e) : execute((Execution) t);
      } catch (Throwable unexpected) {
        LOG.error("engine error while running {}", t.stage.name(), unexpected);
        t = null;
      }
    }
  }

  /** Decides a fan-out stage's items and queues one execution per item. */
  private Task expand(Expansion e) {
    StageRun s = e.stage;
    StageStatus status = null;
    String reason = "";
    List<?> items = null;
    try {
      String skip = conditionSkipReason(s);
      if (skip != null) {
        status = StageStatus.SKIPPED;
        reason = skip;
      } else {
        items = FanOutItems.of(s.spec.fanOut().orElseThrow(), params.values(), outputOf);
      }
    } catch (Throwable t) {
      status = StageStatus.FAILED;
      reason =
          t instanceof ConditionNullException || t instanceof FanOutException
              ? t.getMessage()
              : Failures.reason(t);
    }
    Task next;
    synchronized (lock) {
      if (status != null) {
        finishWithoutRunning(s, status, reason, null);
        if (status == StageStatus.FAILED && options.failFast() && cancelReason == null) {
          failFast(s.name());
        }
      } else if (cancelReason != null) {
        finishWithoutRunning(s, StageStatus.CANCELLED, cancelReason, null);
      } else if (items.isEmpty()) {
        finishWithoutRunning(s, StageStatus.SUCCEEDED, "no items", List.of());
      } else {
        List<Execution> instances = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
          Execution x = new Execution(this, s, i, items.get(i));
          instances.add(x);
          ready.add(x);
        }
        s.instances = instances;
        s.instanceOutputs = new Object[items.size()];
        s.instancesLeft = items.size();
      }
      drainWorklist();
      next = nextOrRetire();
    }
    return next;
  }

  /** The task this worker takes next, or null when it retires; starts more workers if work fits. */
  private Task nextOrRetire() {
    Task next = pollStartable();
    if (next == null) {
      activeWorkers--;
    }
    spawnWorkers();
    return next;
  }

  /** Runs one execution to its end, then returns the next task this thread should take. */
  private Task execute(Execution x) {
    Thread self = Thread.currentThread();
    x.bindThread(self);
    x.start = options.clock().instant();
    if (meter) {
      x.cpuStart = ThreadMeter.cpuNanos(x.threadId);
      x.allocStart = ThreadMeter.allocatedBytes(x.threadId);
    }
    x.startNanos = System.nanoTime();
    StageStatus status;
    String reason = "";
    String inputError = null;
    Object output = null;
    try {
      // a fan-out stage's condition was decided once, before its instances were created
      String skip = x.instance < 0 ? conditionSkipReason(x.stage) : null;
      if (skip != null) {
        status = StageStatus.SKIPPED;
        reason = skip;
      } else {
        CallResult result = x.stage.invocation.invoke(x);
        status = result.status();
        reason = result.reason();
        output = result.output();
      }
    } catch (ConditionNullException e) {
      status = StageStatus.FAILED;
      reason = e.getMessage();
    } catch (Throwable t) {
      status = StageStatus.FAILED;
      reason = Failures.reason(t);
      UserInputException badInput = Failures.userInput(t);
      inputError = badInput == null ? null : badInput.getMessage();
    }
    x.unbindThread();
    long wall = System.nanoTime() - x.startNanos;
    long cpu = meter ? ThreadMeter.cpuNanos(x.threadId) - x.cpuStart : 0;
    long alloc = meter ? ThreadMeter.allocatedBytes(x.threadId) - x.allocStart : 0;
    Thread.interrupted(); // an interrupt meant for the body must not reach the next task
    Task next;
    synchronized (lock) {
      free.release(x.resources());
      if (!x.finished) {
        x.status = status;
        x.reason = reason;
        x.inputError = inputError;
        x.output = output;
        x.end = options.clock().instant();
        if (status == StageStatus.SKIPPED) {
          x.start = null; // skipped by its condition: it never started
          wall = 0;
        }
        x.wallNanos = wall;
        x.cpuNanos = Math.max(0, cpu);
        x.allocatedBytes = Math.max(0, alloc);
        executionFinished(x);
      }
      next = nextOrRetire();
    }
    return next;
  }

  /** Null when the stage has no condition or it holds; otherwise why the stage is skipped. */
  private String conditionSkipReason(StageRun s) {
    if (s.spec.condition().isEmpty()) {
      return null;
    }
    Condition c = s.spec.condition().get();
    EngineConditionScope scope = new EngineConditionScope(c, params.values(), outputOf);
    return c.predicate().test(scope) ? null : scope.falseReason();
  }

  /** Reports the start of an attempt to the listeners. */
  void attemptStarted(Execution x, int attempt) {
    if (listeners.length == 0) {
      return;
    }
    Instant at = attempt == 1 ? x.start : options.clock().instant();
    for (RunListener l : listeners) {
      notify(() -> l.stageStarted(runId, x.name, attempt, at));
    }
  }

  /** What determines an execution's output, for the output store. */
  StageKey key(Execution x) {
    StageSpec spec = x.stage.spec;
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (InputSpec in : spec.inputs()) {
      StageRun up = stage(in.stage());
      if (up.status.hasOutput()) {
        inputs.put(in.stage(), up.output);
      }
    }
    Map<String, Object> used = new LinkedHashMap<>();
    for (String p : spec.paramsUsed()) {
      used.put(p, params.values().get(p));
    }
    return new StageKey(
        runId,
        def.name(),
        spec.name(),
        x.name,
        spec.version(),
        spec.outputType(),
        inputs,
        used,
        x.instance < 0 ? Optional.empty() : Optional.ofNullable(x.item));
  }

  /** Fails and interrupts the attempt when it runs past {@code timeout}. */
  ScheduledFuture<?> scheduleTimeout(Execution x, int attempt, Duration timeout) {
    ScheduledExecutorService t = timer;
    if (t == null) {
      synchronized (lock) {
        if (timer == null) {
          ScheduledThreadPoolExecutor s =
              new ScheduledThreadPoolExecutor(
                  1,
                  r -> {
                    Thread th = new Thread(r, "stagecraft-" + def.name() + "-timeouts");
                    th.setDaemon(true);
                    return th;
                  });
          s.setRemoveOnCancelPolicy(true);
          timer = s;
        }
        t = timer;
      }
    }
    return t.schedule(() -> timedOut(x, attempt, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void timedOut(Execution x, int attempt, Duration timeout) {
    synchronized (lock) {
      if (x.finished || x.attempts != attempt) {
        return;
      }
      x.cancelled = true;
      stopWithoutThread(
          x,
          StageStatus.FAILED,
          "timed out after " + timeout + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
      executionFinished(x);
      spawnWorkers();
    }
    x.interrupt();
  }

  // ---------------------------------------------------------------- listeners

  /**
   * Reports a final state to the listeners. Called under the lock, so a stage's end is reported
   * before any of its dependents starts; listeners are quick by contract.
   */
  private void report(StageExecution e) {
    for (RunListener l : listeners) {
      notify(() -> l.stageFinished(runId, e));
    }
  }

  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a run listener failed: {}", Failures.reason(e), e);
    }
  }

  private StageExecution execution(Execution x) {
    StageExecution.Builder e =
        StageExecution.builder(x.name, x.stage.name())
            .status(x.status)
            .attempts(x.attempts)
            .start(x.start)
            .end(x.end)
            .wallMs(x.wallNanos / 1_000_000)
            .cpuNanos(x.cpuNanos)
            .allocatedBytes(x.allocatedBytes)
            .metrics(x.metrics())
            .reason(x.reason);
    if (x.instance >= 0) {
      e.index(x.instance).item(ItemLabel.of(x.item));
    }
    return e.build();
  }
}
