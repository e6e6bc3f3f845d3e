package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.StageSpec;
import java.util.List;

/**
 * One stage's state in a run. Its mutable state is guarded by the run's lock and changes only
 * through the methods below. A stage ends once (status, reason, output), under the lock and before
 * any dependent stage is made ready, so a dependent's worker reads it without the lock; the output
 * is volatile for those reads.
 */
final class StageRun {
  final int index;
  final StageSpec spec;
  final double rank;

  /** The wrapped call into user code, built once per run. */
  final Invocation invocation;

  /** The stages waiting for this one, by index. */
  final int[] downstream;

  /** Why the run's plan excluded the stage; null when it is included. */
  final String exclusion;

  /** The most instances of a fan-out stage that run at once. */
  private final int instanceBound;

  /** Instances holding their reservation (taken by a worker, body not yet left). */
  private int instancesRunning;

  /** Upstream stages not yet final. */
  private int pending;

  /** Upstream stages that ended without an output (anything but SUCCEEDED or CACHED). */
  private int upstreamWithoutOutput;

  private StageStatus status = StageStatus.PENDING;

  /** Why the stage ended as it did; often empty when it has an output. */
  private String reason = "";

  /** The output, or for a fan-out stage the list of instance outputs in item order. */
  private volatile Object output;

  /** The execution of a plain stage, once ready. */
  private Execution single;

  /** The instances of an expanded fan-out stage, in item order. */
  private List<Execution> instances;

  /** How each instance ended, in item order; an entry is null until that instance ends. */
  private CallResult[] instanceResults;

  private int instancesLeft;

  StageRun(
      int index,
      StageSpec spec,
      double rank,
      Invocation invocation,
      int upstreamCount,
      int[] downstream,
      String exclusion) {
    this.index = index;
    this.spec = spec;
    this.rank = rank;
    this.invocation = invocation;
    this.pending = upstreamCount;
    this.downstream = downstream;
    this.exclusion = exclusion;
    this.instanceBound =
        spec.fanOut().isPresent() ? spec.parallelism().orElse(Integer.MAX_VALUE) : 1;
  }

  /** Whether another fan-out instance may start now ({@link StageSpec#parallelism()} bounds it). */
  boolean instanceMayStart() {
    return instancesRunning < instanceBound;
  }

  /** A fan-out instance took its reservation. */
  void instanceStarted() {
    instancesRunning++;
  }

  /** A fan-out instance released its reservation. */
  void instanceReleased() {
    instancesRunning--;
  }

  boolean isFanOut() {
    return spec.fanOut().isPresent();
  }

  String name() {
    return spec.name();
  }

  StageStatus status() {
    return status;
  }

  String reason() {
    return reason;
  }

  Object output() {
    return output;
  }

  /** The execution of a plain stage; null until it is ready, or when it never ran. */
  Execution single() {
    return single;
  }

  /** The instances of a fan-out stage; null unless it expanded into at least one. */
  List<Execution> instances() {
    return instances;
  }

  /** Whether the stage ended without any execution (reported as not run). */
  boolean endedWithoutExecutions() {
    return single == null && instances == null;
  }

  /** Whether every upstream stage is final. */
  boolean upstreamFinal() {
    return pending == 0;
  }

  /**
   * One upstream stage ended with {@code upstreamStatus}; returns whether the stage is now ready
   * (that was the last one, and the stage was not excluded: an excluded stage ended at the start).
   */
  boolean upstreamFinished(StageStatus upstreamStatus) {
    if (!upstreamStatus.hasOutput()) {
      upstreamWithoutOutput++;
    }
    return --pending == 0 && exclusion == null;
  }

  /**
   * Whether every upstream stage that ended so far has an output; once all are final, nothing
   * upstream keeps the stage from running (see {@link UpstreamVerdict#of}).
   */
  boolean everyUpstreamHasOutput() {
    return upstreamWithoutOutput == 0;
  }

  /** The plain stage runs as this execution. */
  void schedule(Execution execution) {
    single = execution;
  }

  /** The fan-out stage runs one execution per item, in item order (at least one). */
  void expand(List<Execution> executions) {
    instances = executions;
    instanceResults = new CallResult[executions.size()];
    instancesLeft = executions.size();
  }

  /** Ends the stage without executing it (skipped, upstream failed, cancelled, bad fan-out). */
  void endWithoutRunning(StageStatus finalStatus, String why) {
    end(finalStatus, why, null);
  }

  /**
   * The stage ended elsewhere (a {@link Slice}'s upstream stage): its status, reason and output
   * (for a fan-out stage, the list of its instances' outputs).
   */
  void settle(StageStatus finalStatus, String why, Object out) {
    end(finalStatus, why, finalStatus.hasOutput() ? out : null);
  }

  /** Ends a fan-out stage that has no items: it succeeds with an empty list. */
  void endWithoutItems() {
    end(FanOutResult.NO_ITEMS);
  }

  /**
   * One of the stage's executions ended: the plain stage's ({@code instance < 0}), which ends the
   * stage, or a fan-out instance, which ends it when it is the last (see {@link FanOutResult}).
   * Returns whether the stage is now final.
   */
  boolean executionFinished(int instance, CallResult result) {
    if (instance < 0) {
      StageStatus s = result.status();
      end(s, result.reason(), s.hasOutput() ? result.output() : null);
      return true;
    }
    instanceResults[instance] = result;
    if (--instancesLeft > 0) {
      return false;
    }
    end(FanOutResult.of(name(), instanceResults));
    return true;
  }

  private void end(FanOutResult result) {
    end(result.status(), result.reason(), result.output());
  }

  private void end(StageStatus finalStatus, String why, Object out) {
    status = finalStatus;
    reason = why;
    output = out;
  }
}
