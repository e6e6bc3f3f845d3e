package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.engine.ResolvedParams;
import dev.stagecraft.runtime.plan.optimize.Prices;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved plan: how a pipeline will run for a profile, a template and the parameters given, with
 * every decision and the rule that made it, before anything runs. {@link Planner} makes it; {@link
 * PlannedRun} runs it; an invalid plan lists its problems and does not run.
 *
 * @param template the template's file and the environment whose overlay was applied, if any
 * @param params every parameter's value: the template environment's, overridden by those given
 * @param stages one per declared stage, in declaration order
 * @param parallelGroups the included stages by level (stages of a level do not depend on each
 *     other), in order
 * @param maxParallel per group (its names joined by commas), how many of its stages the capacity
 *     runs at once
 * @param criticalPath the included stages on the longest path of predicted durations
 * @param predicted the run's predicted makespan, its lower bounds and its cost
 * @param improvement what right-sizing changed; empty unless the plan was optimized
 * @param problems why the plan cannot run, every one; empty for a valid plan
 * @param rulesFired the rules whose condition held, in the order they were applied, also those that
 *     changed nothing
 * @param prices the prices the cost was computed at
 */
public record Plan(
    String pipeline,
    Profile profile,
    Optional<TemplateUse> template,
    ResolvedParams params,
    List<StagePlan> stages,
    List<List<String>> parallelGroups,
    Map<String, Integer> maxParallel,
    List<String> criticalPath,
    PipelinePrediction predicted,
    Optional<Improvement> improvement,
    List<String> problems,
    PlanMetrics metrics,
    List<String> rulesFired,
    Prices prices) {

  public Plan {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(params, "params");
    stages = List.copyOf(stages);
    parallelGroups = parallelGroups.stream().map(List::copyOf).toList();
    maxParallel = Collections.unmodifiableMap(new LinkedHashMap<>(maxParallel));
    criticalPath = List.copyOf(criticalPath);
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(improvement, "improvement");
    problems = List.copyOf(problems);
    Objects.requireNonNull(metrics, "metrics");
    rulesFired = List.copyOf(rulesFired);
    Objects.requireNonNull(prices, "prices");
  }

  /** Whether the plan can run: it has no problems. */
  public boolean valid() {
    return problems.isEmpty();
  }

  /** The plan of stage {@code name}. */
  public Optional<StagePlan> stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * A template a plan used.
   *
   * @param file the file as the user named it
   * @param environment the environment whose overlay was applied; empty when none was
   */
  public record TemplateUse(String file, Optional<String> environment) {
    public TemplateUse {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(environment, "environment");
    }
  }
}
