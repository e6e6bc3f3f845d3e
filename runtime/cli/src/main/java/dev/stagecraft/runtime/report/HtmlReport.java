package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.history.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders a {@link RunReport} as one self-contained HTML page: inline CSS and SVG only, no scripts,
 * fonts or other files, so it opens anywhere without a network. Every text from the run is escaped.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** The page. */
  public static String render(RunReport report) {
    RunRecord run = report.run();
    Map<String, List<StageExecution>> byStage = new LinkedHashMap<>();
    for (StageExecution e : run.stages()) {
      byStage.computeIfAbsent(e.stage(), k -> new ArrayList<>()).add(e);
    }
    Instant end = runEnd(run);
    StringBuilder b = new StringBuilder(32_768);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(run.pipeline() + " \u00b7 run " + run.runId()))
        .append("</title>\n")
        .append("<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    header(b, report, end);
    for (String note : report.notes()) {
      b.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
    }
    reasons(b, run);
    ModelSections.render(b, report);
    b.append("<section id=\"graph\">\n<h2>Pipeline graph</h2>\n");
    b.append("<div class=\"scroll\">\n")
        .append(DagSvg.render(report.graph(), byStage))
        .append("</div>\n");
    legend(b);
    b.append("</section>\n");
    b.append("<section id=\"timeline\">\n<h2>Timeline</h2>\n<div class=\"scroll\">\n")
        .append(TimelineSvg.render(run.start(), end, run.stages()))
        .append("</div>\n</section>\n");
    outputs(b, report.outputs());
    trials(b, report.trials());
    metrics(b, run);
    stages(b, run);
    params(b, run, report.paramDescriptions());
    b.append("<footer>Written by <code>stagecraft report</code> from the run history.</footer>\n");
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static Instant runEnd(RunRecord run) {
    Instant end = run.end().orElse(run.start());
    for (StageExecution e : run.stages()) {
      for (Instant t : new Instant[] {e.start().orElse(null), e.end().orElse(null)}) {
        if (t != null && t.isAfter(end)) {
          end = t;
        }
      }
    }
    return end;
  }

  private static void header(StringBuilder b, RunReport report, Instant end) {
    RunRecord run = report.run();
    String status = run.status().name();
    b.append("<header>\n<h1>")
        .append(Html.escape(run.pipeline()))
        .append(" <span class=\"badge\" style=\"")
        .append(badgeStyle(status))
        .append("\">")
        .append(Html.escape(StatusStyle.label(status)))
        .append("</span></h1>\n");
    b.append("<dl class=\"facts\">\n");
    fact(b, "Run", "<code>" + Html.escape(run.runId()) + "</code>");
    fact(b, "Started", Html.escape(Format.instant(run.start())));
    fact(
        b,
        "Duration",
        run.end()
            .map(e -> Html.escape(Format.millis(Duration.between(run.start(), e).toMillis())))
            .orElse("not finished"));
    run.resumedFrom().ifPresent(r -> fact(b, "Resumes", "<code>" + Html.escape(r) + "</code>"));
    Map<StageStatus, Integer> counts = new EnumMap<>(StageStatus.class);
    run.stages().forEach(e -> counts.merge(e.status(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (s, n) ->
            parts.add(
                "<span class=\"dot\" style=\"background:"
                    + StatusStyle.stroke(s.name())
                    + "\"></span>"
                    + n
                    + " "
                    + Html.escape(StatusStyle.label(s.name()))));
    fact(b, "Stages", parts.isEmpty() ? "none recorded" : String.join(" &nbsp; ", parts));
    b.append("</dl>\n<nav>")
        .append(report.summary().isEmpty() ? "" : "<a href=\"#summary\">Summary</a>")
        .append(report.data().isEmpty() ? "" : "<a href=\"#data\">Data</a>")
        .append(report.models().isEmpty() ? "" : "<a href=\"#models\">Models</a>")
        .append(
            "<a href=\"#graph\">Graph</a><a href=\"#timeline\">Timeline</a>"
                + "<a href=\"#outputs\">Outputs</a><a href=\"#metrics\">Metrics</a><a href=\"#stages\">Stages</a>"
                + "<a href=\"#params\">Parameters</a></nav>\n</header>\n");
  }

  private static void fact(StringBuilder b, String term, String html) {
    b.append("<div><dt>").append(term).append("</dt><dd>").append(html).append("</dd></div>\n");
  }

  private static String badgeStyle(String status) {
    return "background:"
        + StatusStyle.fill(status)
        + ";color:"
        + StatusStyle.stroke(status)
        + ";border-color:"
        + StatusStyle.stroke(status);
  }

  private static String badge(String status) {
    return "<span class=\"badge\" style=\""
        + badgeStyle(status)
        + "\">"
        + Html.escape(StatusStyle.label(status))
        + "</span>";
  }

  private static void reasons(StringBuilder b, RunRecord run) {
    List<StageExecution> explained =
        run.stages().stream().filter(e -> !e.reason().isEmpty()).toList();
    if (explained.isEmpty()) {
      return;
    }
    b.append(
        "<section id=\"reasons\">\n<h2>Failures and skips</h2>\n<table>\n<thead><tr><th>Instance</th>"
            + "<th>Status</th><th>Reason</th></tr></thead>\n<tbody>\n");
    for (StageExecution e : explained) {
      b.append("<tr><td><code>")
          .append(Html.escape(e.instance()))
          .append("</code></td><td>")
          .append(badge(e.status().name()))
          .append("</td><td class=\"reason\">")
          .append(Html.escape(e.reason()))
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");
  }

  private static void legend(StringBuilder b) {
    b.append("<p class=\"legend\">");
    for (String s : StatusStyle.legend()) {
      b.append("<span><span class=\"swatch\" style=\"background:")
          .append(StatusStyle.fill(s))
          .append(";border-color:")
          .append(StatusStyle.stroke(s))
          .append("\"></span>")
          .append(Html.escape(StatusStyle.label(s)))
          .append("</span>");
    }
    b.append("</p>\n");
  }

  private static void outputs(StringBuilder b, List<OutputTable> outputs) {
    b.append("<section id=\"outputs\">\n<h2>Stage outputs</h2>\n");
    if (outputs.isEmpty()) {
      b.append("<p class=\"muted\">No stage stored a small JSON output.</p>\n</section>\n");
      return;
    }
    b.append("<div class=\"cards\">\n");
    for (OutputTable t : outputs) {
      b.append("<div class=\"card\" data-output=\"")
          .append(Html.escape(t.instance()))
          .append("\">\n<h3><code>")
          .append(Html.escape(t.instance()))
          .append("</code></h3>\n<table class=\"kv\">\n<tbody>\n");
      for (OutputTable.Row r : t.rows()) {
        b.append("<tr><th>")
            .append(r.key().isEmpty() ? "value" : Html.escape(r.key()))
            .append("</th><td>")
            .append(Html.escape(r.value()))
            .append("</td></tr>\n");
      }
      if (t.truncated()) {
        b.append("<tr><td colspan=\"2\" class=\"muted\">more fields left out</td></tr>\n");
      }
      b.append("</tbody>\n</table>\n</div>\n");
    }
    b.append("</div>\n</section>\n");
  }

  /** One table per search history: every trial, pruned ones greyed, the best one marked. */
  private static void trials(StringBuilder b, List<TrialTable> tables) {
    if (tables.isEmpty()) {
      return;
    }
    b.append("<section id=\"trials\">\n<h2>Hyperparameter search</h2>\n");
    for (TrialTable t : tables) {
      long pruned = t.rows().stream().filter(r -> r.state().equals("pruned")).count();
      b.append("<h3><code>")
          .append(Html.escape(t.instance()))
          .append("</code> <span class=\"muted\">")
          .append(t.rows().size())
          .append(" trials, ")
          .append(pruned)
          .append(
              " pruned</span></h3>\n<div class=\"scroll\">\n<table class=\"trials\" data-trials=\"")
          .append(Html.escape(t.instance()))
          .append(
              "\">\n<thead><tr><th class=\"num\">Trial</th><th>Model</th><th>Method</th>"
                  + "<th>Parameters</th><th class=\"num\">Score</th><th class=\"num\">Folds</th>"
                  + "<th>State</th><th class=\"num\">Time</th></tr></thead>\n<tbody>\n");
      for (TrialTable.Row r : t.rows()) {
        b.append("<tr data-trial=\"")
            .append(r.trial())
            .append("\" class=\"")
            .append(r.best() ? "best" : r.state())
            .append("\"><td class=\"num\">")
            .append(r.trial())
            .append("</td><td>")
            .append(Html.escape(r.modelType()))
            .append("</td><td>")
            .append(Html.escape(r.method()))
            .append("</td><td><code>")
            .append(Html.escape(r.params()))
            .append("</code></td><td class=\"num\">")
            .append(Html.escape(Format.number(r.score())))
            .append("</td><td class=\"num\">")
            .append(r.folds())
            .append("</td><td>")
            .append(r.state())
            .append(r.best() ? " <span class=\"badge best\">best</span>" : "")
            .append("</td><td class=\"num\">")
            .append(Html.escape(Format.millis(r.durationMs())))
            .append("</td></tr>\n");
      }
      b.append("</tbody>\n</table>\n</div>\n");
    }
    b.append("</section>\n");
  }

  private static void metrics(StringBuilder b, RunRecord run) {
    b.append("<section id=\"metrics\">\n<h2>Metrics</h2>\n");
    List<StageExecution> measured =
        run.stages().stream().filter(e -> !e.metrics().isEmpty()).toList();
    if (measured.isEmpty()) {
      b.append("<p class=\"muted\">No stage recorded a metric.</p>\n</section>\n");
      return;
    }
    TreeSet<String> names = new TreeSet<>();
    measured.forEach(e -> names.addAll(e.metrics().keySet()));
    b.append("<div class=\"scroll\">\n<table>\n<thead><tr><th>Instance</th>");
    for (String n : names) {
      b.append("<th class=\"num\">").append(Html.escape(n)).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (StageExecution e : measured) {
      b.append("<tr><td><code>")
          .append(Html.escape(e.instance()))
          .append("</code>")
          .append(
              e.item()
                  .map(it -> " <span class=\"muted\">" + Html.escape(it) + "</span>")
                  .orElse(""))
          .append("</td>");
      for (String n : names) {
        Double v = e.metrics().get(n);
        b.append("<td class=\"num\">")
            .append(v == null ? "" : Html.escape(Format.number(v)))
            .append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void stages(StringBuilder b, RunRecord run) {
    b.append(
        "<section id=\"stages\">\n<h2>Stage executions</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr>"
            + "<th>Instance</th><th>Item</th><th>Status</th><th class=\"num\">Attempts</th><th class=\"num\">Start</th>"
            + "<th class=\"num\">Wall</th><th class=\"num\">CPU</th><th>Metrics</th><th>Reason</th></tr></thead>\n<tbody>\n");
    for (StageExecution e : run.stages()) {
      List<String> metrics = new ArrayList<>();
      new TreeSet<>(e.metrics().keySet())
          .forEach(k -> metrics.add(k + "=" + Format.number(e.metrics().get(k))));
      b.append("<tr data-instance=\"")
          .append(Html.escape(e.instance()))
          .append("\"><td><code>")
          .append(Html.escape(e.instance()))
          .append("</code></td><td>")
          .append(Html.escape(e.item().orElse("")))
          .append("</td><td>")
          .append(badge(e.status().name()))
          .append("</td><td class=\"num\">")
          .append(e.attempts())
          .append("</td><td class=\"num\">")
          .append(
              e.start()
                  .map(
                      s ->
                          "+"
                              + Html.escape(
                                  Format.millis(
                                      Math.max(0, Duration.between(run.start(), s).toMillis()))))
                  .orElse("\u2013"))
          .append("</td><td class=\"num\">")
          .append(e.start().isPresent() ? Html.escape(Format.millis(e.wallMs())) : "\u2013")
          .append("</td><td class=\"num\">")
          .append(
              e.start().isPresent()
                  ? Html.escape(Format.millis(e.cpuNanos() / 1_000_000))
                  : "\u2013")
          .append("</td><td>")
          .append(Html.escape(String.join(", ", metrics)))
          .append("</td><td class=\"reason\">")
          .append(Html.escape(e.reason()))
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  /** Each parameter's value (an empty one said so) and, when known, what it means. */
  private static void params(StringBuilder b, RunRecord run, Map<String, String> descriptions) {
    b.append("<section id=\"params\">\n<h2>Parameters</h2>\n");
    if (run.params().isEmpty()) {
      b.append("<p class=\"muted\">The run had no parameters.</p>\n</section>\n");
      return;
    }
    b.append("<table class=\"kv\">\n<tbody>\n");
    run.params()
        .forEach(
            (k, v) ->
                b.append("<tr data-param=\"")
                    .append(Html.escape(k))
                    .append("\"><th>")
                    .append(Html.escape(k))
                    .append("</th><td>")
                    .append(
                        v.isEmpty()
                            ? "<span class=\"muted\">(empty)</span>"
                            : "<code>" + Html.escape(v) + "</code>")
                    .append("</td><td class=\"muted\">")
                    .append(Html.escape(descriptions.getOrDefault(k, "")))
                    .append("</td></tr>\n"));
    b.append("</tbody>\n</table>\n</section>\n");
  }

  private static final String CSS =
      """
      :root { color-scheme: light; }
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        color: #1f2328; background: #fff; margin: 0 auto; padding: 24px 32px 48px; max-width: 1320px; }
      h1 { font-size: 24px; margin: 0 0 8px; display: flex; align-items: center; gap: 12px; }
      h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d8dee4; }
      h3 { font-size: 14px; margin: 0 0 6px; }
      code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      header { border-bottom: 1px solid #d8dee4; padding-bottom: 10px; }
      .facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 6px 0 10px; }
      .facts div { display: flex; gap: 6px; }
      .facts dt { color: #656d76; }
      .facts dd { margin: 0; }
      nav a { margin-right: 16px; color: #0969da; text-decoration: none; }
      .badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border: 1px solid;
        border-radius: 10px; white-space: nowrap; }
      .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 4px; }
      .note { background: #fff8c5; border: 1px solid #e6d68a; border-radius: 6px; padding: 8px 12px; }
      .muted { color: #656d76; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; margin: 4px 0; }
      th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
      thead th { background: #f6f8fa; font-weight: 600; }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .reason { white-space: pre-wrap; max-width: 520px; word-break: break-word; }
      table.kv th { font-weight: 500; color: #424a53; }
      table.kv td { font-variant-numeric: tabular-nums; word-break: break-word; }
      .cards { display: flex; flex-wrap: wrap; gap: 14px; align-items: flex-start; }
      .card { border: 1px solid #d8dee4; border-radius: 8px; padding: 10px 12px; min-width: 260px; max-width: 600px; }
      table.trials tr.best td { background: #dafbe1; }
      ul.summary { margin: 4px 0; padding-left: 20px; }
      ul.summary li { margin: 2px 0; }
      h4 { font-size: 13px; margin: 10px 0 4px; color: #424a53; }
      table.confusion td.right { background: #dafbe1; font-weight: 600; }
      table.classes { margin-top: 8px; }
      table.trials tr.pruned td { color: #656d76; }
      .badge.best { color: #1a7f37; border-color: #1a7f37; background: #fff; }
      .legend { display: flex; flex-wrap: wrap; gap: 14px; color: #424a53; font-size: 12.5px; }
      .swatch { display: inline-block; width: 12px; height: 12px; border: 1.5px solid; border-radius: 3px;
        margin-right: 5px; vertical-align: -2px; }
      svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1f2328; }
      svg text.name { font-size: 13px; font-weight: 600; }
      svg text.sub { font-size: 11px; fill: #424a53; }
      svg text.inst { font-size: 10.5px; }
      svg text.tick { font-size: 10.5px; fill: #656d76; }
      svg text.lane { font-size: 12px; }
      footer { margin-top: 32px; color: #656d76; font-size: 12px; }
      """;
}
