package dev.stagecraft.runtime.export;

import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the tasks of an exported workflow pass on through output parameters, decided from the
 * definition alone so that the export and the stage entrypoint agree: a stage task writes the value
 * of every path into its output that a condition reads, and the indexes of its {@code List} output
 * when a stage fans out over it; the begin task writes the canonical value of every parameter a
 * condition reads and the indexes of every {@code List} parameter a stage fans out over. Items
 * themselves never travel (output parameters live in the Workflow object, about 1 MB in all):
 * indexes do, and a fan-out without items gets {@link #NO_ITEMS}, so that Argo runs it once to
 * record it (Argo would skip a task with an empty list).
 */
public final class StageOutputs {
  /** The one item of a fan-out that has none: its task records it as a whole. */
  public static final String NO_ITEMS = "none";

  private StageOutputs() {}

  /** The paths into {@code stage}'s output that conditions read, by output parameter name. */
  public static Map<String, Condition.StagePath> paths(PipelineDefinition def, String stage) {
    Map<String, Condition.StagePath> paths = new LinkedHashMap<>();
    for (StageSpec s : def.stages()) {
      if (s.condition().isPresent()) {
        for (Condition.StagePath p : s.condition().get().paths()) {
          if (p.stage().equals(stage)) {
            paths.putIfAbsent(ArgoNames.pathParameter(p.path()), p);
          }
        }
      }
    }
    return paths;
  }

  /** Whether a stage fans out over {@code stage}'s output, which then writes its indexes. */
  public static boolean listed(PipelineDefinition def, String stage) {
    for (StageSpec s : def.stages()) {
      if (s.fanOut().isPresent()
          && s.fanOut().get() instanceof FanOut.FromInput from
          && from.stage().equals(stage)) {
        return true;
      }
    }
    return false;
  }

  /** The parameters conditions read, in declaration order. */
  public static List<ParamSpec> conditionParams(PipelineDefinition def) {
    Set<String> read = new LinkedHashSet<>();
    for (StageSpec s : def.stages()) {
      s.condition().ifPresent(c -> read.addAll(c.params()));
    }
    return def.params().stream().filter(p -> read.contains(p.name())).toList();
  }

  /** The {@code List} parameters stages fan out over, in declaration order. */
  public static List<String> fanOutParams(PipelineDefinition def) {
    Set<String> params = new LinkedHashSet<>();
    for (StageSpec s : def.stages()) {
      if (s.fanOut().isPresent() && s.fanOut().get() instanceof FanOut.FromParam from) {
        params.add(from.param());
      }
    }
    return List.copyOf(params);
  }

  /** {@code [0,1,...,n-1]}, or {@code ["none"]} for no items, as a JSON list. */
  public static String indexes(int count) {
    if (count == 0) {
      return "[\"" + NO_ITEMS + "\"]";
    }
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      b.append(i == 0 ? "" : ",").append(i);
    }
    return b.append(']').toString();
  }
}
