package dev.stagecraft.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DagLayoutTest {
  private static StageGraph.Node node(String name, String... upstream) {
    return new StageGraph.Node(name, "GENERIC", List.of(upstream), "", false);
  }

  private static Map<String, DagLayout.Placed> byName(DagLayout.Layout layout) {
    return layout.nodes().stream()
        .collect(Collectors.toMap(p -> p.node().name(), Function.identity()));
  }

  @Test
  void aStagesColumnIsItsLongestPathFromASource() {
    StageGraph graph =
        new StageGraph(
            List.of(node("a"), node("b", "a"), node("c", "b"), node("d", "a", "c"), node("lonely")),
            true);
    Map<String, DagLayout.Placed> p = byName(DagLayout.layout(graph, n -> 40));
    assertEquals(0, p.get("a").layer());
    assertEquals(1, p.get("b").layer());
    assertEquals(2, p.get("c").layer());
    assertEquals(3, p.get("d").layer(), "d waits for the longer path a -> b -> c");
    assertEquals(0, p.get("lonely").layer());
    assertTrue(p.get("a").x() < p.get("b").x() && p.get("c").x() < p.get("d").x());
  }

  @Test
  void edgesFollowTheUpstreamStagesAndIgnoreUnknownOnes() {
    StageGraph graph = new StageGraph(List.of(node("a"), node("b", "a", "gone")), true);
    DagLayout.Layout layout = DagLayout.layout(graph, n -> 40);
    assertEquals(1, layout.edges().size());
    assertEquals("a", layout.edges().get(0).from().node().name());
    assertEquals("b", layout.edges().get(0).to().node().name());
  }

  @Test
  void fiftyStagesGetTheirOwnSpaceInsideTheDrawing() {
    Random random = new Random(42);
    List<StageGraph.Node> nodes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      List<String> up = new ArrayList<>();
      for (int j = Math.max(0, i - 6); j < i; j++) {
        if (random.nextInt(4) == 0) {
          up.add("s" + j);
        }
      }
      nodes.add(node("s" + i, up.toArray(String[]::new)));
    }
    DagLayout.Layout layout =
        DagLayout.layout(new StageGraph(nodes, true), n -> 40 + n.name().length() * 9);
    assertEquals(50, layout.nodes().size());
    for (DagLayout.Placed a : layout.nodes()) {
      assertTrue(a.x() >= 0 && a.y() >= 0, a.toString());
      assertTrue(
          a.x() + a.width() <= layout.width() && a.y() + a.height() <= layout.height(),
          a.toString());
      for (DagLayout.Placed b : layout.nodes()) {
        if (a != b) {
          boolean apart =
              a.x() + a.width() <= b.x()
                  || b.x() + b.width() <= a.x()
                  || a.y() + a.height() <= b.y()
                  || b.y() + b.height() <= a.y();
          assertTrue(apart, a.node().name() + " overlaps " + b.node().name());
        }
      }
    }
    for (DagLayout.Edge e : layout.edges()) {
      assertTrue(e.from().layer() < e.to().layer(), "edges point to the right");
    }
  }

  @Test
  void aShortPipelineReadsAcrossALongChainReadsDown() {
    List<StageGraph.Node> chain = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      chain.add(i == 0 ? node("s0") : node("s" + i, "s" + (i - 1)));
    }
    DagLayout.Layout down = DagLayout.layout(new StageGraph(chain, true), n -> 46);
    assertTrue(down.vertical());
    assertTrue(down.width() < 300, "one stage wide: " + down.width());
    DagLayout.Placed first = byName(down).get("s0");
    DagLayout.Placed second = byName(down).get("s1");
    assertTrue(second.y() >= first.y() + first.height(), "each layer below the one before");

    DagLayout.Layout across = DagLayout.layout(new StageGraph(chain.subList(0, 4), true), n -> 46);
    assertFalse(across.vertical());
    assertTrue(across.width() <= DagLayout.PAGE_WIDTH);
  }

  @Test
  void aCycleInAHandMadeGraphDoesNotHang() {
    StageGraph graph = new StageGraph(List.of(node("a", "b"), node("b", "a")), true);
    assertEquals(2, DagLayout.layout(graph, n -> 40).nodes().size());
  }

  @Test
  void anEmptyGraphIsAnEmptyDrawing() {
    DagLayout.Layout layout = DagLayout.layout(new StageGraph(List.of(), false), n -> 40);
    assertTrue(layout.nodes().isEmpty());
    assertFalse(layout.width() <= 0);
  }
}
