package dev.stagecraft.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.StagePlan;
import dev.stagecraft.runtime.store.history.HistoryJson;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.RunSummary;
import dev.stagecraft.runtime.store.submission.Submission;
import dev.stagecraft.runtime.store.submission.SubmissionState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the API answers of runs, read from the tenants' stores: a run's document, the list, where a
 * report is, each stage's allocation. A principal sees its tenant's runs (an admin every tenant's);
 * any other id, another tenant's or one that is not an id at all, is 404.
 */
final class RunViews {
  /** What a run id may look like on the API; anything else (a path, {@code ../}) is unknown. */
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

  private final TenantSpaces spaces;
  private final ObjectMapper json = HistoryJson.JSON;

  RunViews(TenantSpaces spaces) {
    this.spaces = spaces;
  }

  /** Where a run is: its space, its submission (if it came through the server) and its run id. */
  record Located(TenantSpace space, Optional<Submission> submission, Optional<String> runId) {}

  Located locate(Optional<String> tenant, String id) {
    if (RUN_ID.matcher(id).matches()) {
      for (TenantSpace space : spaces.visibleSpaces(tenant)) {
        Optional<Submission> s = space.submissions.find(id);
        if (s.isPresent()) {
          return new Located(space, s, s.get().runId());
        }
        if (space.store.queries().run(id).isPresent()) {
          return new Located(space, Optional.empty(), Optional.of(id));
        }
      }
    }
    throw HttpError.notFound("no run '" + id + "'; GET /api/v1/runs lists yours");
  }

  /** The run document ({@code show --json}'s shape, with its tenant); 404 when not visible. */
  ObjectNode document(Optional<String> tenant, String id) {
    Located at = locate(tenant, id);
    if (at.runId().isPresent()) {
      Optional<RunRecord> run = at.space().store.queries().run(at.runId().get());
      if (run.isPresent()) {
        HistoryQueries q = at.space().store.queries();
        ObjectNode doc =
            HistoryJson.runJson(
                run.get(), q.progress(run.get().runId()), q.plan(run.get().runId()));
        doc.put("tenant", at.space().tenant);
        doc.put("submissionId", at.submission().map(Submission::id).orElse(null));
        return doc;
      }
    }
    return notStartedDocument(at.space(), at.submission().orElseThrow());
  }

  /** A submission with no run yet: QUEUED, or CANCELLED before it started. */
  private ObjectNode notStartedDocument(TenantSpace space, Submission s) {
    ObjectNode doc = json.createObjectNode();
    doc.put("runId", s.id());
    doc.put("pipeline", s.pipeline());
    doc.put("status", s.state() == SubmissionState.ENDED ? "CANCELLED" : "QUEUED");
    doc.putArray("stages");
    try {
      JsonNode request = json.readTree(s.request());
      doc.set("params", request.path("params"));
    } catch (IOException e) {
      doc.putObject("params");
    }
    doc.putNull("start");
    doc.putNull("end");
    doc.put("submittedAt", s.submittedAt().toString());
    doc.put("tenant", space.tenant);
    doc.put("submissionId", s.id());
    return doc;
  }

  /**
   * The runs a principal sees, newest first ({@code runs --json}'s shape, with each tenant): the
   * recorded runs and the accepted ones not recorded yet (queued, or just starting), those with
   * {@code start} null, zero stages and their {@code submittedAt}.
   */
  ArrayNode list(Optional<String> tenant, int limit) {
    List<ObjectNode> rows = new ArrayList<>();
    for (TenantSpace space : spaces.visibleSpaces(tenant)) {
      for (Submission s : space.submissions.unfinished()) {
        if (s.runId().isEmpty() || space.store.queries().run(s.runId().get()).isEmpty()) {
          rows.add(notStartedRow(space, s));
        }
      }
      List<RunSummary> runs = space.store.queries().runs(Optional.empty(), limit);
      for (JsonNode row : HistoryJson.runsJson(runs)) {
        ObjectNode o = (ObjectNode) row;
        o.put("tenant", space.tenant);
        rows.add(o);
      }
    }
    rows.sort(Comparator.comparing(RunViews::startOrSubmission).reversed());
    ArrayNode array = json.createArrayNode();
    rows.stream().limit(limit).forEach(array::add);
    return array;
  }

  /** A list row of a submission without a recorded run, in the shape of a recorded run's row. */
  private ObjectNode notStartedRow(TenantSpace space, Submission s) {
    ObjectNode o = json.createObjectNode();
    o.put("runId", s.id());
    o.put("pipeline", s.pipeline());
    o.put("status", "QUEUED");
    o.putNull("start");
    o.putNull("end");
    o.putNull("durationMs");
    o.putNull("resumedFrom");
    o.put("stagesOk", 0);
    o.put("stagesFailed", 0);
    o.put("stages", 0);
    o.put("tenant", space.tenant);
    o.put("submittedAt", s.submittedAt().toString());
    return o;
  }

  private static Instant startOrSubmission(ObjectNode row) {
    String at =
        row.path("start").isNull() ? row.path("submittedAt").asText() : row.path("start").asText();
    return Instant.parse(at);
  }

  /** The store directory and run id of a run's report; 409 when it has not started. */
  record ReportSource(Path store, String runId) {}

  ReportSource reportSource(Optional<String> tenant, String id) {
    Located at = locate(tenant, id);
    if (at.runId().isEmpty() || at.space().store.queries().run(at.runId().get()).isEmpty()) {
      throw HttpError.conflict(
          "run " + id + " has not started; its report can be written once it has");
    }
    return new ReportSource(at.space().directory(), at.runId().get());
  }

  /** Each stage's reservation in the plan: {@code {"stage": {"cpu", "memory", "gpu"}}}. */
  ObjectNode allocation(Plan plan) {
    ObjectNode o = json.createObjectNode();
    for (StagePlan s : plan.stages()) {
      if (s.included()) {
        ObjectNode r = o.putObject(s.name());
        r.put(
            "cpu",
            dev.stagecraft.annotations.syntax.Quantities.formatCpu(s.resources().milliCpu()));
        r.put(
            "memory",
            dev.stagecraft.annotations.syntax.Quantities.formatBytes(s.resources().memoryBytes()));
        r.put("gpu", s.resources().gpu());
      }
    }
    return o;
  }
}
