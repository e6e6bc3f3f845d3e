package dev.stagecraft.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.plan.Change;
import dev.stagecraft.runtime.report.Format;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import dev.stagecraft.runtime.store.history.Lease;
import dev.stagecraft.runtime.store.history.RecordedPlan;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.RunSummary;
import dev.stagecraft.runtime.store.plan.PlanJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How {@code runs} and {@code show} print history: aligned text tables, or JSON. A fan-out
 * instance's item is its short label (never the whole item).
 */
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

  /**
   * A run and its stages as text: a header, the parameters, then one line per stage instance with
   * its duration beside what the run's plan predicted (from {@code plan}, when recorded); a running
   * stage's latest progress message (from {@code progress}, by instance) stands in its REASON
   * column. The predicted makespan follows the table, beside the run's.
   */
  static String runText(RunRecord run, Map<String, String> progress, Optional<RecordedPlan> plan) {
    Map<String, PlanJson.StagePrediction> predicted =
        plan.map(p -> PlanJson.predictions(p.plan())).orElse(Map.of());
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
    holderLine(run).ifPresent(line -> b.append(line).append('\n'));
    run.resumedBy()
        .ifPresent(
            id ->
                b.append("resumed as ")
                    .append(id)
                    .append(" (stagecraft show ")
                    .append(id)
                    .append(")\n"));
    if (!run.params().isEmpty()) {
      List<String> params = new ArrayList<>();
      run.params().forEach((k, v) -> params.add(k + "=" + v));
      b.append("params ").append(String.join(", ", params)).append('\n');
    }
    b.append('\n');
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "STAGE", "STATUS", "ATTEMPTS", "DURATION", "PREDICTED", "ITEM", "METRICS", "REASON"));
    for (StageExecution s : run.stages()) {
      List<String> metrics = new ArrayList<>();
      new TreeMap<>(s.metrics()).forEach((k, v) -> metrics.add(k + "=" + number(v)));
      rows.add(
          List.of(
              s.instance(),
              s.status().name(),
              Integer.toString(s.attempts()),
              s.start().isPresent() && s.status().isFinal() ? Format.millis(s.wallMs()) : "-",
              PlanJson.predictedSeconds(s, predicted).stream()
                  .mapToObj(Format::seconds)
                  .findFirst()
                  .orElse("-"),
              s.item().orElse(""),
              String.join(" ", metrics),
              s.status() == StageStatus.RUNNING && progress.containsKey(s.instance())
                  ? progress.get(s.instance())
                  : s.reason()));
    }
    if (run.stages().isEmpty()) {
      b.append("no stage executions recorded\n");
    } else {
      b.append(table(rows));
    }
    OptionalDouble makespan =
        plan.map(p -> PlanJson.makespan(p.plan())).orElse(OptionalDouble.empty());
    if (makespan.isPresent() && run.end().isPresent()) {
      double took = Duration.between(run.start(), run.end().get()).toMillis() / 1000.0;
      b.append("\nmakespan: took ")
          .append(Format.seconds(took))
          .append(", predicted ")
          .append(Format.seconds(makespan.getAsDouble()))
          .append(error(makespan.getAsDouble(), took))
          .append('\n');
    }
    List<List<String>> attempts = new ArrayList<>();
    for (StageExecution s : run.stages()) {
      for (FailedAttempt a : s.failedAttempts()) {
        attempts.add(
            List.of(
                s.instance(),
                "attempt " + a.attempt(),
                "after " + Format.millis(a.duration().toMillis()),
                a.reason()));
      }
    }
    if (!attempts.isEmpty()) {
      b.append("\nfailed attempts (stagecraft logs ")
          .append(run.runId())
          .append(" STAGE shows their stack traces)\n");
      for (String line : table(attempts).split("\n")) {
        b.append("  ").append(line).append('\n');
      }
    }
    return b.toString();
  }

  /** {@code (predicted +5%)}: how far the prediction was from the actual value. */
  static String error(double predicted, double actual) {
    return actual > 0
        ? String.format(java.util.Locale.ROOT, " (error %+.1f%%)", 100 * (predicted / actual - 1))
        : "";
  }

  /**
   * Who runs, resumes or ran the run: a live holder, or for an INTERRUPTED run the process that
   * stopped and how to continue it.
   */
  private static Optional<String> holderLine(RunRecord run) {
    Instant now = Instant.now();
    if (run.status() == RunStatus.INTERRUPTED) {
      String who =
          run.lease()
              .map(
                  l ->
                      l.holder()
                          + " stopped sending heartbeats at "
                          + Format.instant(l.heartbeatAt()))
              .orElse("the process running it stopped");
      return Optional.of(
          "interrupted: "
              + who
              + (run.resumedBy().isPresent()
                  ? ""
                  : "; continue it with: stagecraft resume " + run.runId()));
    }
    Optional<Lease> live = run.lease().filter(l -> l.isLive(now));
    if (live.isEmpty()) {
      return Optional.empty();
    }
    Lease l = live.get();
    return Optional.of(
        (run.status() == RunStatus.RUNNING ? "running in " : "being resumed by ")
            + l.holder()
            + " (last heartbeat "
            + l.secondsSinceHeartbeat(now)
            + " s ago)");
  }

  /**
   * The plan a run followed as text: its profile and template, then every stage's decisions (each
   * change and its rule) as a table; a line saying so when the run recorded none.
   */
  static String planText(Optional<RecordedPlan> recorded) {
    if (recorded.isEmpty()) {
      return "plan: none recorded\n";
    }
    RecordedPlan r = recorded.get();
    StringBuilder b = new StringBuilder();
    List<String> facts = new ArrayList<>();
    r.plan()
        .path("profile")
        .fields()
        .forEachRemaining(f -> facts.add(f.getKey() + "=" + f.getValue().asText()));
    b.append("plan: profile ")
        .append(facts.isEmpty() ? "none" : String.join(", ", facts))
        .append("; template ")
        .append(
            r.template()
                .map(t -> t + r.environment().map(e -> " (environment " + e + ")").orElse(""))
                .orElse("none"))
        .append('\n');
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("STAGE", "FIELD", "FROM", "TO", "RULE"));
    PlanJson.changes(r.plan())
        .forEach(
            (stage, changes) -> {
              for (Change c : changes) {
                rows.add(List.of(stage, c.field(), c.from(), c.to(), c.rule()));
              }
            });
    if (rows.size() == 1) {
      b.append("no rule changed a stage\n");
    } else {
      b.append(table(rows));
    }
    return b.toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
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
