package dev.stagecraft.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.report.Format;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How {@code runs} and {@code show} print history: aligned text tables, or JSON. */
final class HistoryFormat {
  static final ObjectMapper JSON = JsonMappers.create();

  private HistoryFormat() {}

  /** The runs as an aligned table with a header line. */
  static String runsTable(List<RunSummary> runs) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("RUN ID", "PIPELINE", "STATUS", "START", "DURATION", "STAGES OK/FAILED"));
    for (RunSummary r : runs) {
      rows.add(
          List.of(
              r.runId(),
              r.pipeline(),
              r.status().name(),
              Format.instant(r.start()),
              r.duration().map(d -> Format.millis(d.toMillis())).orElse("-"),
              r.stagesOk() + "/" + r.stagesFailed()));
    }
    return table(rows);
  }

  /** The runs as a JSON array. */
  static ArrayNode runsJson(List<RunSummary> runs) {
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

  /** A run and its stages as text: a header, the parameters, then one line per stage instance. */
  static String runText(RunRecord run) {
    StringBuilder b = new StringBuilder();
    b.append("run ")
        .append(run.runId())
        .append("  pipeline ")
        .append(run.pipeline())
        .append("  ")
        .append(run.status())
        .append('\n');
    b.append("started ").append(Format.instant(run.start()));
    run.end()
        .ifPresent(
            e ->
                b.append("  ended ")
                    .append(Format.instant(e))
                    .append("  took ")
                    .append(Format.millis(Duration.between(run.start(), e).toMillis())));
    b.append('\n');
    run.resumedFrom().ifPresent(id -> b.append("resumed from ").append(id).append('\n'));
    if (!run.params().isEmpty()) {
      List<String> params = new ArrayList<>();
      run.params().forEach((k, v) -> params.add(k + "=" + v));
      b.append("params ").append(String.join(", ", params)).append('\n');
    }
    b.append('\n');
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("STAGE", "STATUS", "ATTEMPTS", "DURATION", "ITEM", "METRICS", "REASON"));
    for (StageExecution s : run.stages()) {
      List<String> metrics = new ArrayList<>();
      new TreeMap<>(s.metrics()).forEach((k, v) -> metrics.add(k + "=" + number(v)));
      rows.add(
          List.of(
              s.instance(),
              s.status().name(),
              Integer.toString(s.attempts()),
              s.start().isPresent() && s.status().isFinal() ? Format.millis(s.wallMs()) : "-",
              s.item().orElse(""),
              String.join(" ", metrics),
              s.reason()));
    }
    if (run.stages().isEmpty()) {
      b.append("no stage executions recorded\n");
    } else {
      b.append(table(rows));
    }
    return b.toString();
  }

  /**
   * A run as JSON, in the shape of {@code run --json} ({@code runId, pipeline, status, stages[name,
   * status, attempts, durationMs, reason, item, metrics]}) plus params, start, end and resumedFrom.
   */
  static ObjectNode runJson(RunRecord run) {
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
    }
    ObjectNode params = o.putObject("params");
    for (Map.Entry<String, String> p : run.params().entrySet()) {
      params.put(p.getKey(), p.getValue());
    }
    o.put("start", run.start().toString());
    putOptional(o, "end", run.end().map(Instant::toString));
    putOptional(o, "resumedFrom", run.resumedFrom());
    return o;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static void putOptional(ObjectNode o, String field, Optional<String> value) {
    if (value.isPresent()) {
      o.put(field, value.get());
    } else {
      o.putNull(field);
    }
  }

  /** Left-aligned columns two spaces apart; trailing spaces trimmed. */
  static String table(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row.get(i));
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
