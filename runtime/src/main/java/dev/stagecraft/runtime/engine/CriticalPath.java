package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.StageSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How critical each stage is: the longest path from it to the end of the graph, each stage
 * weighted by its expected duration (1 when unknown).
 */
final class CriticalPath {
  private CriticalPath() {}

  static double[] ranks(List<StageSpec> stages, Map<String, Double> expected) {
    int n = stages.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(stages.get(i).name(), i);
    }
    List<List<Integer>> down = new ArrayList<>(n);
    int[] outDegree = new int[n];
    for (int i = 0; i < n; i++) {
      down.add(new ArrayList<>());
    }
    int[][] up = new int[n][];
    for (int i = 0; i < n; i++) {
      List<String> names = stages.get(i).upstream();
      up[i] = new int[names.size()];
      for (int k = 0; k < names.size(); k++) {
        int u = index.get(names.get(k));
        up[i][k] = u;
        down.get(u).add(i);
        outDegree[u]++;
      }
    }
    double[] rank = new double[n];
    ArrayDeque<Integer> sinksFirst = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (outDegree[i] == 0) {
        sinksFirst.add(i);
      }
    }
    int[] left = outDegree.clone();
    while (!sinksFirst.isEmpty()) {
      int i = sinksFirst.poll();
      double best = 0;
      for (int d : down.get(i)) {
        best = Math.max(best, rank[d]);
      }
      Double w = expected.get(stages.get(i).name());
      rank[i] = (w == null || w.isNaN() || w < 0 ? 1 : w) + best;
      for (int u : up[i]) {
        if (--left[u] == 0) {
          sinksFirst.add(u);
        }
      }
    }
    return rank;
  }
}
