package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
import java.util.function.Predicate;
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
 * attempts with backoff, timeouts); the scheduling around it never touches user code. The decisions
 * are plain functions elsewhere ({@link UpstreamVerdict}, {@link FanOutItems}, {@link
 * FanOutResult}, {@link Outcomes}); a stage's and an execution's state change through the named
 * methods of {@link StageRun} and {@link Execution}, under the run's lock.
 */
final class RunExecution {
  private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

  /** How long a cancelled run waits for its stages to leave their bodies before it returns. */
  static final Duration STOP_WAIT = Duration.ofSeconds(10);

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

  private final RunScratch scratch;

  /** The secret values the run's stages read, hidden in everything the run reports. */
  private final SecretMask secrets = new SecretMask();

  /** A stage's status by name, for the upstream verdict. */
  private final Function<String, StageStatus> statusOf = name -> stage(name).status();

  /** A stage's output by name, for conditions and fan-out items. */
  private final Function<String, Object> outputOf = name -> stage(name).output();

  private final Object lock = new Object();
  private final PriorityQueue<Task> ready = new PriorityQueue<>(Task.ORDER);
  private final Predicate<Task> startable = this::canStart;
  private final ArrayDeque<StageRun> worklist = new ArrayDeque<>();

  /** What is free when the run has a capacity of its own; null when it shares a pool. */
  private final Capacity free;

  /** The run's place in a shared pool; null when it has a capacity of its own. */
  private final SharedCapacity.Member member;

  private int activeWorkers;
  private int stagesLeft;

  /** Null until the run cancels what is left (fail-fast, or the caller interrupted it): why. */
  private String cancelReason;

  private final CountDownLatch done = new CountDownLatch(1);

  private final ExecutorService pool;
  private volatile ScheduledExecutorService timer;

  /** The one execution this process makes of a run that runs elsewhere; null for a whole run. */
  private final Slice slice;

  RunExecution(PipelineDefinition def, ResolvedParams params, RunOptions options, String runId) {
    this(def, params, options, runId, null);
  }

  RunExecution(
      PipelineDefinition def,
      ResolvedParams params,
      RunOptions options,
      String runId,
      Slice slice) {
    this.slice = slice;
    this.def = def;
    this.params = params;
    this.options = options;
    this.runId = runId;
    this.listeners = options.listeners().toArray(new RunListener[0]);
    this.meter = listeners.length > 0;
    RunOptions.Share share = slice == null ? options.share().orElse(null) : null;
    this.free = share == null ? new Capacity(options.capacity()) : null;
    this.scratch = new RunScratch(options.scratchRoot(), runId);
    List<StageSpec> specs = def.stages();
    GraphIndex graph = new GraphIndex(specs);
    this.indexByName = graph.index;
    double[] ranks = CriticalPath.ranks(specs, graph, options.expectedDurations());
    this.stages = new StageRun[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      StageSpec spec = specs.get(i);
      stages[i] =
          new StageRun(
              i,
              spec,
              ranks[i],
              Invocation.chain(this, spec, options, slice),
              graph.up[i].length,
              graph.down[i],
              options.exclusions().get(spec.name()));
    }
    this.stagesLeft = stages.length;
    AtomicInteger threadCount = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t =
              new Thread(r, "stagecraft-" + def.name() + "-" + threadCount.incrementAndGet());
          t.setDaemon(true);
          options.classLoader().ifPresent(t::setContextClassLoader);
          return t;
        };
    this.pool =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    // last: from here on the pool's thread may call back into this run
    this.member =
        share == null ? null : share.pool().join(share.tenant(), share.priority(), this::woken);
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

  RunScratch scratch() {
    return scratch;
  }

  /** The run's tenant, on a pipeline server. */
  Optional<RunTenancy> tenancy() {
    return options.tenancy();
  }

  /** What hides the secret values the run's stages read. */
  SecretMask secrets() {
    return secrets;
  }

