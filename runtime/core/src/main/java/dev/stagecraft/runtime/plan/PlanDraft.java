package dev.stagecraft.runtime.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan being resolved: the profile and parameter values rules read, the stages they change, and
 * the rules that fired so far.
 */
final class PlanDraft {
  final Profile profile;
  final Map<String, Object> params;
  final List<StageDraft> stages;
  private final List<String> fired = new ArrayList<>();

  PlanDraft(Profile profile, Map<String, Object> params, List<StageDraft> stages) {
    this.profile = profile;
    this.params = params;
    this.stages = stages;
  }

  /**
   * Records that rule {@code id} fired (its condition held), whether or not it changed anything.
   */
  void fired(String id) {
    fired.add(id);
  }

  /** The rules that fired, in order. */
  List<String> firedRules() {
    return List.copyOf(fired);
  }
}
