package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages of a run's pipeline and the edges between them, as the report draws them: from the
 * pipeline's definition when it is on the class path, else from the recorded executions alone (then
 * without edges).
 *
 * @param edgesKnown whether the edges come from the definition
 */
public record StageGraph(List<Node> nodes, boolean edgesKnown) {
  public StageGraph {
    nodes = List.copyOf(nodes);
  }

  /**
   * One stage.
   *
   * @param type the stage type's name ({@code TRAINING}), empty when unknown
   * @param upstream the stages that must finish first, in order
   * @param condition the {@code @When} source text, empty for none
   * @param fanOut whether it is a {@code @ForEach} stage
   */
  public record Node(
      String name, String type, List<String> upstream, String condition, boolean fanOut) {
    public Node {
      upstream = List.copyOf(upstream);
    }
  }

  /** The definition's stages in declaration order, plus recorded stages it no longer has. */
  public static StageGraph of(PipelineDefinition definition, List<StageExecution> executions) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (StageSpec s : definition.stages()) {
      nodes.put(
          s.name(),
          new Node(
              s.name(),
              s.type().name(),
              s.upstream(),
              s.condition().map(c -> c.source()).orElse(""),
              s.fanOut().isPresent()));
    }
    addRecorded(nodes, executions);
    return new StageGraph(new ArrayList<>(nodes.values()), true);
  }

  /** The recorded stages in the order they were first seen, without edges. */
  public static StageGraph fromExecutions(List<StageExecution> executions) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    addRecorded(nodes, executions);
    return new StageGraph(new ArrayList<>(nodes.values()), false);
  }

  private static void addRecorded(Map<String, Node> nodes, List<StageExecution> executions) {
    for (StageExecution e : executions) {
      Node known = nodes.get(e.stage());
      if (known == null) {
        nodes.put(e.stage(), new Node(e.stage(), "", List.of(), "", e.index().isPresent()));
      } else if (!known.fanOut() && e.index().isPresent()) {
        nodes.put(
            e.stage(),
            new Node(known.name(), known.type(), known.upstream(), known.condition(), true));
      }
    }
  }
}
