package dev.stagecraft.runtime.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A left-to-right layered layout of a {@link StageGraph}: a stage's column is the length of the
 * longest path to it from a source, stages in a column are ordered by the mean row of their
 * upstream stages (two sweeps, to reduce crossings), and each column is centred vertically.
 */
final class DagLayout {
  static final double NODE_WIDTH = 196;
  static final double COLUMN_GAP = 64;
  static final double ROW_GAP = 22;
  static final double MARGIN = 16;

  /** A stage at its place: top-left corner and size. */
  record Placed(StageGraph.Node node, int layer, double x, double y, double width, double height) {
    double centerY() {
      return y + height / 2;
    }
  }

  /** An edge from one placed stage to another. */
  record Edge(Placed from, Placed to) {}

  /** The laid-out graph and the size of the drawing. */
  record Layout(List<Placed> nodes, List<Edge> edges, double width, double height) {}

  private DagLayout() {}

  /** Lays the graph out with each node as tall as {@code height} says. */
  static Layout layout(StageGraph graph, ToDoubleFunction<StageGraph.Node> height) {
    List<StageGraph.Node> nodes = graph.nodes();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).name(), i);
    }
    int[] layer = layers(nodes, index);
    int layerCount = 0;
    for (int l : layer) {
      layerCount = Math.max(layerCount, l + 1);
    }
    List<List<Integer>> columns = new ArrayList<>();
    for (int l = 0; l < layerCount; l++) {
      columns.add(new ArrayList<>());
    }
    for (int i = 0; i < nodes.size(); i++) {
      columns.get(layer[i]).add(i); // declaration order first
    }
    double[] row = new double[nodes.size()];
    for (int sweep = 0; sweep < 2; sweep++) {
      for (List<Integer> column : columns) {
        for (int p = 0; p < column.size(); p++) {
          row[column.get(p)] = p;
        }
      }
      for (int l = 1; l < layerCount; l++) {
        List<Integer> column = columns.get(l);
        Map<Integer, Double> key = new HashMap<>();
        for (int i : column) {
          double sum = 0;
          int n = 0;
          for (String up : nodes.get(i).upstream()) {
            Integer u = index.get(up);
            if (u != null) {
              sum += row[u] / Math.max(1, columns.get(layer[u]).size());
              n++;
            }
          }
          key.put(i, n == 0 ? row[i] / Math.max(1, column.size()) : sum / n);
        }
        column.sort(Comparator.comparingDouble((Integer i) -> key.get(i)).thenComparingInt(i -> i));
        for (int p = 0; p < column.size(); p++) {
          row[column.get(p)] = p;
        }
      }
    }
    double[] columnHeight = new double[layerCount];
    double tallest = 0;
    for (int l = 0; l < layerCount; l++) {
      double h = 0;
      for (int i : columns.get(l)) {
        h += height.applyAsDouble(nodes.get(i));
      }
      h += ROW_GAP * Math.max(0, columns.get(l).size() - 1);
      columnHeight[l] = h;
      tallest = Math.max(tallest, h);
    }
    Map<String, Placed> placed = new LinkedHashMap<>();
    Placed[] byIndex = new Placed[nodes.size()];
    for (int l = 0; l < layerCount; l++) {
      double x = MARGIN + l * (NODE_WIDTH + COLUMN_GAP);
      double y = MARGIN + (tallest - columnHeight[l]) / 2;
      for (int i : columns.get(l)) {
        double h = height.applyAsDouble(nodes.get(i));
        byIndex[i] = new Placed(nodes.get(i), l, x, y, NODE_WIDTH, h);
        y += h + ROW_GAP;
      }
    }
    List<Placed> ordered = new ArrayList<>();
    for (Placed p : byIndex) {
      ordered.add(p);
      placed.put(p.node().name(), p);
    }
    List<Edge> edges = new ArrayList<>();
    for (Placed p : ordered) {
      for (String up : p.node().upstream()) {
        Placed from = placed.get(up);
        if (from != null && from != p) {
          edges.add(new Edge(from, p));
        }
      }
    }
    double width = 2 * MARGIN + Math.max(1, layerCount) * NODE_WIDTH + Math.max(0, layerCount - 1) * COLUMN_GAP;
    return new Layout(ordered, edges, width, 2 * MARGIN + tallest);
  }

  /**
   * The longest path from a source to each node (0 for sources). Upstream names that are not in
   * the graph are ignored; should the edges hold a cycle, its nodes keep the layer reached so far.
   */
  private static int[] layers(List<StageGraph.Node> nodes, Map<String, Integer> index) {
    int n = nodes.size();
    int[] layer = new int[n];
    int[] state = new int[n]; // 0 new, 1 visiting, 2 done
    for (int i = 0; i < n; i++) {
      visit(i, nodes, index, layer, state);
    }
    return layer;
  }

  private static int visit(int i, List<StageGraph.Node> nodes, Map<String, Integer> index, int[] layer, int[] state) {
    if (state[i] != 0) {
      return layer[i];
    }
    state[i] = 1;
    int l = 0;
    for (String up : nodes.get(i).upstream()) {
      Integer u = index.get(up);
      if (u != null && u != i && state[u] != 1) {
        l = Math.max(l, visit(u, nodes, index, layer, state) + 1);
      }
    }
    layer[i] = l;
    state[i] = 2;
    return l;
  }
}
