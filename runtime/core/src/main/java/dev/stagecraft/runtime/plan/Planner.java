package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.engine.ParamResolver;
import dev.stagecraft.runtime.engine.ResolvedParams;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a pipeline's plan for a run, in this order, each change recorded with its rule: the
 * compiled definition; the template's environment overlay; the built-in rules ({@link BuiltInRule},
 * in order), the template's rules (in file order), then the priority boost; then validation against
 * the capacity, listing every problem. Nothing runs; the graph's edges never change.
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
    for (PlanRule rule : rules(request)) {
      rule.apply(draft);
    }

    List<StagePlan> plans = new ArrayList<>();
    stages.forEach(s -> plans.add(s.toPlan(Prediction.NO_HISTORY)));
    List<String> problems = new ArrayList<>(exclusionProblems(def, plans));
    problems.addAll(capacityProblems(plans, request));
    PlanAnalysis analysis = PlanAnalysis.of(def, plans, params.values(), request.capacity());
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
        Optional.empty(),
        problems,
        analysis.metrics(),
        draft.firedRules());
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
