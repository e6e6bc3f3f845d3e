package dev.stagecraft.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a pipeline definition for {@code stagecraft describe}: text, JSON, Mermaid or Graphviz
 * dot.
 */
public final class PipelineFormats {
  static final ObjectMapper JSON = JsonMappers.indented();

  private PipelineFormats() {}

  /** A human-readable summary: parameters, then stages in declaration order. */
  public static String text(PipelineDefinition def) {
    StringBuilder b = new StringBuilder();
    b.append("pipeline ").append(def.name());
    if (!def.description().isEmpty()) {
      b.append(": ").append(def.description());
    }
    b.append('\n');
    b.append("parameters:");
    if (def.params().isEmpty()) {
      b.append(" none");
    }
    b.append('\n');
    for (ParamSpec p : def.params()) {
      b.append("  ").append(paramLine(p)).append('\n');
    }
    b.append("stages:\n");
    for (StageSpec s : def.stages()) {
      b.append("  ")
          .append(s.name())
          .append(" [")
          .append(s.type())
          .append("] -> ")
          .append(s.outputType());
      if (!s.description().isEmpty()) {
        b.append(" - ").append(s.description());
      }
      b.append('\n');
      List<String> facts = new ArrayList<>();
      if (!s.upstream().isEmpty()) {
        facts.add("after " + String.join(", ", s.upstream()));
      }
      s.condition().ifPresent(c -> facts.add("when " + c.source()));
      s.fanOut().ifPresent(f -> facts.add("for each " + fanOutText(f)));
      facts.add(s.resources().toString());
      if (s.retry().retries() > 0) {
        facts.add("retries " + s.retry().retries() + " (backoff " + s.retry().backoff() + ")");
      }
      s.timeout().ifPresent(t -> facts.add("timeout " + t));
      if (s.cache()) {
        facts.add("cached (version " + s.version() + ")");
      }
      b.append("    ").append(String.join("; ", facts)).append('\n');
    }
    return b.toString();
  }

  /**
   * One parameter as {@code describe} and {@code run PIPELINE --help} show it: {@code folds (int)
   * default "3", at least 2 - Cross-validation folds}.
   */
  static String paramLine(ParamSpec p) {
    StringBuilder b =
        new StringBuilder(p.name())
            .append(" (")
            .append(p.type().displayName())
            .append(") ")
            .append(p.defaultText().map(d -> "default \"" + d + "\"").orElse("required"));
    p.checks().forEach(c -> b.append(", ").append(c.describe()));
    if (!p.description().isEmpty()) {
      b.append(" - ").append(p.description());
    }
    return b.toString();
  }

