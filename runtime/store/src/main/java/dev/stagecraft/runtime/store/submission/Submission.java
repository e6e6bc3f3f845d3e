package dev.stagecraft.runtime.store.submission;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A run accepted by a pipeline server, as recorded before the server answered.
 *
 * @param id the id the server answered with: the first run's id
 * @param pipeline the pipeline's name
 * @param request what the submission asked for, as the server's JSON (parameters, profile,
 *     environment), enough to plan it again after a restart
 * @param priority higher starts first among the tenant's queued runs
 * @param runId the run carrying the submission on: its id once started, or the run resuming it
 *     after a restart; empty while queued
 */
public record Submission(
    String id,
    String pipeline,
    String request,
    int priority,
    Instant submittedAt,
    SubmissionState state,
    Optional<String> runId) {
  public Submission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(runId, "runId");
  }
}
