package dev.stagecraft.runtime.store.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import dev.stagecraft.runtime.store.plan.PlanJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Recorded runs as JSON, the one shape every reader prints: {@code runs --json} ({@link
 * #runsJson}), {@code show --json} and the pipeline server's run document ({@link #runJson}).
 */
public final class HistoryJson {
  /** The mapper every history document is written with. */
  public static final ObjectMapper JSON = JsonMappers.create();

  private HistoryJson() {}

  /** The runs as a JSON array. */
  public static ArrayNode runsJson(List<RunSummary> runs) {
    ArrayNode array = JSON.createArrayNode();
    for (RunSummary r : runs) {
      ObjectNode o = array.addObject();
      o.put("runId", r.runId());
      o.put("pipeline", r.pipeline());
      o.put("status", r.status().name());
      o.put("start", r.start().toString());
      putOptional(o, "end", r.end().map(Instant::toString));
      if (r.duration().isPresent()) {
        o.put("durationMs", r.duration().get().toMillis());
      } else {
        o.putNull("durationMs");
      }
      putOptional(o, "resumedFrom", r.resumedFrom());
      o.put("stagesOk", r.stagesOk());
      o.put("stagesFailed", r.stagesFailed());
      o.put("stages", r.stages());
    }
    return array;
  }

  /**
   * A run as JSON, in the shape of {@code run --json} ({@code runId, pipeline, status, stages[name,
   * status, attempts, durationMs, reason, item, metrics]}) plus params, start, end, resumedFrom,
   * each stage's latest progress message ({@code null} when it reported none) and the plan it
   * followed ({@code plan}: the plan's JSON, {@code template}: its path and environment; null when
   * none was recorded).
   */
  public static ObjectNode runJson(
      RunRecord run, Map<String, String> progress, Optional<RecordedPlan> plan) {
    Map<String, PlanJson.StagePrediction> predicted =
        plan.map(p -> PlanJson.predictions(p.plan())).orElse(Map.of());
    ObjectNode o = JSON.createObjectNode();
    o.put("runId", run.runId());
    o.put("pipeline", run.pipeline());
    o.put("status", run.status().name());
    ArrayNode stages = o.putArray("stages");
    for (StageExecution s : run.stages()) {
      ObjectNode st = stages.addObject();
      st.put("name", s.instance());
      st.put("status", s.status().name());
      st.put("attempts", s.attempts());
      st.put("durationMs", s.wallMs());
      st.put("reason", s.reason());
      st.put("item", s.item().orElse(null));
      ObjectNode metrics = st.putObject("metrics");
      new TreeMap<>(s.metrics()).forEach(metrics::put);
      st.put("stage", s.stage());
      putOptional(st, "start", s.start().map(Instant::toString));
      putOptional(st, "end", s.end().map(Instant::toString));
      st.put("cpuNanos", s.cpuNanos());
      st.put("allocatedBytes", s.allocatedBytes());
      st.set("failedAttempts", failedAttempts(s.failedAttempts()));
      st.put("progress", progress.get(s.instance()));
      OptionalDouble p = PlanJson.predictedSeconds(s, predicted);
      if (p.isPresent()) {
        st.put("predictedSeconds", p.getAsDouble());
      } else {
        st.putNull("predictedSeconds");
      }
    }
    ObjectNode params = o.putObject("params");
    for (Map.Entry<String, String> p : run.params().entrySet()) {
      params.put(p.getKey(), p.getValue());
    }
    o.put("start", run.start().toString());
    putOptional(o, "end", run.end().map(Instant::toString));
    putOptional(o, "resumedFrom", run.resumedFrom());
    putOptional(o, "resumedBy", run.resumedBy());
    if (run.lease().isPresent()) {
      Lease l = run.lease().get();
      ObjectNode holder = o.putObject("holder");
      holder.put("host", l.host());
      holder.put("pid", l.pid());
      holder.put("heartbeat", l.heartbeatAt().toString());
      holder.put("live", l.isLive(Instant.now()));
    } else {
      o.putNull("holder");
    }
    if (plan.isPresent()) {
      o.set("plan", plan.get().plan());
      ObjectNode template = o.putObject("template");
      putOptional(template, "file", plan.get().template());
      putOptional(template, "environment", plan.get().environment());
    } else {
      o.putNull("plan");
      o.putNull("template");
    }
    return o;
  }

  /** Failed attempts as JSON: {@code [{"attempt", "start", "end", "durationMs", "reason"}]}. */
  public static ArrayNode failedAttempts(List<FailedAttempt> attempts) {
    ArrayNode array = JSON.createArrayNode();
    for (FailedAttempt a : attempts) {
      ObjectNode node = array.addObject();
      node.put("attempt", a.attempt());
      node.put("start", a.start().toString());
      node.put("end", a.end().toString());
      node.put("durationMs", a.duration().toMillis());
      node.put("reason", a.reason());
    }
    return array;
  }

  private static void putOptional(ObjectNode o, String field, Optional<String> value) {
    if (value.isPresent()) {
      o.put(field, value.get());
    } else {
      o.putNull(field);
    }
  }
}
