package dev.stagecraft.runtime.store.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan a run followed, as recorded.
 *
 * @param template the template's absolute path, if the run had one
 * @param environment the template environment whose overlay applied, if any
 * @param plan the plan as {@code stagecraft plan --json} prints it ({@code PlanJson})
 */
public record RecordedPlan(Optional<String> template, Optional<String> environment, JsonNode plan) {
  public RecordedPlan {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(plan, "plan");
  }
}