  Clock clock() {
    return options.clock();
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
            options.resume().map(RunOptions.Resume::runId),
            Optional.of(def));
    for (RunListener l : listeners) {
      notify(() -> l.runStarted(info));
    }
    synchronized (lock) {
      // excluded stages end first, decided by the plan rather than by their upstream stages
      for (StageRun s : stages) {
        if (s.exclusion != null) {
          endWithoutRunning(s, StageStatus.SKIPPED, s.exclusion);
        }
      }
      for (StageRun s : stages) {
        if (s.exclusion == null && s.upstreamFinal()) {
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
    if (interrupted) {
      awaitStagesStopped();
    }
    if (member != null) {
      member.leave();
    }
    ScheduledExecutorService t = timer;
    if (t != null) {
      t.shutdownNow();
    }
    Instant end = options.clock().instant();
    RunResult result = result(start, end, interrupted);
    scratch.finish(result.status());
    for (RunListener l : listeners) {
      notify(() -> l.runFinished(runId, result.status(), end));
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  /**
   * The slice's one execution (see {@link Slice}): settles the upstream stages as given, decides
   * the stage from them, its condition and (for a fan-out stage) its items, then makes its one
   * attempt on this thread. The listeners hear only of this stage.
   */
  RunResult runSlice() {
    // the slice runs its stage on this thread: with the run's context class loader, as a pool
    // thread would
    Thread self = Thread.currentThread();
    ClassLoader previous = self.getContextClassLoader();
    options.classLoader().ifPresent(self::setContextClassLoader);
    try {
      return sliceOnThisThread();
    } finally {
      self.setContextClassLoader(previous);
    }
  }

  private RunResult sliceOnThisThread() {
    Instant start = options.clock().instant();
    SliceDecision d = decideSlice(false);
    StageOutcome outcome;
    if (d.execution() != null) {
      outcome = executeAlone(d.execution());
    } else {
      synchronized (lock) {
        if (listeners.length > 0) {
          report(StageExecution.notRun(d.stage().name(), d.status(), d.reason()));
        }
      }
      outcome = Outcomes.notRun(d.stage().name(), d.status(), d.reason(), d.stage().output());
    }
    ScheduledExecutorService t = timer;
    if (t != null) {
      t.shutdownNow();
    }
    pool.shutdown();
    return new RunResult(
        runId,
        def.name(),
        Outcomes.runStatus(outcome.status() == StageStatus.FAILED, false),
        start,
        options.clock().instant(),
        List.of(outcome));
  }

  /**
   * How the slice's stage ends without running (its upstream stages, condition or items decide it),
   * or empty when its execution would run; nothing runs and nothing is reported.
   */
  Optional<StageOutcome> sliceVerdict() {
    SliceDecision d = decideSlice(true);
    pool.shutdown();
    return d.execution() != null
        ? Optional.empty()
        : Optional.of(
            Outcomes.notRun(d.stage().name(), d.status(), d.reason(), d.stage().output()));
  }

  /** The slice's stage ended with this status and reason, or runs as {@code execution}. */
  private record SliceDecision(
      StageRun stage, Execution execution, StageStatus status, String reason) {}

  /**
   * Settles the upstream stages as given, then decides the slice's stage: its upstream verdict, its
   * condition, and for a fan-out stage its items (none: it succeeds as a whole) and the instance at
   * the slice's index; with {@code verdictOnly}, a fan-out stage with items and no index would run
   * (as its first instance).
   */
  private SliceDecision decideSlice(boolean verdictOnly) {
    for (Map.Entry<String, Slice.Upstream> e : slice.upstream().entrySet()) {
      Slice.Upstream up = e.getValue();
      stage(e.getKey()).settle(up.status(), up.reason(), up.output());
    }
    StageRun s = stage(slice.stage());
    UpstreamVerdict verdict = UpstreamVerdict.of(s.spec, statusOf);
    if (!verdict.runs()) {
      return ended(s, verdict.status(), verdict.reason());
    }
    List<?> items;
    try {
      String skip = conditionSkipReason(s);
      if (skip != null) {
        return ended(s, StageStatus.SKIPPED, skip);
      }
      if (!s.isFanOut()) {
        return new SliceDecision(s, new Execution(this, s, -1, null), null, null);
      }
      items = FanOutItems.of(s.spec.fanOut().orElseThrow(), params.values(), outputOf);
    } catch (ConditionNullException | FanOutException e) {
      return ended(s, StageStatus.FAILED, e.getMessage());
    }
    if (slice.index().isEmpty()) {
      if (!items.isEmpty() && verdictOnly) {
        return new SliceDecision(s, new Execution(this, s, 0, items.get(0)), null, null);
      }
      if (!items.isEmpty()) {
        return ended(
            s,
            StageStatus.FAILED,
            "fan-out stage '" + s.name() + "' has " + items.size() + " items: run each instance");
      }
      synchronized (lock) {
        s.endWithoutItems();
      }
      return new SliceDecision(s, null, s.status(), s.reason());
    }
    int index = slice.index().get();
    if (index < 0 || index >= items.size()) {
      return ended(
          s,
          StageStatus.FAILED,
          "fan-out stage '"
              + s.name()
              + "' has no item "
              + index
              + " (it has "
              + items.size()
              + ")");
    }
    return new SliceDecision(s, new Execution(this, s, index, items.get(index)), null, null);
  }

  private SliceDecision ended(StageRun s, StageStatus status, String reason) {
    synchronized (lock) {
      s.endWithoutRunning(status, reason);
    }
    return new SliceDecision(s, null, status, reason);
  }

  /** Runs one execution of a slice on this thread, and reports its end. */
  private StageOutcome executeAlone(Execution x) {
    synchronized (lock) {
      x.take();
    }
    x.begin(Thread.currentThread(), options.clock().instant(), meter);
    CallResult result = invokeBody(x);
    x.leaveBody();
    long wall = x.wallNanosSoFar();
    long cpu = x.cpuNanosSoFar(meter);
    long allocated = x.allocatedBytesSoFar(meter);
    Thread.interrupted(); // an interrupt meant for the body (a timeout) ends here
    synchronized (lock) {
      if (!x.isFinished()) {
        x.finish(result, options.clock().instant(), wall, cpu, allocated);
        executionFinished(x);
      }
      return x.outcome();
    }
  }

  /**
   * After a cancel: waits up to {@link #STOP_WAIT} for the interrupted stage bodies to return, so
   * that nothing of the run is still working when it reports its end.
   */
  private void awaitStagesStopped() {
    try {
      if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "run {}: a cancelled stage did not stop within {} s; the run ends without it",
            runId,
            STOP_WAIT.toSeconds());
      }
    } catch (InterruptedException again) {
      Thread.currentThread().interrupt(); // interrupted twice: stop waiting (restored by run())
    }
  }

  private RunResult result(Instant start, Instant end, boolean interrupted) {
    List<StageOutcome> outcomes = new ArrayList<>();
    boolean failed = false;
    synchronized (lock) {
      for (StageRun s : stages) {
        failed |= s.status() == StageStatus.FAILED;
        Execution single = s.single();
        if (s.instances() != null) {
          for (Execution x : s.instances()) {
            outcomes.add(x.outcome());
          }
        } else if (single != null && single.isFinished()) {
          outcomes.add(single.outcome());
        } else {
          outcomes.add(Outcomes.notRun(s.name(), s.status(), s.reason(), s.output()));
        }
      }
    }
    return new RunResult(
        runId, def.name(), Outcomes.runStatus(failed, interrupted), start, end, outcomes);
  }

  // ---------------------------------------------------------------- scheduling (under lock)

  /** A stage whose upstream stages are all final: decide whether it runs. */
  private void becomeReady(StageRun s) {
    // when every upstream stage has an output the verdict is RUNS: no need to read statuses
    UpstreamVerdict verdict =
        s.everyUpstreamHasOutput() ? UpstreamVerdict.RUNS : UpstreamVerdict.of(s.spec, statusOf);
    if (!verdict.runs()) {
      endWithoutRunning(s, verdict.status(), verdict.reason());
    } else if (cancelReason != null) {
      endWithoutRunning(s, StageStatus.CANCELLED, cancelReason);
    } else if (s.isFanOut()) {
      ready.add(new Expansion(s));
    } else {
      Execution x = new Execution(this, s, -1, null);
      s.schedule(x);
      ready.add(x);
    }
  }

  /** Ends a stage without executing it; its dependents hear of it when the worklist drains. */
  private void endWithoutRunning(StageRun s, StageStatus status, String reason) {
    s.endWithoutRunning(status, reason);
    worklist.add(s);
  }

  /** Propagates every finished stage on the worklist to its dependents. */
  private void drainWorklist() {
    StageRun s;
    while ((s = worklist.poll()) != null) {
      stagesLeft--;
      if (listeners.length > 0 && s.endedWithoutExecutions()) {
        report(StageExecution.notRun(s.name(), s.status(), s.reason()));
      }
      for (int d : s.downstream) {
        StageRun ds = stages[d];
        if (ds.upstreamFinished(s.status())) {
          becomeReady(ds);
        }
      }
    }
    if (stagesLeft == 0) {
      done.countDown();
    }
  }

  /**
   * The most critical ready task that fits (and, for a fan-out instance, is within its stage's
   * parallelism), reserved; null when none can start.
   */
  private Task pollStartable() {
    Task pick;
    if (member == null) {
      pick = SchedulingPolicy.pollStartable(ready, startable);
      if (pick == null) {
        return null;
      }
      free.reserve(pick.resources());
    } else {
      pick = pollShared();
      if (pick == null) {
        return null;
      }
    }
    if (pick instanceof Execution x) {
      x.take();
      if (x.instance >= 0) {
        x.stage.instanceStarted();
      }
    }
    return pick;
  }

  /**
   * {@link #pollStartable} with a shared pool: the decision and the reservation are one step under
   * the pool's lock. An expansion reserves nothing and starts whenever a worker may.
   */
  private Task pollShared() {
    synchronized (member.lock()) {
      Task pick = SchedulingPolicy.pollStartable(ready, startable);
      if (pick instanceof Execution x) {
        x.reservation = member.reserve(x.resources());
      }
      return pick;
    }
  }

  private boolean canStart(Task t) {
    if (t.instance >= 0 && !t.stage.instanceMayStart()) {
      return false;
    }
    if (member == null) {
      return free.fits(t.resources());
    }
    return t instanceof Expansion || member.allows(t.resources());
  }

  /**
   * Tells the shared pool what ready work waits for capacity: the resources of each ready task that
   * could start but for capacity (none when every worker thread is taken).
   */
  private void publishDemand() {
    List<ResourceRequest> demand = new ArrayList<>();
    if (activeWorkers < options.maxThreads()) {
      for (Task t : ready) {
        if (t.instance < 0 || t.stage.instanceMayStart()) {
          ResourceRequest r = t.resources();
          if (!demand.contains(r)) {
            demand.add(r);
          }
        }
      }
    }
    member.waiting(demand);
  }

  /** On the pool's thread: capacity was freed; starts what may start now. */
  private void woken() {
    synchronized (lock) {
      spawnWorkers();
    }
  }

  private void spawnWorkers() {
    while (activeWorkers < options.maxThreads()) {
      Task t = pollStartable();
      if (t == null) {
        break;
      }
      activeWorkers++;
      pool.execute(() -> work(t));
    }
    if (member != null) {
      publishDemand();
    }
  }

  /** An execution reached its final state: report it, finish its stage, fail fast if asked. */
  private void executionFinished(Execution x) {
    if (listeners.length > 0) {
      report(x.history());
    }
    if (slice != null) {
      return; // the rest of the run goes on elsewhere
    }
    CallResult result = x.result();
    if (x.stage.executionFinished(x.instance, result)) {
      worklist.add(x.stage);
    }
    if (result.status() == StageStatus.FAILED && options.failFast() && cancelReason == null) {
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
      Execution single = s.single();
      if (single != null && single.isRunning()) {
        all.add(single);
      }
      if (s.instances() != null) {
        for (Execution x : s.instances()) {
          if (x.isRunning()) {
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
      x.stop(CallResult.cancelled(reason), options.clock().instant(), meter);
      executionFinished(x);
      x.interrupt();
    }
    Task t;
    while ((t = ready.poll()) != null) {
      if (t instanceof Execution x) {
        x.cancelUnstarted(reason);
        executionFinished(x);
      } else {
        endWithoutRunning(t.stage, StageStatus.CANCELLED, reason);
      }
    }
    drainWorklist();
    if (member != null) {
      publishDemand(); // nothing waits any more
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
        endWithoutRunning(s, status, reason);
        if (status == StageStatus.FAILED && options.failFast() && cancelReason == null) {
          failFast(s.name());
        }
      } else if (cancelReason != null) {
        endWithoutRunning(s, StageStatus.CANCELLED, cancelReason);
      } else if (items.isEmpty()) {
        s.endWithoutItems();
        worklist.add(s);
      } else {
        List<Execution> instances = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
          Execution x = new Execution(this, s, i, items.get(i));
          instances.add(x);
          ready.add(x);
        }
        s.expand(instances);
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
    x.begin(Thread.currentThread(), options.clock().instant(), meter);
    CallResult result = invokeBody(x);
    x.leaveBody();
    long wall = x.wallNanosSoFar();
    long cpu = x.cpuNanosSoFar(meter);
    long allocated = x.allocatedBytesSoFar(meter);
    Thread.interrupted(); // an interrupt meant for the body must not reach the next task
    Task next;
    synchronized (lock) {
      if (member == null) {
        free.release(x.resources());
      } else {
        member.release(x.reservation);
      }
      if (x.instance >= 0) {
        x.stage.instanceReleased();
      }
      if (!x.isFinished()) {
        x.finish(result, options.clock().instant(), wall, cpu, allocated);
        executionFinished(x);
      }
      next = nextOrRetire();
    }
    return next;
  }

  /**
   * The execution's condition (a fan-out stage's was decided once, before its instances were
   * created), then its layers and body; how it ended, failures included.
   */
  private CallResult invokeBody(Execution x) {
    try {
      String skip = x.instance < 0 ? conditionSkipReason(x.stage) : null;
      return skip != null ? CallResult.skipped(skip) : x.stage.invocation.invoke(x);
    } catch (ConditionNullException e) {
      return CallResult.failed(e.getMessage());
    } catch (Throwable t) {
      UserInputException badInput = Failures.userInput(t);
      return CallResult.failed(Failures.reason(t), badInput == null ? null : badInput.getMessage());
    }
  }

  /** Null when the stage has no condition or it holds; otherwise why the stage is skipped. */
  private String conditionSkipReason(StageRun s) {
    if (s.spec.condition().isEmpty()) {
      return null;
    }
    Condition c = s.spec.condition().get();
    EngineConditionScope scope =
        new EngineConditionScope(c, params.values(), outputOf, options.profile());
    return c.predicate().test(scope) ? null : scope.falseReason();
  }

  /** Reports the start of an attempt to the listeners. */
  void attemptStarted(Execution x, int attempt) {
    if (listeners.length == 0) {
      return;
    }
    Instant at = x.attemptStart();
    for (RunListener l : listeners) {
      notify(() -> l.stageStarted(runId, x.name, attempt, at));
    }
  }

  /**
   * The current attempt of {@code x} failed with {@code error} (null for a timeout): records it on
   * the execution, logs it (with the stack trace) in the stage's log and reports it; {@code
   * retryIn} is the wait before the next attempt, empty when there is none.
   */
  void attemptFailed(Execution x, String reason, Throwable error, Optional<Duration> retryIn) {
    Instant now = options.clock().instant();
    int attempt = x.attempts();
    Instant began = x.attemptStart() == null ? now : x.attemptStart();
    FailedAttempt failed = new FailedAttempt(attempt, began, now, secrets.apply(reason));
    x.attemptFailed(failed);
    x.log().add(attempt, now, "ERROR", "attempt " + attempt + " failed: " + reason, error);
    for (RunListener l : listeners) {
      notify(() -> l.attemptFailed(runId, x.name, failed, retryIn));
    }
  }

  /** A stage logged a line: reports it to the listeners. */
  void stageLogged(Execution x, LogLine line) {
    LogLine masked = secrets.apply(line);
    for (RunListener l : listeners) {
      notify(() -> l.stageLogged(runId, x.name, masked));
    }
  }

  /** {@code StageContext.ensureRecorded()}: asks the output store, when the run has one. */
  void ensureRecorded() {
    options.outputStore().ifPresent(s -> s.ensureRecorded(runId));
  }

  /**
   * Forwards a running stage's progress message to the listeners, on the stage's thread and without
   * the run's lock; ignored once the execution is final (a body still running after its timeout).
   */
  void progressReported(Execution x, String message) {
    if (listeners.length == 0 || x.isFinished()) {
      return;
    }
    Instant at = options.clock().instant();
    String masked = secrets.apply(message);
    for (RunListener l : listeners) {
      notify(() -> l.stageProgress(runId, x.name, masked, at));
    }
  }

  /** What determines an execution's output, for the output store. */
  StageKey key(Execution x) {
    StageSpec spec = x.stage.spec;
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (InputSpec in : spec.inputs()) {
      StageRun up = stage(in.stage());
      if (up.status().hasOutput()) {
        inputs.put(in.stage(), up.output());
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
        x.instance < 0 ? Optional.empty() : Optional.ofNullable(x.item),
        spec.optimizations());
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
      if (x.isFinished() || x.attempts() != attempt) {
        return;
      }
      String reason =
          "timed out after " + timeout + (attempt > 1 ? " (attempt " + attempt + ")" : "");
      attemptFailed(x, reason, null, Optional.empty());
      x.stop(CallResult.failed(reason), options.clock().instant(), meter);
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
    StageExecution masked = secrets.isEmpty() ? e : e.withReason(secrets.apply(e.reason()));
    for (RunListener l : listeners) {
      notify(() -> l.stageFinished(runId, masked));
    }
  }

  /** Calls a listener; a failure is one warning line (its stack trace at DEBUG). */
  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a run listener failed: {}", Failures.reason(e));
      LOG.debug("the run listener's failure", e);
    }
  }
}
