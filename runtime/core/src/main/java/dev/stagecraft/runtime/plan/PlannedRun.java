package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a resolved plan: each stage with the resources, retries, timeout, parallelism and
 * optimizations the plan decided, excluded stages SKIPPED with their reason before anything runs,
 * conditions reading the plan's profile, and the plan's parameter values. An invalid plan does not
 * run.
 *
 * <pre>{@code
 * Plan plan = Planner.plan(definition, request);
 * RunResult result = PlannedRun.run(definition, plan, RunOptions.defaults());
 * }</pre>
 */
public final class PlannedRun {
  private PlannedRun() {}

  /**
   * Runs the plan.
   *
   * @throws InvalidPlanException when the plan has problems
   */
  public static RunResult run(PipelineDefinition def, Plan plan, RunOptions options) {
    if (!plan.valid()) {
      throw new InvalidPlanException(plan);
    }
    return PipelineRunner.execute(definition(def, plan), plan.params(), options(plan, options));
  }

  /** The definition with every stage as the plan decided it; the edges are the same. */
  public static PipelineDefinition definition(PipelineDefinition def, Plan plan) {
    if (!plan.pipeline().equals(def.name())) {
      throw new IllegalArgumentException(
          "the plan of '" + plan.pipeline() + "' is not a plan of '" + def.name() + "'");
    }
    return definition(def, plan.stages());
  }

  /** The definition with every stage as {@code plans} (one per stage, in order) decide it. */
  static PipelineDefinition definition(PipelineDefinition def, List<StagePlan> plans) {
    if (plans.size() != def.stages().size()) {
      throw new IllegalArgumentException(
          plans.size() + " stage plans are not a plan of '" + def.name() + "'");
    }
    List<StageSpec> stages = new ArrayList<>();
    for (int i = 0; i < def.stages().size(); i++) {
      StageSpec s = def.stages().get(i);
      StagePlan p = plans.get(i);
      stages.add(
          s.planned(p.resources(), p.retry(), p.timeout(), p.parallelism(), p.optimizations()));
    }
    return new PipelineDefinition(def.name(), def.description(), def.params(), stages);
  }

  /**
   * The options with the plan's profile (for conditions), exclusions, and its predicted durations
   * as the expected durations that weigh the critical path: the run orders ready stages as the
   * plan's makespan simulation did.
   */
  public static RunOptions options(Plan plan, RunOptions options) {
    Map<String, String> exclusions = new LinkedHashMap<>();
    for (StagePlan p : plan.stages()) {
      if (!p.included()) {
        exclusions.put(p.name(), p.reason());
      }
    }
    return options
        .withProfile(plan.profile().facts())
        .withExclusions(exclusions)
        .withExpectedDurations(expectedDurations(plan.stages()));
  }

  /** Each stage's predicted duration in seconds (0 for an excluded one), by name. */
  static Map<String, Double> expectedDurations(List<StagePlan> plans) {
    Map<String, Double> expected = new LinkedHashMap<>();
    plans.forEach(p -> expected.put(p.name(), p.predicted().durationSeconds()));
    return expected;
  }
}
