package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.engine.ParamResolver;
import dev.stagecraft.runtime.engine.ResolvedParams;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.optimize.RightSizing;
import dev.stagecraft.runtime.plan.optimize.StagePredictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Resolves a pipeline's plan for a run, in this order, each change recorded with its rule: the
 * compiled definition; the template's environment overlay; the built-in rules ({@link BuiltInRule},
 * in order), the template's rules (in file order), then the priority boost; when asked for,
 * right-sizing from the history's observed use ({@link RightSizing}); the tenant's quota policy
 * ({@link TenantQuota}, whose resource defaults apply after the overlay); then validation against
 * the quota and the capacity, listing every problem. Each stage's prediction comes from the run
 * history ({@link StagePredictor}), and the whole run's from simulating the engine's policy on
 * them. Nothing runs; the graph's edges never change.
 *
 * <pre>{@code
 * Plan plan = Planner.plan(definition, PlanRequest.of(capacity).withProfile(profile));
 * if (!plan.valid()) { plan.problems().forEach(System.err::println); }
 * }</pre>
 */
public final class Planner {
  private Planner() {}

  /**
   * Resolves the plan.
   *
   * @throws dev.stagecraft.runtime.engine.ParamException for a parameter that cannot be used
   * @throws UserInputException for an environment the template does not have
   */
  public static Plan plan(PipelineDefinition def, PlanRequest request) {
    Optional<TemplateEnvironment> environment = environment(request);
    Map<String, String> texts = new LinkedHashMap<>();
    environment.ifPresent(e -> texts.putAll(e.params()));
    texts.putAll(request.params());
    ResolvedParams params = ParamResolver.fromText(def, texts);

    List<StageDraft> stages = new ArrayList<>();
    def.stages().forEach(s -> stages.add(new StageDraft(s)));
    PlanDraft draft = new PlanDraft(request.profile(), params.values(), stages);
    environment.ifPresent(
        e -> {
          for (StageDraft s : stages) {
            StageSettings settings = e.stages().get(s.spec.name());
            if (settings != null) {
              settings.applyTo(s, e.ruleId());
            }
          }
        });
    request.tenant().ifPresent(t -> TenantQuota.applyDefaults(stages, t));
    for (PlanRule rule : rules(request)) {
      rule.apply(draft);
    }

    Map<String, Prediction> predictions = new LinkedHashMap<>();
    for (StageDraft s : stages) {
      predictions.put(
          s.spec.name(),
          s.included()
              ? StagePredictor.predict(
                  request.history().of(s.spec.name()),
                  request.profile().dataSize(),
                  request.history().runs())
              : Prediction.EXCLUDED);
    }
    List<StagePlan> plans = plans(stages, predictions);
    PlanAnalysis analysis =
        PlanAnalysis.of(def, plans, params.values(), request.capacity(), request.prices());
    Optional<Improvement> improvement = Optional.empty();
    if (request.optimize()) {
      rightSize(stages, plans, analysis, request);
      List<StagePlan> sized = plans(stages, predictions);
      PlanAnalysis after =
          PlanAnalysis.of(def, sized, params.values(), request.capacity(), request.prices());
      improvement =
          Optional.of(
              new Improvement(
                  new Improvement.Span(
                      analysis.predicted().makespanSeconds(), after.predicted().makespanSeconds()),
                  new Improvement.Span(
                      OptionalDouble.of(analysis.predicted().cost().total()),
                      OptionalDouble.of(after.predicted().cost().total()))));
      plans = sized;
      analysis = after;
    }
    List<String> quotaProblems = new ArrayList<>();
    if (request.tenant().isPresent()) {
      TenantLimits tenant = request.tenant().get();
      quotaProblems.addAll(TenantQuota.problems(plans, tenant));
      if (TenantQuota.scaleDown(stages, plans, tenant)) {
        plans = plans(stages, predictions);
        analysis =
            PlanAnalysis.of(def, plans, params.values(), request.capacity(), request.prices());
      }
    }
    List<String> problems = new ArrayList<>(exclusionProblems(def, plans));
    problems.addAll(quotaProblems);
    problems.addAll(capacityProblems(plans, request));
    return new Plan(
        def.name(),
        request.profile(),
        request
            .template()
            .map(t -> new Plan.TemplateUse(t.file(), environment.map(TemplateEnvironment::name))),
        params,
        plans,
        analysis.parallelGroups(),
        analysis.maxParallel(),
        analysis.criticalPath(),
        analysis.predicted(),
        improvement,
        problems,
        analysis.metrics(),
        draft.firedRules(),
        request.prices());
  }

  private static List<StagePlan> plans(
      List<StageDraft> stages, Map<String, Prediction> predictions) {
    List<StagePlan> plans = new ArrayList<>();
    stages.forEach(s -> plans.add(s.toPlan(predictions.get(s.spec.name()))));
    return plans;
  }

