package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a stage (or of one fan-out instance): what its body receives, and how it ended.
 *
 * <p>Its life: a worker {@link #take takes} it under the run's lock, {@link #begin begins} it on
 * its own thread, and it ends once, under the run's lock: by its own thread ({@link #finish}), from
 * outside while its thread may still be in the body ({@link #stop}: timeout, cancel), or before any
 * worker took it ({@link #cancelUnstarted}). Its result is volatile and written last, so whoever
 * sees it also sees the timing written before it.
 */
final class Execution extends Task implements StageCall {
  final RunExecution run;
  final String name;
  final Object item;

  /** What it reserved from a shared pool; set under the run's lock when a worker takes it. */
  SharedCapacity.Reservation reservation;

  /** Set under the run's lock when a worker takes it (reserving its resources). */
  private boolean taken;

  /** Null until the execution is final; written once under the run's lock. */
  private volatile CallResult result;

  /** Set when the run asks the stage to stop (timeout, fail-fast). */
  private volatile boolean cancelled;

  /** Written by the executing thread, read by its context and by a timeout. */
  private volatile int attempts;

  /** When the current attempt began; written by the executing thread. */
  private volatile Instant attemptStart;

  /** The attempts that failed so far, in order; guarded by {@code this}. */
  private final List<FailedAttempt> failedAttempts = new ArrayList<>();

  /** What the stage logged; created with its context. */
  private StageLog log;

  /** The thread running the body; interrupts are sent only under {@code synchronized (this)}. */
  private Thread thread;

  // Written by the executing thread when it begins; read by a timeout or cancel from another.
  private volatile long threadId;
  private volatile Instant start;
  private volatile long startNanos;
  private volatile long cpuStart;
  private volatile long allocStart;

  // Written under the run's lock when the execution ends, before the result.
  private Instant end;
  private long wallNanos;
  private long cpuNanos;
  private long allocatedBytes;

  private ExecutionContext context;

  Execution(RunExecution run, StageRun stage, int instance, Object item) {
    super(stage, instance);
    this.run = run;
    this.item = item;
    this.name = name(stage.name(), instance);
  }

  /** {@code train}, or {@code train[1]} for instance 1 of a fan-out stage. */
  static String name(String stage, int instance) {
    return instance < 0 ? stage : stage + "[" + instance + "]";
  }

  @Override
  ResourceRequest resources() {
    return stage.spec.resources();
  }

  /** Under the run's lock: a worker took it, its resources reserved. */
  void take() {
    taken = true;
  }

  /** Under the run's lock: whether a worker took it and it is not final yet. */
  boolean isRunning() {
    return taken && result == null;
  }

  boolean isFinished() {
    return result != null;
  }

  boolean isCancelled() {
    return cancelled;
  }

  /** How it ended; null until it is final. */
  CallResult result() {
    return result;
  }

  int attempts() {
    return attempts;
  }

  /** On the executing thread: attempt {@code attempt} (from 1) starts at {@code at}. */
  void startAttempt(int attempt, Instant at) {
    attemptStart = at;
    attempts = attempt;
  }

  /** When the current attempt began. */
  Instant attemptStart() {
    return attemptStart;
  }

  /** Records a failed attempt. */
  synchronized void attemptFailed(FailedAttempt attempt) {
    failedAttempts.add(attempt);
  }

  /** The attempts that failed so far. */
  synchronized List<FailedAttempt> failedAttempts() {
    return List.copyOf(failedAttempts);
  }

  /** What the stage logs goes to the run's listeners through this. */
  synchronized StageLog log() {
    if (log == null) {
      log = new StageLog(line -> run.stageLogged(this, line));
    }
    return log;
  }

  /** When the first attempt started; null before, or when it never started. */
  Instant start() {
    return start;
  }

  /**
   * On the executing thread, before the body: binds the thread (for interrupts) and starts the
   * clocks; CPU time and allocations only when {@code meter}.
   */
  void begin(Thread self, Instant at, boolean meter) {
    bindThread(self);
    start = at;
    if (meter) {
      cpuStart = ThreadMeter.cpuNanos(threadId);
      allocStart = ThreadMeter.allocatedBytes(threadId);
    }
    startNanos = System.nanoTime();
  }

  /** On the executing thread, after the body: interrupts no longer reach it. */
  void leaveBody() {
    unbindThread();
  }

  /** Wall time since it began; 0 when it has not begun. */
  long wallNanosSoFar() {
    long begun = startNanos;
    return begun == 0 ? 0 : System.nanoTime() - begun;
  }

  /** CPU time of its thread since it began; 0 when it has not begun or {@code !meter}. */
  long cpuNanosSoFar(boolean meter) {
    return meter && startNanos != 0 ? Math.max(0, ThreadMeter.cpuNanos(threadId) - cpuStart) : 0;
  }

  /** Bytes its thread allocated since it began; 0 when it has not begun or {@code !meter}. */
  long allocatedBytesSoFar(boolean meter) {
    return meter && startNanos != 0
        ? Math.max(0, ThreadMeter.allocatedBytes(threadId) - allocStart)
        : 0;
  }

  /**
   * Under the run's lock, once, by the thread that ran it: it ended with {@code outcome}, measured
   * by that thread. A SKIPPED execution (its condition was false) never started: no start, no wall
   * time.
   */
  void finish(CallResult outcome, Instant at, long wall, long cpu, long allocated) {
    boolean skipped = outcome.status() == StageStatus.SKIPPED;
    if (skipped) {
      start = null;
    }
    end = at;
    wallNanos = skipped ? 0 : wall;
    cpuNanos = cpu;
    allocatedBytes = allocated;
    result = outcome;
  }

  /**
   * Under the run's lock, once: ends it from outside while its thread may still be in the body
   * (timeout, cancel), measuring it from here, and asks it to stop. The caller interrupts it.
   */
  void stop(CallResult outcome, Instant at, boolean meter) {
    cancelled = true;
    end = at;
    wallNanos = wallNanosSoFar();
    cpuNanos = cpuNanosSoFar(meter);
    allocatedBytes = allocatedBytesSoFar(meter);
    result = outcome;
  }

  /** Under the run's lock, once: cancels it before any worker took it; it never started. */
  void cancelUnstarted(String reason) {
    result = CallResult.cancelled(reason);
  }

  /** Under the run's lock, once final: its outcome for the run's result. */
  StageOutcome outcome() {
    return Outcomes.outcome(
        name,
        stage.name(),
        instance,
        item,
        result,
        attempts,
        wallNanos,
        metrics(),
        failedAttempts());
  }

  /** Under the run's lock, once final: what the listeners record of it. */
  StageExecution history() {
    return Outcomes.history(
        name,
        stage.name(),
        instance,
        item,
        result,
        attempts,
        start,
        end,
        wallNanos,
        cpuNanos,
        allocatedBytes,
        metrics(),
        failedAttempts());
  }

  private synchronized void bindThread(Thread t) {
    thread = t;
    threadId = t.getId();
  }

  private synchronized void unbindThread() {
    thread = null;
  }

  /** Interrupts the body's thread if it is still inside the body. */
  synchronized void interrupt() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T input(String producer) {
    return (T) run.stage(producer).output();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<T> optionalInput(String producer) {
    StageRun s = run.stage(producer);
    return s.status().hasOutput() ? Optional.ofNullable((T) s.output()) : Optional.empty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T param(String paramName) {
    return (T) run.params().get(paramName);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T item() {
    return (T) item;
  }

  @Override
  public synchronized StageContext context() {
    if (context == null) {
      context = new ExecutionContext(this);
    }
    return context;
  }

  /** The metrics recorded so far, empty when the body never asked for its context. */
  synchronized Map<String, Double> metrics() {
    return context == null ? Map.of() : context.metricsSnapshot();
  }
}
