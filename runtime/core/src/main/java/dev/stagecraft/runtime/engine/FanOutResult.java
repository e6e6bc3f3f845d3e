package dev.stagecraft.runtime.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How a fan-out stage ends, from how its instances ended.
 *
 * @param output the instances' outputs in item order when SUCCEEDED, else null
 */
record FanOutResult(StageStatus status, String reason, Object output) {
  /** A fan-out over no items succeeds at once with an empty list. */
  static final FanOutResult NO_ITEMS =
      new FanOutResult(StageStatus.SUCCEEDED, "no items", List.of());

  /**
   * The first failed instance, in item order, fails the stage ({@code instance train[1] failed:
   * ...}); else a cancelled instance cancels it with its reason; else (every instance SUCCEEDED or
   * CACHED) it succeeds with the list of outputs in item order.
   *
   * @param instances how each instance of {@code stage} ended, in item order
   */
  static FanOutResult of(String stage, CallResult[] instances) {
    StageStatus status = StageStatus.SUCCEEDED;
    String reason = "";
    for (int i = 0; i < instances.length; i++) {
      CallResult x = instances[i];
      if (x.status() == StageStatus.FAILED) {
        status = StageStatus.FAILED;
        reason = "instance " + Execution.name(stage, i) + " failed: " + x.reason();
        break;
      }
      if (x.status() == StageStatus.CANCELLED) {
        status = StageStatus.CANCELLED;
        reason = x.reason();
      }
    }
    Object output = status == StageStatus.SUCCEEDED ? outputs(instances) : null;
    return new FanOutResult(status, reason, output);
  }

  private static List<Object> outputs(CallResult[] instances) {
    Object[] outputs = new Object[instances.length];
    for (int i = 0; i < instances.length; i++) {
      outputs[i] = instances[i].output();
    }
    return Collections.unmodifiableList(Arrays.asList(outputs));
  }
}
