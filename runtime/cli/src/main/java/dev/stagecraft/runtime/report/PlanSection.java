package dev.stagecraft.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.runtime.plan.Change;
import dev.stagecraft.runtime.store.history.RecordedPlan;
import dev.stagecraft.runtime.store.plan.PlanJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's plan section: the profile and template the run was planned with, and each stage's
 * decisions (every change and the rule that made it, exclusions included).
 */
final class PlanSection {
  private PlanSection() {}

  static void render(StringBuilder b, Optional<RecordedPlan> recorded) {
    b.append("<section id=\"plan\">\n<h2>Plan</h2>\n");
    if (recorded.isEmpty()) {
      b.append("<p class=\"muted\">The run recorded no plan.</p>\n</section>\n");
      return;
    }
    RecordedPlan r = recorded.get();
    b.append("<table class=\"kv\">\n<tbody>\n");
    row(b, "Profile", profile(r.plan().path("profile")));
    row(
        b,
        "Template",
        r.template()
            .map(t -> t + r.environment().map(e -> " (environment " + e + ")").orElse(""))
            .orElse("none"));
    b.append("</tbody>\n</table>\n");
    Map<String, List<Change>> changes = PlanJson.changes(r.plan());
    if (changes.values().stream().allMatch(List::isEmpty)) {
      b.append("<p class=\"muted\">No rule changed a stage: each ran as compiled.</p>\n");
    } else {
      b.append(
          "<div class=\"scroll\">\n<table>\n<thead><tr><th>Stage</th><th>Field</th>"
              + "<th>From</th><th>To</th><th>Rule</th></tr></thead>\n<tbody>\n");
      changes.forEach(
          (stage, list) -> {
            for (Change c : list) {
              b.append("<tr><td>")
                  .append(Html.escape(stage))
                  .append("</td><td>")
                  .append(Html.escape(c.field()))
                  .append("</td><td><code>")
                  .append(Html.escape(c.from()))
                  .append("</code></td><td><code>")
                  .append(Html.escape(c.to()))
                  .append("</code></td><td>")
                  .append(Html.escape(c.rule()))
                  .append("</td></tr>\n");
            }
          });
      b.append("</tbody>\n</table>\n</div>\n");
    }
    b.append("</section>\n");
  }

  private static String profile(JsonNode facts) {
    StringBuilder text = new StringBuilder();
    facts
        .fields()
        .forEachRemaining(
            f ->
                text.append(text.length() == 0 ? "" : ", ")
                    .append(f.getKey())
                    .append('=')
                    .append(f.getValue().asText()));
    return text.length() == 0 ? "none" : text.toString();
  }

  private static void row(StringBuilder b, String term, String value) {
    b.append("<tr><th>")
        .append(term)
        .append("</th><td><code>")
        .append(Html.escape(value))
        .append("</code></td></tr>\n");
  }
}