  /** The definition as one JSON object. */
  public static String json(PipelineDefinition def) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", def.name());
    root.put("description", def.description());
    ArrayNode params = root.putArray("params");
    for (ParamSpec p : def.params()) {
      ObjectNode n = params.addObject();
      n.put("name", p.name());
      n.put("type", p.type().displayName());
      n.put("required", p.isRequired());
      if (p.defaultText().isPresent()) {
        n.put("default", p.defaultText().get());
      } else {
        n.putNull("default");
      }
      n.put("description", p.description());
      ArrayNode checks = n.putArray("checks");
      p.checks().forEach(c -> checks.add(c.describe()));
    }
    ArrayNode stages = root.putArray("stages");
    for (StageSpec s : def.stages()) {
      ObjectNode n = stages.addObject();
      n.put("name", s.name());
      n.put("type", s.type().name());
      n.put("description", s.description());
      n.put("outputType", s.outputType());
      s.dependsOn().forEach(n.putArray("dependsOn")::add);
      ArrayNode inputs = n.putArray("inputs");
      for (InputSpec in : s.inputs()) {
        inputs.addObject().put("stage", in.stage()).put("optional", in.optional());
      }
      s.params().forEach(n.putArray("params")::add);
      s.upstream().forEach(n.putArray("upstream")::add);
      ObjectNode res = n.putObject("resources");
      res.put("cpu", Quantities.formatCpu(s.resources().milliCpu()));
      res.put("memory", Quantities.formatBytes(s.resources().memoryBytes()));
      res.put("gpu", s.resources().gpu());
      n.put("retries", s.retry().retries());
      n.put("backoff", s.retry().backoff().toString());
      if (s.timeout().isPresent()) {
        n.put("timeout", s.timeout().get().toString());
      } else {
        n.putNull("timeout");
      }
      n.put("cache", s.cache());
      n.put("version", s.version());
      if (s.condition().isPresent()) {
        n.put("when", s.condition().get().source());
      } else {
        n.putNull("when");
      }
      if (s.fanOut().isEmpty()) {
        n.putNull("forEach");
      } else {
        ObjectNode f = n.putObject("forEach");
        FanOut fan = s.fanOut().get();
        if (fan instanceof FanOut.Items items) {
          ArrayNode a = f.putArray("items");
          items.items().forEach(i -> a.add(RunJson.itemNode(i)));
        } else if (fan instanceof FanOut.FromParam p) {
          f.put("param", p.param());
        } else if (fan instanceof FanOut.FromInput in) {
          f.put("input", in.stage());
        }
      }
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Mermaid flowchart: solid arrows for inputs, dotted for ordering-only dependencies. */
  public static String mermaid(PipelineDefinition def) {
    StringBuilder b = new StringBuilder("flowchart TD\n");
    for (StageSpec s : def.stages()) {
      String label =
          s.name()
              + (s.fanOut().isPresent() ? " (for each " + fanOutText(s.fanOut().get()) + ")" : "")
              + s.condition().map(c -> "<br/>when " + c.source()).orElse("");
      b.append("  ")
          .append(s.name())
          .append("[\"")
          .append(label.replace("\"", "#quot;"))
          .append("\"]\n");
    }
    for (StageSpec s : def.stages()) {
      for (String up : s.upstream()) {
        b.append("  ")
            .append(up)
            .append(isDataEdge(s, up) ? " --> " : " -.-> ")
            .append(s.name())
            .append('\n');
      }
    }
    return b.toString();
  }

  /** A Graphviz digraph: solid edges for inputs, dashed for ordering-only dependencies. */
  public static String dot(PipelineDefinition def) {
    StringBuilder b = new StringBuilder("digraph ").append(quote(def.name())).append(" {\n");
    b.append("  rankdir=LR;\n  node [shape=box];\n");
    for (StageSpec s : def.stages()) {
      String label =
          s.name()
              + (s.fanOut().isPresent() ? "\\n(for each " + fanOutText(s.fanOut().get()) + ")" : "")
              + s.condition().map(c -> "\\nwhen " + c.source()).orElse("");
      b.append("  ").append(quote(s.name())).append(" [label=").append(quote(label)).append("];\n");
    }
    for (StageSpec s : def.stages()) {
      for (String up : s.upstream()) {
        b.append("  ")
            .append(quote(up))
            .append(" -> ")
            .append(quote(s.name()))
            .append(isDataEdge(s, up) ? "" : " [style=dashed]")
            .append(";\n");
      }
    }
    return b.append("}\n").toString();
  }

  private static boolean isDataEdge(StageSpec s, String up) {
    return s.inputs().stream().anyMatch(i -> i.stage().equals(up))
        || s.fanOut()
            .filter(f -> f instanceof FanOut.FromInput in && in.stage().equals(up))
            .isPresent();
  }

  private static String quote(String s) {
    return "\""
        + s.replace("\\n", "\u0000")
            .replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\u0000", "\\n")
        + "\"";
  }

  static String fanOutText(FanOut f) {
    if (f instanceof FanOut.Items items) {
      return items.items().stream()
          .map(String::valueOf)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    if (f instanceof FanOut.FromParam p) {
      return "param " + p.param();
    }
    return "output of " + ((FanOut.FromInput) f).stage();
  }
}
