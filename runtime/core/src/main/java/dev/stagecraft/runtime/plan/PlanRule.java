package dev.stagecraft.runtime.plan;

/**
 * A rule of a plan: when its condition on the profile (and the run's parameters) holds, it changes
 * stages, recording each change under its id. The built-in rules and a template's rules.
 */
public sealed interface PlanRule permits BuiltInRule, TemplateRule {
  /** The id every change it makes is recorded under. */
  String id();

  /** Applies the rule to the plan being resolved; records in it whether the rule fired. */
  void apply(PlanDraft draft);
}
