package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.DEPENDENCY_CYCLE;
import static dev.stagecraft.processor.diagnostics.Diagnostic.SELF_DEPENDENCY;
import static dev.stagecraft.processor.diagnostics.Diagnostic.UNKNOWN_STAGE;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.StageModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dependency graph: every reference names a known stage other than its own, and there is no
 * cycle. Each cycle is reported once, as the path of data flow starting at its earliest-declared
 * stage, on that stage's reference that closes the cycle. Linear in stages plus references.
 */
final class DagValidator implements PipelineValidator {
  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    List<StageModel> stages = new ArrayList<>();
    for (String name : graph.stageNames()) {
      stages.add(graph.stage(name).orElseThrow());
    }
    int n = stages.size();
    java.util.Map<StageModel, Integer> order = new java.util.IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      order.put(stages.get(i), i);
    }
    // upstream edges by position in 'stages'
    List<List<Reference>> edges = new ArrayList<>(n);
    for (StageModel s : stages) {
      edges.add(new ArrayList<>());
    }
    for (StageModel s : graph.model().stages()) {
      boolean primary = graph.stage(s.name()).orElse(null) == s;
      Set<String> seen = new HashSet<>();
      for (Reference r : Reference.of(s, graph)) {
        if (r.to().equals(s.name())) {
          report.error(SELF_DEPENDENCY, r.location(), s.name(), r.via());
        } else if (graph.stage(r.to()).isEmpty()) {
          if (!r.via().startsWith("@When")) {
            report.error(
                UNKNOWN_STAGE,
                r.location(),
                s.name(),
                r.verb(),
                r.to(),
                Suggestions.didYouMean(r.to(), graph.stageNames()));
          }
        } else if (primary && seen.add(r.to())) {
          edges.get(order.get(s)).add(r);
        }
      }
    }
    findCycles(stages, order, edges, graph, report);
    return report;
  }

  /** Iterative three-colour depth-first search along upstream edges, roots in declaration order. */
  private static void findCycles(
      List<StageModel> stages,
      java.util.Map<StageModel, Integer> order,
      List<List<Reference>> edges,
      PipelineGraph graph,
      Report report) {
    int n = stages.size();
    byte[] colour = new byte[n]; // 0 white, 1 on the path, 2 done
    int[] next = new int[n];
    int[] path = new int[n];
    int[] onPathAt = new int[n];
    Set<String> reported = new HashSet<>();
    for (int root = 0; root < n; root++) {
      if (colour[root] != 0) {
        continue;
      }
      int depth = 0;
      path[depth++] = root;
      colour[root] = 1;
      onPathAt[root] = 0;
      while (depth > 0) {
        int top = path[depth - 1];
        List<Reference> ups = edges.get(top);
        if (next[top] == ups.size()) {
          colour[top] = 2;
          depth--;
          continue;
        }
        Reference r = ups.get(next[top]++);
        int up = order.get(graph.stage(r.to()).orElseThrow());
        if (colour[up] == 0) {
          colour[up] = 1;
          onPathAt[up] = depth;
          path[depth++] = up;
        } else if (colour[up] == 1) {
          reportCycle(path, onPathAt[up], depth, stages, edges, reported, report);
        }
      }
    }
  }

  private static void reportCycle(
      int[] path,
      int from,
      int depth,
      List<StageModel> stages,
      List<List<Reference>> edges,
      Set<String> reported,
      Report report) {
    // path[from..depth-1]: each depends on the next, the last on path[from]. Data flows backwards.
    List<Integer> flow = new ArrayList<>();
    for (int i = depth - 1; i >= from; i--) {
      flow.add(path[i]);
    }
    int start = 0;
    for (int i = 1; i < flow.size(); i++) {
      if (flow.get(i) < flow.get(start)) {
        start = i;
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= flow.size(); i++) {
      names.add(stages.get(flow.get((start + i) % flow.size())).name());
    }
    String text = String.join(" -> ", names);
    if (!reported.add(text)) {
      return;
    }
    // the first stage depends on the stage before it in the flow: that reference closes the cycle
    int first = flow.get(start);
    String closing = stages.get(flow.get((start - 1 + flow.size()) % flow.size())).name();
    Reference at =
        edges.get(first).stream().filter(r -> r.to().equals(closing)).findFirst().orElseThrow();
    report.error(DEPENDENCY_CYCLE, at.location(), text);
  }
}
