package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.InvalidPipelineException;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.List;
import java.util.Map;

/**
 * How critical each stage is: the longest path from it to the end of the graph, each stage weighted
 * by its expected duration (1 when unknown).
 */
final class CriticalPath {
  private CriticalPath() {}

  static double[] ranks(List<StageSpec> stages, GraphIndex graph, Map<String, Double> expected) {
    int n = stages.size();
    double[] rank = new double[n];
    int[] left = new int[n];
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      left[i] = graph.down[i].length;
      if (left[i] == 0) {
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      int i = queue[head++];
      double best = 0;
      for (int d : graph.down[i]) {
        best = Math.max(best, rank[d]);
      }
      Double w = expected.isEmpty() ? null : expected.get(stages.get(i).name());
      rank[i] = (w == null || w.isNaN() || w < 0 ? 1 : w) + best;
      for (int u : graph.up[i]) {
        if (--left[u] == 0) {
          queue[tail++] = u;
        }
      }
    }
    if (tail < n) {
      List<String> stuck = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (left[i] > 0) {
          stuck.add(stages.get(i).name());
        }
      }
      throw new InvalidPipelineException(
          "dependency cycle through stages "
              + String.join(", ", stuck)
              + ": build the definition"
              + " with PipelineDefinition.builder(...) to see the cycle");
    }
    return rank;
  }
}
