package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.StageSpec;
import java.util.List;

/** One stage's state in a run; fields after construction are guarded by the run's lock. */
final class StageRun {
  final int index;
  final StageSpec spec;
  final double rank;

  /** The wrapped call into user code, built once per run. */
  Invocation invocation;

  int[] downstream;
  int pending;

  /** Upstream stages that ended without an output (anything but SUCCEEDED or CACHED). */
  int upstreamWithoutOutput;

  StageStatus status = StageStatus.PENDING;

  /** Why the stage ended without running (skipped, upstream failed, cancelled, bad fan-out). */
  String reason = "";

  /** The output, or for a fan-out stage the list of instance outputs in item order. */
  volatile Object output;

  /** The execution of a plain stage, once ready. */
  Execution single;

  /** The instances of an expanded fan-out stage. */
  List<Execution> instances;

  Object[] instanceOutputs;
  int instancesLeft;

  StageRun(int index, StageSpec spec, double rank) {
    this.index = index;
    this.spec = spec;
    this.rank = rank;
  }

  boolean isFanOut() {
    return spec.fanOut().isPresent();
  }

  String name() {
    return spec.name();
  }
}
