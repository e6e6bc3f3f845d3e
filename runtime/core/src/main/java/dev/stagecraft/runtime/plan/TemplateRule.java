package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.condition.Bound;
import dev.stagecraft.runtime.graph.ConditionType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A template's rule, checked: when its condition holds (always, without one), it assigns its
 * settings to its target stages and excludes its excluded ones.
 *
 * @param when the condition as written, for reasons and display
 * @param condition the checked condition (the {@code @When} language over the profile and the
 *     pipeline's parameters), evaluated on the run's values
 * @param targets the stages {@code set} applies to: those named in {@code stages} and those of the
 *     types in {@code stageTypes}, in declaration order
 */
public record TemplateRule(
    String name,
    Optional<String> when,
    Optional<Bound<ConditionType>> condition,
    List<String> targets,
    StageSettings set,
    List<String> exclude)
    implements PlanRule {

  public TemplateRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(condition, "condition");
    targets = List.copyOf(targets);
    Objects.requireNonNull(set, "set");
    exclude = List.copyOf(exclude);
  }

  @Override
  public String id() {
    return name;
  }

  @Override
  public void apply(PlanDraft draft) {
    if (condition.isPresent()
        && !new ConditionEvaluator(draft.params, draft.profile).test(condition.get())) {
      return;
    }
    draft.fired(name);
    for (StageDraft s : draft.stages) {
      if (targets.contains(s.spec.name())) {
        set.applyTo(s, name);
      }
    }
    for (StageDraft s : draft.stages) {
      if (exclude.contains(s.spec.name())) {
        s.exclude(name, when.orElse(""));
      }
    }
  }
}
