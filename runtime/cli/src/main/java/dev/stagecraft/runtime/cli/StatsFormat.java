package dev.stagecraft.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.plan.Cost;
import dev.stagecraft.runtime.plan.PlanMetrics;
import dev.stagecraft.runtime.plan.optimize.PipelineStats;
import dev.stagecraft.runtime.plan.optimize.Prices;
import dev.stagecraft.runtime.plan.optimize.StatsRun;
import dev.stagecraft.runtime.report.Format;
import dev.stagecraft.runtime.store.plan.PlanJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** How {@code stats} prints a pipeline's figures: aligned text, or JSON. */
final class StatsFormat {
  private StatsFormat() {}

  /**
   * The figures as text: a header naming the runs read, one line per pipeline figure, then a table
   * with one row per stage.
   */
  static String text(
      String pipeline,
      int last,
      PipelineStats stats,
      Optional<PlanMetrics> metrics,
      Prices prices,
      List<StatsRun> runs,
      Path store) {
    StringBuilder b = new StringBuilder();
    if (runs.isEmpty()) {
      b.append("stats of '")
          .append(pipeline)
          .append("': no runs in the store ")
          .append(store)
          .append(" yet; run it first\n");
      metrics.ifPresent(m -> PlanText.line(b, "complexity", PlanText.metrics(m)));
      return b.toString();
    }
    b.append("stats of '")
        .append(pipeline)
        .append("': ")
        .append(runs.size() < last ? "all " + runs.size() : "the latest " + runs.size())
        .append(runs.size() == 1 ? " run" : " runs")
        .append(", ")
        .append(Format.instant(runs.get(runs.size() - 1).start()))
        .append(" to ")
        .append(Format.instant(runs.get(0).start()))
        .append('\n');
    PlanText.line(
        b,
        "complexity",
        metrics.map(PlanText::metrics).orElse("- (the pipeline is not on the class path)"));
    PlanText.line(
        b,
        "runs",
        stats.endedRuns()
            + " ended, "
            + stats.succeededRuns()
            + " succeeded: observed success rate "
            + rate(stats.observedSuccessRate()));
    PlanText.line(
        b,
        "success rate",
        String.format(
            Locale.ROOT,
            "Pipeline_Success_Rate %.3f = prod(s_i) %.3f x Retry_Success_Factor %s",
            stats.pipelineSuccessRate(),
            stats.firstAttemptProduct(),
            stats.retrySuccessFactor().isPresent()
                ? String.format(Locale.ROOT, "%.3f", stats.retrySuccessFactor().getAsDouble())
                : "- (a stage never succeeded at its first attempt: the rate is prod(f_i))"));
    PlanText.line(
        b,
        "MTTR",
        (stats.mttrSeconds().isPresent()
                ? Format.seconds(stats.mttrSeconds().getAsDouble())
                : "- (no failure of some failing stage was recovered)")
            + " = sum of (1 - s_i) x recovery time_i"
            + (stats.unrecovered() > 0
                ? "; "
                    + stats.unrecovered()
                    + " failure"
                    + (stats.unrecovered() == 1 ? "" : "s")
                    + " never recovered by retry or resume"
                : ""));
    PlanText.line(
        b,
        "durations",
        "p50 "
            + seconds(stats.p50Seconds())
            + ", p90 "
            + seconds(stats.p90Seconds())
            + " (runs that succeeded)");
    PlanText.line(
        b,
        "utilization",
        rate(stats.utilization()) + " (CPU seconds used / reserved cores x wall seconds)");
    Cost c = stats.costPerRun();
    PlanText.line(
        b,
        "cost per run",
        PlanText.money(c.total(), c.currency())
            + " (compute "
            + PlanText.money(c.compute(), "")
            + ", storage "
            + PlanText.money(c.storage(), "")
            + ", network "
            + PlanText.money(c.network(), "")
            + ") at "
            + (prices.source().equals(Prices.DEFAULTS.source())
                ? "the default prices"
                : prices.source()));
    PlanText.line(
        b,
        "efficiency",
        stats.costEfficiency().isPresent()
            ? String.format(
                Locale.ROOT,
                "Cost_Efficiency %s = business value %s / cost per run",
                PlanText.money(stats.costEfficiency().getAsDouble(), ""),
                PlanText.money(stats.businessValue().getAsDouble(), c.currency()))
            : stats.businessValue().isPresent()
                ? "- (a run cost nothing)"
                : "- (give --business-value V, what one run is worth)");
    b.append('\n');
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "STAGE",
            "RAN",
            "FIRST TRY s_i",
            "AFTER RETRIES f_i",
            "RECOVERY",
            "P50",
            "P90",
            "UTILIZATION",
            "COST/RUN"));
    for (PipelineStats.StageStats s : stats.stages()) {
      rows.add(
          List.of(
              s.stage(),
              Integer.toString(s.executions()),
              rate(s.firstAttemptRate()),
              rate(s.successRate()),
              s.recoverySeconds().isPresent()
                  ? Format.seconds(s.recoverySeconds().getAsDouble())
                      + (s.unrecovered() > 0 ? " (" + s.unrecovered() + " never)" : "")
                  : s.unrecovered() > 0 ? "never (" + s.unrecovered() + ")" : "-",
              seconds(s.p50Seconds()),
              seconds(s.p90Seconds()),
              rate(s.utilization()),
              PlanText.money(s.costPerRun(), "")));
    }
    b.append(HistoryFormat.table(rows));
    return b.toString();
  }

  /**
   * The figures as JSON: {@code pipeline, last, runs, endedRuns, succeededRuns, metrics{...},
   * observedSuccessRate, firstAttemptProduct, retrySuccessFactor, pipelineSuccessRate, mttrSeconds,
   * unrecoveredFailures, p50Seconds, p90Seconds, utilization, costPerRun{...}, businessValue,
   * costEfficiency, prices{...}, stages[name, executions, firstAttemptSuccesses, successes,
   * firstAttemptSuccessRate, successRate, failureRate, recoverySeconds, recovered, unrecovered,
   * p50Seconds, p90Seconds, utilization, costPerRun]}}; what is not known is null.
   */
  static ObjectNode json(
      String pipeline,
      int last,
      PipelineStats stats,
      Optional<PlanMetrics> metrics,
      Prices prices,
      List<StatsRun> runs) {
    ObjectNode o = HistoryFormat.JSON.createObjectNode();
    o.put("pipeline", pipeline);
    o.put("last", last);
    o.put("runs", stats.runs());
    o.put("endedRuns", stats.endedRuns());
    o.put("succeededRuns", stats.succeededRuns());
    if (metrics.isPresent()) {
      o.set("metrics", PlanJson.metrics(metrics.get()));
    } else {
      o.putNull("metrics");
    }
    number(o, "observedSuccessRate", stats.observedSuccessRate());
    boolean any = !runs.isEmpty();
    number(
        o,
        "firstAttemptProduct",
        any ? OptionalDouble.of(stats.firstAttemptProduct()) : OptionalDouble.empty());
    number(o, "retrySuccessFactor", stats.retrySuccessFactor());
    number(
        o,
        "pipelineSuccessRate",
        any ? OptionalDouble.of(stats.pipelineSuccessRate()) : OptionalDouble.empty());
    number(o, "mttrSeconds", any ? stats.mttrSeconds() : OptionalDouble.empty());
    o.put("unrecoveredFailures", stats.unrecovered());
    number(o, "p50Seconds", stats.p50Seconds());
    number(o, "p90Seconds", stats.p90Seconds());
    number(o, "utilization", stats.utilization());
    o.set("costPerRun", PlanJson.cost(stats.costPerRun()));
    number(o, "businessValue", stats.businessValue());
    number(o, "costEfficiency", stats.costEfficiency());
    o.set("prices", PlanJson.prices(prices));
    ArrayNode stages = o.putArray("stages");
    for (PipelineStats.StageStats s : stats.stages()) {
      ObjectNode st = stages.addObject();
      st.put("name", s.stage());
      st.put("executions", s.executions());
      st.put("firstAttemptSuccesses", s.firstAttemptSuccesses());
      st.put("successes", s.successes());
      number(st, "firstAttemptSuccessRate", s.firstAttemptRate());
      number(st, "successRate", s.successRate());
      number(
          st,
          "failureRate",
          s.firstAttemptRate().isPresent()
              ? OptionalDouble.of(1 - s.firstAttemptRate().getAsDouble())
              : OptionalDouble.empty());
      number(st, "recoverySeconds", s.recoverySeconds());
      st.put("recovered", s.recovered());
      st.put("unrecovered", s.unrecovered());
      number(st, "p50Seconds", s.p50Seconds());
      number(st, "p90Seconds", s.p90Seconds());
      number(st, "utilization", s.utilization());
      st.put("costPerRun", s.costPerRun());
    }
    return o;
  }

  private static String rate(OptionalDouble r) {
    return r.isPresent() ? String.format(Locale.ROOT, "%.3f", r.getAsDouble()) : "-";
  }

  private static String seconds(OptionalDouble s) {
    return s.isPresent() ? Format.seconds(s.getAsDouble()) : "-";
  }

  private static void number(ObjectNode o, String field, OptionalDouble value) {
    if (value.isPresent()) {
      o.put(field, value.getAsDouble());
    } else {
      o.putNull(field);
    }
  }
}
