package dev.stagecraft.runtime.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A layered layout of a {@link StageGraph}: a stage's layer is the length of the longest path to it
 * from a source, stages in a layer are ordered by the mean position of their upstream stages (two
 * sweeps, to reduce crossings). Layers are columns from left to right when that fits the page (or
 * is no wider than the alternative), else rows from top to bottom, so a long chain reads down the
 * page.
 */
final class DagLayout {
  static final double NODE_WIDTH = 196;
  static final double COLUMN_GAP = 64;
  static final double ROW_GAP = 22;
  static final double MARGIN = 16;

  /** Gap between the stages of one layer drawn as a row. */
  static final double SIDE_GAP = 24;

  /** Gap between layers drawn as rows. */
  static final double LAYER_GAP = 44;

  /** Widest drawing that fits the page without scrolling. */
  static final double PAGE_WIDTH = 1250;

  /** A stage at its place: top-left corner and size. */
  record Placed(StageGraph.Node node, int layer, double x, double y, double width, double height) {
    double centerY() {
      return y + height / 2;
    }
  }

  /** An edge from one placed stage to another. */
  record Edge(Placed from, Placed to) {}

  /**
   * The laid-out graph and the size of the drawing.
   *
   * @param vertical whether layers are rows from top to bottom (else columns from left to right)
   */
  record Layout(
      List<Placed> nodes, List<Edge> edges, double width, double height, boolean vertical) {}

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
    boolean vertical = !columnsFit(columns);
    Placed[] byIndex =
        vertical ? placeInRows(columns, nodes, height) : placeInColumns(columns, nodes, height);
    List<Placed> ordered = List.of(byIndex);
    Map<String, Placed> placed = new LinkedHashMap<>();
    for (Placed p : ordered) {
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
    double width = MARGIN;
    double drawingHeight = MARGIN;
    for (Placed p : ordered) {
      width = Math.max(width, p.x() + p.width() + MARGIN);
      drawingHeight = Math.max(drawingHeight, p.y() + p.height() + MARGIN);
    }
    return new Layout(ordered, edges, width, drawingHeight, vertical);
  }

  /**
   * Whether layers drawn as columns, left to right, fit {@link #PAGE_WIDTH}, or are no wider than
   * layers drawn as rows, top to bottom: long chains read down the page rather than across.
   */
  private static boolean columnsFit(List<List<Integer>> columns) {
    int layers = columns.size();
    double across = 2 * MARGIN + layers * NODE_WIDTH + Math.max(0, layers - 1) * COLUMN_GAP;
    int widest = 0;
    for (List<Integer> c : columns) {
      widest = Math.max(widest, c.size());
    }
    double down = 2 * MARGIN + widest * NODE_WIDTH + Math.max(0, widest - 1) * SIDE_GAP;
    return across <= PAGE_WIDTH || across <= down;
  }

  /** Layers as columns from left to right, each centred vertically. */
  private static Placed[] placeInColumns(
      List<List<Integer>> columns,
      List<StageGraph.Node> nodes,
      ToDoubleFunction<StageGraph.Node> height) {
    int layerCount = columns.size();
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
    return byIndex;
  }

  /** Layers as rows from top to bottom, each centred horizontally. */
  private static Placed[] placeInRows(
      List<List<Integer>> columns,
      List<StageGraph.Node> nodes,
      ToDoubleFunction<StageGraph.Node> height) {
    int widest = 0;
    for (List<Integer> c : columns) {
      widest = Math.max(widest, c.size());
    }
    double fullWidth = widest * NODE_WIDTH + Math.max(0, widest - 1) * SIDE_GAP;
    Placed[] byIndex = new Placed[nodes.size()];
    double y = MARGIN;
    for (int l = 0; l < columns.size(); l++) {
      List<Integer> row = columns.get(l);
      double rowWidth = row.size() * NODE_WIDTH + Math.max(0, row.size() - 1) * SIDE_GAP;
      double x = MARGIN + (fullWidth - rowWidth) / 2;
      double rowHeight = 0;
      for (int i : row) {
        double h = height.applyAsDouble(nodes.get(i));
        byIndex[i] = new Placed(nodes.get(i), l, x, y, NODE_WIDTH, h);
        x += NODE_WIDTH + SIDE_GAP;
        rowHeight = Math.max(rowHeight, h);
      }
      y += rowHeight + LAYER_GAP;
    }
    return byIndex;
  }

  /**
   * The longest path from a source to each node (0 for sources). Upstream names that are not in the
   * graph are ignored; should the edges hold a cycle, its nodes keep the layer reached so far.
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

  private static int visit(
      int i, List<StageGraph.Node> nodes, Map<String, Integer> index, int[] layer, int[] state) {
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
