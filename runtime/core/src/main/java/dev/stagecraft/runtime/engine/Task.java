package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.Comparator;

/**
 * A unit the scheduler starts when it is ready and fits: a stage execution or a fan-out expansion.
 */
abstract class Task {
  /** Most critical first, then declaration order, then instance order. */
  static final Comparator<Task> ORDER =
      (a, b) -> {
        int c = Double.compare(b.stage.rank, a.stage.rank);
        if (c != 0) {
          return c;
        }
        c = Integer.compare(a.stage.index, b.stage.index);
        return c != 0 ? c : Integer.compare(a.instance, b.instance);
      };

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
