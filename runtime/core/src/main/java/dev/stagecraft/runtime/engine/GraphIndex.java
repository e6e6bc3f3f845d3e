package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.InvalidPipelineException;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A definition's edges as arrays of stage indices, built once per run without per-edge boxing:
 * {@code up[i]} lists the stages stage {@code i} waits for (as {@link StageSpec#upstream()} does,
 * in the same order), {@code down[i]} the stages waiting for it.
 */
final class GraphIndex {
  final Map<String, Integer> index;
  final int[][] up;
  final int[][] down;

  GraphIndex(List<StageSpec> specs) {
    int n = specs.size();
    index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(specs.get(i).name(), i);
    }
    up = new int[n][];
    int[] outDegree = new int[n];
    Edges edges = new Edges();
    for (int i = 0; i < n; i++) {
      StageSpec s = specs.get(i);
      edges.clear();
      for (String d : s.dependsOn()) {
        edges.add(indexOf(d, s));
      }
      for (InputSpec in : s.inputs()) {
        edges.add(indexOf(in.stage(), s));
      }
      if (s.fanOut().isPresent() && s.fanOut().get() instanceof FanOut.FromInput from) {
        edges.add(indexOf(from.stage(), s));
      }
      if (s.condition().isPresent()) {
        Condition c = s.condition().get();
        for (String st : c.stages()) {
          edges.add(indexOf(st, s));
        }
      }
      up[i] = edges.toArray();
      for (int u : up[i]) {
        outDegree[u]++;
      }
    }
    down = new int[n][];
    for (int i = 0; i < n; i++) {
      down[i] = new int[outDegree[i]];
    }
    int[] filled = new int[n];
    for (int i = 0; i < n; i++) {
      for (int u : up[i]) {
        down[u][filled[u]++] = i;
      }
    }
  }

  private int indexOf(String name, StageSpec of) {
    Integer i = index.get(name);
    if (i == null) {
      throw new InvalidPipelineException(
          "stage '" + of.name() + "' depends on unknown stage '" + name + "'");
    }
    return i;
  }

  /** A reusable list of distinct indices in insertion order (lists are short: a linear check). */
  private static final class Edges {
    private int[] values = new int[8];
    private int size;

    void clear() {
      size = 0;
    }

    void add(int value) {
      for (int k = 0; k < size; k++) {
        if (values[k] == value) {
          return;
        }
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
