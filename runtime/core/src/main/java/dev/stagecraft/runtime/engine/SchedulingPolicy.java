package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.StageSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The scheduler's decision of what starts next, shared by a live run ({@code RunExecution}) and the
 * makespan simulation ({@link ScheduleSimulator}), so that a prediction follows the policy a run
 * follows. Ready work is ordered most critical first: the longest remaining path of expected
 * durations ({@link #ranks}), then declaration order, then instance order. The task that starts is
 * the first in that order that can start now (its reservation fits what is free and, for a fan-out
 * instance, its stage is below its parallelism): a later task starts ahead of a head that does not
 * fit, rather than leaving the capacity idle.
 */
public final class SchedulingPolicy {
  private SchedulingPolicy() {}

  /**
   * How critical each stage is: the longest path from it to the end of the graph, each stage
   * weighted by its expected duration ({@code expected}, by stage name, any unit; 1 when absent).
   *
   * @throws dev.stagecraft.runtime.graph.InvalidPipelineException for a cycle or an unknown stage
   */
  public static double[] ranks(List<StageSpec> stages, Map<String, Double> expected) {
    return CriticalPath.ranks(stages, new GraphIndex(stages), expected);
  }

  /**
   * The order of ready work: negative when {@code a} (rank, stage index, instance: -1 for a plain
   * stage or an expansion) starts before {@code b}.
   */
  static int compare(
      double rankA, int stageA, int instanceA, double rankB, int stageB, int instanceB) {
    int c = Double.compare(rankB, rankA);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(stageA, stageB);
    return c != 0 ? c : Integer.compare(instanceA, instanceB);
  }

  /**
   * Removes and returns the first task of {@code ready}, in its comparator's order, that {@code
   * canStart}; null when none can. The head is tried first, so the common case costs one test.
   */
  static <T> T pollStartable(PriorityQueue<T> ready, Predicate<? super T> canStart) {
    T head = ready.peek();
    if (head == null) {
      return null;
    }
    if (canStart.test(head)) {
      return ready.poll();
    }
    Comparator<? super T> order = ready.comparator();
    T pick = null;
    for (T t : ready) {
      if (canStart.test(t) && (pick == null || order.compare(t, pick) < 0)) {
        pick = t;
      }
    }
    if (pick != null) {
      ready.remove(pick);
    }
    return pick;
  }
}
