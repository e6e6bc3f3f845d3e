package dev.stagecraft.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.runtime.plan.Change;
import dev.stagecraft.runtime.store.history.RecordedPlan;
import dev.stagecraft.runtime.store.plan.PlanJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's plan section, for the template {@code plan.jte}: the profile and template the run
 * was planned with, and each stage's decisions (every change and the rule that made it, exclusions
 * included).
 *
 * @param recorded whether the run recorded a plan (runs from code without the CLI do not)
 * @param profile the profile's facts as {@code name=value, ...}, or {@code none}
 * @param template the template's file and environment, or {@code none}
 * @param changes one row per change, in stage order
 */
record PlanSection(boolean recorded, String profile, String template, List<ChangeRow> changes) {

  /** One change a rule made to a stage. */
  record ChangeRow(String stage, String field, String from, String to, String rule) {}

  static PlanSection of(Optional<RecordedPlan> recorded) {
    if (recorded.isEmpty()) {
      return new PlanSection(false, "none", "none", List.of());
    }
    RecordedPlan r = recorded.get();
    List<ChangeRow> rows = new ArrayList<>();
    PlanJson.changes(r.plan())
        .forEach(
            (stage, list) -> {
              for (Change c : list) {
                rows.add(new ChangeRow(stage, c.field(), c.from(), c.to(), c.rule()));
              }
            });
    return new PlanSection(
        true,
        profile(r.plan().path("profile")),
        r.template()
            .map(t -> t + r.environment().map(e -> " (environment " + e + ")").orElse(""))
            .orElse("none"),
        rows);
  }

  private static String profile(JsonNode facts) {
    List<String> pairs = new ArrayList<>();
    facts.fields().forEachRemaining(f -> pairs.add(f.getKey() + "=" + f.getValue().asText()));
    return pairs.isEmpty() ? "none" : String.join(", ", pairs);
  }
}
