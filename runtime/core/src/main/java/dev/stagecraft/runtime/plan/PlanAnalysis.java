package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.ScheduleSimulator;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.optimize.CostModel;
import dev.stagecraft.runtime.plan.optimize.Prices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a plan's structure says: the included stages by level, how many of each level the capacity
 * runs at once, the critical path, the predicted times (the engine's own policy simulated on the
 * predicted durations, {@link ScheduleSimulator}) and cost, and the complexity metrics. The graph
 * it reads is the included stages and the edges between them: an excluded stage ends at the start,
 * so nothing waits for it.
 *
 * @param instances each included stage's instances as predicted: a fan-out stage's items when the
 *     plan knows them, else as many as its latest run had, else 1; 1 for a plain stage
 */
record PlanAnalysis(
    List<List<String>> parallelGroups,
    Map<String, Integer> maxParallel,
    List<String> criticalPath,
    PipelinePrediction predicted,
    PlanMetrics metrics,
    Map<String, Integer> instances) {

  static PlanAnalysis of(
      PipelineDefinition def,
      List<StagePlan> plans,
      Map<String, Object> params,
      ResourceRequest capacity,
      Prices prices) {
    Graph g = new Graph(def, plans, params);
    List<List<String>> groups = g.levels();
    Map<String, Integer> maxParallel = new LinkedHashMap<>();
    for (List<String> group : groups) {
      maxParallel.put(String.join(",", group), g.maxParallel(group, capacity));
    }
    double[] finish = g.finishTimes();
    List<String> critical = g.criticalPath(finish);
    double criticalSeconds = 0;
    for (double f : finish) {
      criticalSeconds = Math.max(criticalSeconds, f);
    }
    Map<String, Integer> instances = new LinkedHashMap<>();
    List<CostModel.Work> work = new ArrayList<>();
    for (int i = 0; i < g.stages.size(); i++) {
      StagePlan p = g.stages.get(i);
      instances.put(p.name(), g.instances[i]);
      work.add(
          new CostModel.Work(p.resources(), g.instanceSeconds(i), p.predicted().outputBytes(), 0));
    }
    PipelinePrediction predicted =
        new PipelinePrediction(
            makespan(def, plans, g, capacity),
            criticalSeconds,
            g.reservedCoreSeconds() / cores(capacity),
            CostModel.of(work, prices));
    return new PlanAnalysis(
        groups, maxParallel, critical, predicted, metrics(def, plans), instances);
  }

  /**
   * The engine's policy on the predicted durations ({@link ScheduleSimulator}), with the expected
   * durations a run of the plan is given; empty when a stage can never fit.
   */
  private static OptionalDouble makespan(
      PipelineDefinition def, List<StagePlan> plans, Graph g, ResourceRequest capacity) {
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    for (int i = 0; i < g.stages.size(); i++) {
      if (!g.stages.get(i).resources().fitsIn(capacity)) {
        return OptionalDouble.empty();
      }
      seconds.put(g.stages.get(i).name(), g.instanceSeconds(i));
    }
    return OptionalDouble.of(
        ScheduleSimulator.simulate(
                PlannedRun.definition(def, plans),
                seconds,
                PlannedRun.expectedDurations(plans),
                capacity,
                RunOptions.DEFAULT_MAX_THREADS,
                ScheduleSimulator.Order.ENGINE)
            .makespanSeconds());
  }

  private static double cores(ResourceRequest capacity) {
    return Math.max(capacity.milliCpu(), 1) / 1000.0;
  }

  private static PlanMetrics metrics(PipelineDefinition def, List<StagePlan> plans) {
    int n = def.stages().size();
    Map<String, Integer> down = new LinkedHashMap<>();
    int edges = 0;
    boolean chain = true;
    int conditional = 0;
    for (StageSpec s : def.stages()) {
      List<String> up = s.upstream();
      edges += up.size();
      chain &= up.size() <= 1 && s.fanOut().isEmpty();
      for (String u : up) {
        chain &= down.merge(u, 1, Integer::sum) <= 1;
      }
      conditional += s.condition().isPresent() ? 1 : 0;
    }
    chain &= n <= 1 || edges == n - 1;
    double density = n > 1 ? edges / ((double) n * (n - 1)) : 0;
    double mean = 0;
    for (StagePlan p : plans) {
      mean += p.resources().milliCpu() / 1000.0;
    }
    mean = n == 0 ? 0 : mean / n;
    double variance = 0;
    for (StagePlan p : plans) {
      double d = p.resources().milliCpu() / 1000.0 - mean;
      variance += d * d;
    }
    double variability = 1 + (n == 0 ? 0 : Math.sqrt(variance / n));
    int branches = 1 + conditional;
    return new PlanMetrics(
        n * density * branches * variability,
        n,
        density,
        branches,
        variability,
        chain ? PlanMetrics.Shape.LINEAR : PlanMetrics.Shape.DAG);
  }

  /** The included stages as index arrays, with their durations, instances and reservations. */
  private static final class Graph {
    final List<StagePlan> stages = new ArrayList<>();
    final int[][] up;
    final int[][] down;
    final double[] duration;
    final int[] instances;

    Graph(PipelineDefinition def, List<StagePlan> plans, Map<String, Object> params) {
      Map<String, Integer> index = new LinkedHashMap<>();
      List<StageSpec> specs = new ArrayList<>();
      for (int i = 0; i < plans.size(); i++) {
        if (plans.get(i).included()) {
          index.put(plans.get(i).name(), stages.size());
          stages.add(plans.get(i));
          specs.add(def.stages().get(i));
        }
      }
      int n = stages.size();
      up = new int[n][];
      duration = new double[n];
      instances = new int[n];
      int[] outDegree = new int[n];
      for (int i = 0; i < n; i++) {
        up[i] =
            specs.get(i).upstream().stream()
                .filter(index::containsKey)
                .mapToInt(index::get)
                .toArray();
        for (int u : up[i]) {
          outDegree[u]++;
        }
        duration[i] = stages.get(i).predicted().durationSeconds();
        instances[i] = instances(specs.get(i), stages.get(i).predicted(), params);
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

    /**
     * A fan-out stage's instances: known before the run (items, a list parameter), else as many as
     * its latest run had, else 1.
     */
    private static int instances(StageSpec s, Prediction predicted, Map<String, Object> params) {
      if (s.fanOut().isEmpty()) {
        return 1;
      }
      FanOut f = s.fanOut().get();
      if (f instanceof FanOut.Items items) {
        return items.items().size();
      }
      if (f instanceof FanOut.FromParam from && params.get(from.param()) instanceof List<?> list) {
        return list.size();
      }
      return Math.max(1, predicted.instanceSeconds().size());
    }

    /** How long each instance of stage {@code i} is predicted to run. */
    List<Double> instanceSeconds(int i) {
      Prediction p = stages.get(i).predicted();
      if (!stages.get(i).fanOut()) {
        return List.of(p.durationSeconds());
      }
      List<Double> seconds = new ArrayList<>(instances[i]);
      for (int k = 0; k < instances[i]; k++) {
        seconds.add(p.instanceSeconds(k));
      }
      return seconds;
    }

    /** Stages by level: a stage's level is one more than its deepest upstream stage's. */
    List<List<String>> levels() {
      int n = stages.size();
      int[] level = new int[n];
      int deepest = -1;
      for (int i : topologicalOrder()) {
        for (int u : up[i]) {
          level[i] = Math.max(level[i], level[u] + 1);
        }
        deepest = Math.max(deepest, level[i]);
      }
      List<List<String>> groups = new ArrayList<>();
      for (int l = 0; l <= deepest; l++) {
        groups.add(new ArrayList<>());
      }
      for (int i = 0; i < n; i++) {
        groups.get(level[i]).add(stages.get(i).name());
      }
      return groups;
    }

    /** min(size, floor(capacity / largest request)) over cpu, memory and, when asked, GPUs. */
    int maxParallel(List<String> group, ResourceRequest capacity) {
      long cpu = 0;
      long memory = 0;
      int gpu = 0;
      for (StagePlan p : stages) {
        if (group.contains(p.name())) {
          cpu = Math.max(cpu, p.resources().milliCpu());
          memory = Math.max(memory, p.resources().memoryBytes());
          gpu = Math.max(gpu, p.resources().gpu());
        }
      }
      long most = group.size();
      if (cpu > 0) {
        most = Math.min(most, capacity.milliCpu() / cpu);
      }
      if (memory > 0) {
        most = Math.min(most, capacity.memoryBytes() / memory);
      }
      if (gpu > 0) {
        most = Math.min(most, capacity.gpu() / gpu);
      }
      return (int) most;
    }

    /** When each stage ends if every stage starts as soon as its upstream stages end. */
    double[] finishTimes() {
      double[] finish = new double[stages.size()];
      for (int i : topologicalOrder()) {
        double start = 0;
        for (int u : up[i]) {
          start = Math.max(start, finish[u]);
        }
        finish[i] = start + (instances[i] == 0 ? 0 : duration[i]);
      }
      return finish;
    }

    /** The longest path by predicted durations; ties go to the stage declared first. */
    List<String> criticalPath(double[] finish) {
      int last = -1;
      for (int i = 0; i < finish.length; i++) {
        if (last < 0 || finish[i] > finish[last]) {
          last = i;
        }
      }
      List<String> path = new ArrayList<>();
      for (int i = last; i >= 0; ) {
        path.add(0, stages.get(i).name());
        int previous = -1;
        for (int u : up[i]) {
          if (previous < 0
              || finish[u] > finish[previous]
              || finish[u] == finish[previous] && u < previous) {
            previous = u;
          }
        }
        i = previous;
      }
      return path;
    }

    /** The core-seconds the included instances reserve over their predicted durations. */
    double reservedCoreSeconds() {
      double total = 0;
      for (int i = 0; i < stages.size(); i++) {
        double cores = stages.get(i).resources().milliCpu() / 1000.0;
        for (double seconds : instanceSeconds(i)) {
          total += seconds * cores;
        }
      }
      return total;
    }

    /** The included stages in an order where every stage comes after its upstream stages. */
    List<Integer> topologicalOrder() {
      int n = stages.size();
      int[] pending = new int[n];
      List<Integer> order = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        pending[i] = up[i].length;
        if (pending[i] == 0) {
          order.add(i);
        }
      }
      for (int k = 0; k < order.size(); k++) {
        for (int d : down[order.get(k)]) {
          if (--pending[d] == 0) {
            order.add(d);
          }
        }
      }
      return order;
    }
  }
}