  /**
   * Step 4, right-sizing ({@link RightSizing}): every included stage with observed use gets it
   * times the safety factor within the capacity, each change recorded under {@link
   * RightSizing#RULE}.
   */
  private static void rightSize(
      List<StageDraft> stages, List<StagePlan> plans, PlanAnalysis analysis, PlanRequest request) {
    Map<String, Integer> groupOf = new LinkedHashMap<>();
    for (int g = 0; g < analysis.parallelGroups().size(); g++) {
      for (String name : analysis.parallelGroups().get(g)) {
        groupOf.put(name, g);
      }
    }
    List<RightSizing.Stage> input = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      StageDraft s = stages.get(i);
      StagePlan p = plans.get(i);
      if (!p.included()) {
        continue;
      }
      int instances = analysis.instances().get(p.name());
      int atOnce = p.fanOut() ? Math.min(instances, p.parallelism().orElse(Integer.MAX_VALUE)) : 1;
      Prediction predicted = p.predicted();
      input.add(
          new RightSizing.Stage(
              p.name(),
              groupOf.get(p.name()),
              predicted.observed(),
              predicted.durationSeconds(),
              predicted.cpuCores(),
              predicted.memoryBytes(),
              s.cpuFloor(),
              s.memoryFloor(),
              p.resources(),
              atOnce));
    }
    double factor =
        request.profile().is("priority", "high")
            ? RightSizing.HIGH_PRIORITY_SAFETY
            : RightSizing.SAFETY;
    Map<String, ResourceRequest> sized = RightSizing.of(input, request.capacity(), factor);
    for (StageDraft s : stages) {
      ResourceRequest r = sized.get(s.spec.name());
      if (r != null) {
        s.setCpu(r.milliCpu(), RightSizing.RULE);
        s.setMemory(r.memoryBytes(), RightSizing.RULE);
      }
    }
  }

  /** The built-in rules, the template's rules, then the priority boost. */
  private static List<PlanRule> rules(PlanRequest request) {
    List<PlanRule> rules = new ArrayList<>(BuiltInRule.beforeTemplate());
    request.template().ifPresent(t -> rules.addAll(t.rules()));
    rules.add(BuiltInRule.HIGH_PRIORITY_BOOST);
    return rules;
  }

  /**
   * The overlay that applies: the environment asked for, else the profile's, if the template has
   * it.
   */
  private static Optional<TemplateEnvironment> environment(PlanRequest request) {
    if (request.template().isEmpty()) {
      if (request.environment().isPresent()) {
        throw new UserInputException(
            "--environment "
                + request.environment().get()
                + " selects an environment of a template: add --template FILE");
      }
      return Optional.empty();
    }
    Template template = request.template().get();
    if (request.environment().isPresent()) {
      String name = request.environment().get();
      return Optional.of(
          template
              .environment(name)
              .orElseThrow(
                  () ->
                      new UserInputException(
                          "template "
                              + template.file()
                              + " has no environment '"
                              + name
                              + "'"
                              + Suggestions.closest(name, template.environmentNames())
                                  .map(c -> " (did you mean '" + c + "'?)")
                                  .orElse(
                                      template.environmentNames().isEmpty()
                                          ? " (it has none)"
                                          : " (it has "
                                              + String.join(", ", template.environmentNames())
                                              + ")"))));
    }
    return request
        .profile()
        .fact("environment")
        .map(String::valueOf)
        .flatMap(template::environment);
  }

  /**
   * An included stage that needs an excluded stage's output (a non-Optional input, its fan-out's
   * items, what its condition reads): a plan-time exclusion must not silently skip it at run time.
   */
  private static List<String> exclusionProblems(PipelineDefinition def, List<StagePlan> plans) {
    Map<String, StagePlan> byName = new LinkedHashMap<>();
    plans.forEach(p -> byName.put(p.name(), p));
    List<String> problems = new ArrayList<>();
    for (StageSpec s : def.stages()) {
      if (!byName.get(s.name()).included()) {
        continue;
      }
      for (InputSpec in : s.inputs()) {
        StagePlan up = byName.get(in.stage());
        if (!in.optional() && !up.included()) {
          problems.add(
              "stage '"
                  + s.name()
                  + "' needs the output of '"
                  + up.name()
                  + "' (a non-Optional @Input), but the plan excludes it ("
                  + up.reason()
                  + "): declare the input Optional, or keep '"
                  + up.name()
                  + "' (change the profile or the template)");
        }
      }
      if (s.fanOut().isPresent() && s.fanOut().get() instanceof FanOut.FromInput from) {
        StagePlan up = byName.get(from.stage());
        if (!up.included()) {
          problems.add(
              "stage '"
                  + s.name()
                  + "' fans out over the output of '"
                  + up.name()
                  + "', but the plan excludes it ("
                  + up.reason()
                  + "): keep '"
                  + up.name()
                  + "' (change the profile or the template)");
        }
      }
      if (s.condition().isPresent()) {
        for (String read : s.condition().get().stages()) {
          StagePlan up = byName.get(read);
          if (!up.included()) {
            problems.add(
                "stage '"
                    + s.name()
                    + "' has @When(\""
                    + s.condition().get().source()
                    + "\"), which reads '"
                    + up.name()
                    + "', but the plan excludes it ("
                    + up.reason()
                    + "): keep '"
                    + up.name()
                    + "' (change the profile or the template)");
          }
        }
      }
    }
    return problems;
  }

  /** Every included stage that does not fit the capacity, naming the rules that raised it. */
  private static List<String> capacityProblems(List<StagePlan> plans, PlanRequest request) {
    List<String> problems = new ArrayList<>();
    for (StagePlan p : plans) {
      if (!p.included() || p.resources().fitsIn(request.capacity())) {
        continue;
      }
      Set<String> raisedBy = new LinkedHashSet<>();
      p.changes().stream()
          .filter(c -> c.field().startsWith("resources."))
          .forEach(c -> raisedBy.add(c.rule()));
      problems.add(
          "stage '"
              + p.name()
              + "' asks "
              + p.resources()
              + " but the capacity is "
              + request.capacity()
              + ": raise --max-cpu, --max-memory or --gpus"
              + (raisedBy.isEmpty()
                  ? ", or lower its @Resources"
                  : ", or change what raised it (" + String.join(", ", raisedBy) + ")"));
    }
    return problems;
  }
}
