package dev.stagecraft.runtime.server;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.store.submission.Submission;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A submission the server holds: queued, or running on its own thread.
 *
 * @param submission as recorded in the tenant's store
 * @param definition the pipeline
 * @param plan the plan it runs
 * @param resumes the run this one continues after a restart, empty for a fresh run
 */
record AcceptedRun(
    String tenant,
    Submission submission,
    PipelineDefinition definition,
    Plan plan,
    Optional<String> resumes) {

  /** Higher priority first, then the earlier submission. */
  static final Comparator<AcceptedRun> QUEUE_ORDER =
      Comparator.comparingInt((AcceptedRun r) -> -r.submission().priority())
          .thenComparing(r -> r.submission().submittedAt())
          .thenComparing(r -> r.submission().id());

  AcceptedRun {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(resumes, "resumes");
  }

  String id() {
    return submission.id();
  }

  Instant submittedAt() {
    return submission.submittedAt();
  }

  /** The profile's {@code priority} as a number: 2 high, 1 normal (also when not given), 0 low. */
  static int priority(Plan plan) {
    Object p = plan.profile().facts().get("priority");
    if ("high".equals(p)) {
      return 2;
    }
    return "low".equals(p) ? 0 : 1;
  }
}
