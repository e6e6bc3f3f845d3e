package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a stage's upstream stages, all final, decide for it: it runs ({@link #RUNS}, status
 * PENDING), or it ends without running with this status and reason.
 */
record UpstreamVerdict(StageStatus status, String reason) {
  /** The stage runs; a condition, if any, is evaluated when it starts. */
  static final UpstreamVerdict RUNS = new UpstreamVerdict(StageStatus.PENDING, "");

  /** Whether the stage runs. */
  boolean runs() {
    return status == StageStatus.PENDING;
  }

  /**
   * The verdict for {@code spec}, given the final status of each of its upstream stages. In
   * upstream order ({@link StageSpec#upstream()}), the first failed upstream stage makes it
   * UPSTREAM_FAILED; else the first cancelled one makes it CANCELLED; else a skipped required
   * input, fan-out input or stage its condition reads makes it SKIPPED. A skipped {@code Optional}
   * input or plain dependency does not stop it. So a stage whose upstream stages all have an output
   * (SUCCEEDED or CACHED) always runs.
   */
  static UpstreamVerdict of(StageSpec spec, Function<String, StageStatus> statusOf) {
    if (firstUpstream(spec, statusOf, UpstreamVerdict::lacksOutput) != null) {
      String failed = firstUpstream(spec, statusOf, UpstreamVerdict::isFailure);
      if (failed != null) {
        return new UpstreamVerdict(
            StageStatus.UPSTREAM_FAILED,
            "upstream stage '"
                + failed
                + "' "
                + (statusOf.apply(failed) == StageStatus.FAILED
                    ? "failed"
                    : "did not run (upstream failed)"));
      }
      String cancelled = firstUpstream(spec, statusOf, UpstreamVerdict::isCancelled);
      if (cancelled != null) {
        return new UpstreamVerdict(
            StageStatus.CANCELLED, "upstream stage '" + cancelled + "' was cancelled");
      }
    }
    List<InputSpec> inputs = spec.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      InputSpec in = inputs.get(i);
      if (!in.optional() && statusOf.apply(in.stage()) == StageStatus.SKIPPED) {
        return new UpstreamVerdict(StageStatus.SKIPPED, "input '" + in.stage() + "' was skipped");
      }
    }
    if (spec.fanOut().isPresent()
        && spec.fanOut().get() instanceof FanOut.FromInput from
        && statusOf.apply(from.stage()) == StageStatus.SKIPPED) {
      return new UpstreamVerdict(
          StageStatus.SKIPPED, "fan-out input '" + from.stage() + "' was skipped");
    }
    if (spec.condition().isPresent()) {
      Condition c = spec.condition().get();
      List<String> reads = c.stages();
      for (int i = 0; i < reads.size(); i++) {
        if (statusOf.apply(reads.get(i)) == StageStatus.SKIPPED) {
          return new UpstreamVerdict(
              StageStatus.SKIPPED,
              "condition " + c.source() + " reads skipped stage '" + reads.get(i) + "'");
        }
      }
    }
    return RUNS;
  }

  /**
   * The first upstream stage whose status matches, in upstream order: explicit dependencies,
   * inputs, the fan-out's input, then the stages the condition reads (a repeat reads the same
   * status, so visiting it again changes nothing); null when none matches.
   */
  private static String firstUpstream(
      StageSpec spec, Function<String, StageStatus> statusOf, Predicate<StageStatus> match) {
    List<String> dependsOn = spec.dependsOn();
    for (int i = 0; i < dependsOn.size(); i++) {
      if (match.test(statusOf.apply(dependsOn.get(i)))) {
        return dependsOn.get(i);
      }
    }
    List<InputSpec> inputs = spec.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      if (match.test(statusOf.apply(inputs.get(i).stage()))) {
        return inputs.get(i).stage();
      }
    }
    if (spec.fanOut().isPresent()
        && spec.fanOut().get() instanceof FanOut.FromInput from
        && match.test(statusOf.apply(from.stage()))) {
      return from.stage();
    }
    if (spec.condition().isPresent()) {
      List<String> reads = spec.condition().get().stages();
      for (int i = 0; i < reads.size(); i++) {
        if (match.test(statusOf.apply(reads.get(i)))) {
          return reads.get(i);
        }
      }
    }
    return null;
  }

  private static boolean lacksOutput(StageStatus status) {
    return !status.hasOutput();
  }

  private static boolean isFailure(StageStatus status) {
    return status == StageStatus.FAILED || status == StageStatus.UPSTREAM_FAILED;
  }

  private static boolean isCancelled(StageStatus status) {
    return status == StageStatus.CANCELLED;
  }
}
