package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.Comparator;

/**
 * A unit the scheduler starts when it is ready and fits: a stage execution or a fan-out expansion.
 */
abstract class Task {
  /**
   * Most critical first, then declaration order, then instance order ({@link SchedulingPolicy}).
   */
  static final Comparator<Task> ORDER =
      (a, b) ->
          SchedulingPolicy.compare(
              a.stage.rank, a.stage.index, a.instance, b.stage.rank, b.stage.index, b.instance);

  final StageRun stage;

  /** The fan-out index, -1 for a plain stage or an expansion. */
  final int instance;

  Task(StageRun stage, int instance) {
    this.stage = stage;
    this.instance = instance;
  }

  /** What the task reserves while it runs. */
  abstract ResourceRequest resources();
}
