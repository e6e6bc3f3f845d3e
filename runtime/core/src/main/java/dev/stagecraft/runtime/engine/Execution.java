package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageCall;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a stage (or of one fan-out instance): what its body receives, and how it ended.
 * The result fields are written once, under the run's lock, when {@link #finished} is set.
 */
final class Execution extends Task implements StageCall {
  final RunExecution run;
  final String name;
  final Object item;

  /** Set under the run's lock when a worker takes it (reserving its resources). */
  boolean taken;

  /** Set under the run's lock; once true the result below is final. */
  volatile boolean finished;

  /** Set when the run asks the stage to stop (timeout, fail-fast). */
  volatile boolean cancelled;

  volatile int attempts;

  /** The thread running the body; interrupts are sent only under {@code synchronized (this)}. */
  private Thread thread;

  volatile long threadId;

  StageStatus status = StageStatus.PENDING;
  String reason = "";

  /** The message of the {@code UserInputException} the execution failed with, else null. */
  String inputError;

  Object output;

  /** Written by the executing thread, read by a timeout or cancel from another. */
  volatile Instant start;

  Instant end;
  volatile long startNanos;
  long wallNanos;
  volatile long cpuStart;
  volatile long allocStart;
  long cpuNanos;
  long allocatedBytes;

  private ExecutionContext context;

  Execution(RunExecution run, StageRun stage, int instance, Object item) {
    super(stage, instance);
    this.run = run;
    this.item = item;
    this.name = instance < 0 ? stage.name() : stage.name() + "[" + instance + "]";
  }

  @Override
  ResourceRequest resources() {
    return stage.spec.resources();
  }

  synchronized void bindThread(Thread t) {
    thread = t;
    threadId = t.getId();
  }

  synchronized void unbindThread() {
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
    return (T) run.stage(producer).output;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<T> optionalInput(String producer) {
    StageRun s = run.stage(producer);
    return s.status.hasOutput() ? Optional.ofNullable((T) s.output) : Optional.empty();
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
