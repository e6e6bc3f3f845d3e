package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.DEPENDENCY_CYCLE;
import static dev.stagecraft.processor.diagnostics.Diagnostic.SELF_DEPENDENCY;
import static dev.stagecraft.processor.diagnostics.Diagnostic.UNKNOWN_STAGE;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.StageModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph: every reference names a known stage other than its own, and there is no
 * cycle. Stages that depend on each other form one strongly connected component, reported once, as
 * one cycle: the shortest path of data flow from the component's earliest-declared stage back to
 * it, on that stage's reference that closes the cycle. A single bad reference can close several
 * cycles through one component; it still gives one error, the same on every build. Linear in stages
 * plus references.
 */
final class DagValidator implements PipelineValidator {
  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    List<StageModel> stages = new ArrayList<>();
    for (String name : graph.stageNames()) {
      stages.add(graph.stage(name).orElseThrow());
    }
    Map<StageModel, Integer> order = new IdentityHashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      order.put(stages.get(i), i);
    }
    // upstream edges by position in 'stages', one per distinct upstream stage
    List<List<Reference>> edges = new ArrayList<>();
    for (StageModel s : stages) {
      edges.add(new ArrayList<>());
    }
    for (StageModel s : graph.model().stages()) {
      if (!graph.isPrimary(s)) {
        continue; // a later stage of a duplicated name: only the duplicate is reported
      }
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
        } else if (seen.add(r.to())) {
          edges.get(order.get(s)).add(r);
        }
      }
    }
    int[][] upstream = new int[stages.size()][];
    for (int i = 0; i < stages.size(); i++) {
      upstream[i] =
          edges.get(i).stream()
              .mapToInt(r -> order.get(graph.stage(r.to()).orElseThrow()))
              .toArray();
    }
    for (int[] component : components(upstream)) {
      if (component.length > 1) {
        reportCycle(component, upstream, stages, edges, report);
      }
    }
    return report;
  }

  /**
   * The strongly connected components (Tarjan's algorithm, iterative), each as its stages'
   * positions in ascending order, in order of their earliest stage.
   */
  private static List<int[]> components(int[][] upstream) {
    int n = upstream.length;
    int[] index = new int[n];
    int[] low = new int[n];
    int[] next = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    Deque<Integer> path = new ArrayDeque<>();
    List<int[]> out = new ArrayList<>();
    int counter = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      path.push(root);
      while (!path.isEmpty()) {
        int v = path.peek();
        if (next[v] < upstream[v].length) {
          int w = upstream[v][next[v]++];
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = true;
            path.push(w);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        path.pop();
        if (!path.isEmpty()) {
          low[path.peek()] = Math.min(low[path.peek()], low[v]);
        }
        if (low[v] == index[v]) {
          List<Integer> members = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            members.add(w);
          } while (w != v);
          out.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a[0], b[0]));
    return out;
  }

  /**
   * One cycle of a component: from its earliest stage along the flow of data (to the stages that
   * depend on it), breadth-first in declaration order, back to it.
   */
  private static void reportCycle(
      int[] component,
      int[][] upstream,
      List<StageModel> stages,
      List<List<Reference>> edges,
      Report report) {
    Set<Integer> members = new HashSet<>();
    for (int m : component) {
      members.add(m);
    }
    int start = component[0];
    // downstream within the component, in declaration order
    Map<Integer, List<Integer>> downstream = new java.util.HashMap<>();
    for (int m : component) {
      for (int up : upstream[m]) {
        if (members.contains(up)) {
          downstream.computeIfAbsent(up, k -> new ArrayList<>()).add(m);
        }
      }
    }
    downstream.values().forEach(list -> list.sort(Integer::compare));
    Map<Integer, Integer> cameFrom = new java.util.HashMap<>();
    Deque<Integer> queue = new ArrayDeque<>(List.of(start));
    int last = -1;
    while (!queue.isEmpty() && last < 0) {
      int v = queue.poll();
      for (int w : downstream.getOrDefault(v, List.of())) {
        if (w == start) {
          last = v;
          break;
        }
        if (!cameFrom.containsKey(w)) {
          cameFrom.put(w, v);
          queue.add(w);
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (int v = last; v != start; v = cameFrom.get(v)) {
      names.add(0, stages.get(v).name());
    }
    names.add(0, stages.get(start).name());
    names.add(stages.get(start).name());
    // the first stage depends on the last before it in the flow: that reference closes the cycle
    String closing = stages.get(last).name();
    Reference at =
        edges.get(start).stream().filter(r -> r.to().equals(closing)).findFirst().orElseThrow();
    report.error(DEPENDENCY_CYCLE, at.location(), String.join(" -> ", names));
  }
}
