package dev.stagecraft.runtime.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks a hand-built graph gets at build time; generated graphs passed them in javac. */
final class GraphChecks {
  private GraphChecks() {}

  static void check(PipelineDefinition def) {
    Map<String, StageSpec> byName = new HashMap<>();
    for (StageSpec s : def.stages()) {
      if (byName.put(s.name(), s) != null) {
        throw new InvalidPipelineException(
            "pipeline '" + def.name() + "' has two stages named '" + s.name() + "'");
      }
    }
    Set<String> params = new HashSet<>();
    for (ParamSpec p : def.params()) {
      if (!params.add(p.name())) {
        throw new InvalidPipelineException(
            "pipeline '" + def.name() + "' declares parameter '" + p.name() + "' twice");
      }
    }
    Map<String, List<String>> upstream = new HashMap<>();
    for (StageSpec s : def.stages()) {
      List<String> ups = s.upstream();
      upstream.put(s.name(), ups);
      for (String up : ups) {
        if (up.equals(s.name())) {
          throw new InvalidPipelineException("stage '" + s.name() + "' depends on itself");
        }
        if (!byName.containsKey(up)) {
          throw new InvalidPipelineException(
              "stage '" + s.name() + "' depends on unknown stage '" + up + "'");
        }
      }
      for (String p : s.paramsUsed()) {
        if (!params.contains(p)) {
          throw new InvalidPipelineException(
              "stage '" + s.name() + "' uses unknown parameter '" + p + "'");
        }
      }
    }
    checkAcyclic(def, upstream);
  }

  /**
   * Iterative three-colour DFS from each stage in declaration order, over each stage's upstream
   * stages computed once.
   */
  private static void checkAcyclic(PipelineDefinition def, Map<String, List<String>> upstream) {
    Map<String, Integer> colour = new HashMap<>(); // absent: white, 1: grey, 2: black
    for (StageSpec root : def.stages()) {
      if (colour.containsKey(root.name())) {
        continue;
      }
      List<String> path = new ArrayList<>();
      List<Integer> next = new ArrayList<>();
      path.add(root.name());
      next.add(0);
      colour.put(root.name(), 1);
      while (!path.isEmpty()) {
        int top = path.size() - 1;
        String name = path.get(top);
        List<String> ups = upstream.get(name);
        int i = next.get(top);
        if (i == ups.size()) {
          colour.put(name, 2);
          path.remove(top);
          next.remove(top);
          continue;
        }
        next.set(top, i + 1);
        String up = ups.get(i);
        Integer c = colour.get(up);
        if (c == null) {
          colour.put(up, 1);
          path.add(up);
          next.add(0);
        } else if (c == 1) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(up), path.size()));
          cycle.add(up);
          java.util.Collections.reverse(cycle);
          throw new InvalidPipelineException("dependency cycle: " + String.join(" -> ", cycle));
        }
      }
    }
  }
}
