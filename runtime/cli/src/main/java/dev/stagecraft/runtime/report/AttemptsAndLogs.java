package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.LogLine;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.StageLogEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's sections on failed attempts (each with its error) and on what each stage logged (the
 * last {@value #MAX_LINES} lines per instance; {@code stagecraft logs} prints all of it).
 */
final class AttemptsAndLogs {
  /** The most log lines per instance the page shows. */
  static final int MAX_LINES = 200;

  private AttemptsAndLogs() {}

  /** The anchor of an instance's log, e.g. {@code log-train[1]}. */
  static String anchor(String instance) {
    return "log-" + instance;
  }

  /** The instances that logged something. */
  static java.util.Set<String> logged(List<StageLogEntry> logs) {
    java.util.Set<String> instances = new java.util.HashSet<>();
    logs.forEach(e -> instances.add(e.instance()));
    return instances;
  }

  /** A table of every failed attempt with its reason; nothing when no attempt failed. */
  static void attempts(StringBuilder b, RunRecord run) {
    List<StageExecution> retried =
        run.stages().stream().filter(e -> !e.failedAttempts().isEmpty()).toList();
    if (retried.isEmpty()) {
      return;
    }
    b.append(
        "<section id=\"attempts\">\n<h2>Failed attempts</h2>\n<table>\n<thead><tr><th>Instance</th>"
            + "<th class=\"num\">Attempt</th><th class=\"num\">Ran</th><th>Error</th></tr></thead>\n"
            + "<tbody>\n");
    for (StageExecution e : retried) {
      for (FailedAttempt a : e.failedAttempts()) {
        b.append("<tr><td><code>")
            .append(Html.escape(e.instance()))
            .append("</code></td><td class=\"num\">")
            .append(a.attempt())
            .append("</td><td class=\"num\">")
            .append(Html.escape(Format.millis(a.duration().toMillis())))
            .append("</td><td class=\"reason\">")
            .append(Html.escape(a.reason()))
            .append("</td></tr>\n");
      }
    }
    b.append("</tbody>\n</table>\n</section>\n");
  }

  /** One block per instance that logged, its last {@link #MAX_LINES} lines. */
  static void logs(StringBuilder b, String runId, List<StageLogEntry> logs) {
    if (logs.isEmpty()) {
      return;
    }
    Map<String, List<LogLine>> byInstance = new LinkedHashMap<>();
    for (StageLogEntry e : logs) {
      byInstance.computeIfAbsent(e.instance(), k -> new ArrayList<>()).add(e.line());
    }
    b.append("<section id=\"logs\">\n<h2>Stage logs</h2>\n");
    for (Map.Entry<String, List<LogLine>> e : byInstance.entrySet()) {
      List<LogLine> lines = e.getValue();
      int from = Math.max(0, lines.size() - MAX_LINES);
      b.append("<details id=\"")
          .append(Html.escape(anchor(e.getKey())))
          .append("\"><summary><code>")
          .append(Html.escape(e.getKey()))
          .append("</code> <span class=\"muted\">")
          .append(lines.size())
          .append(lines.size() == 1 ? " line" : " lines")
          .append("</span></summary>\n");
      if (from > 0) {
        b.append("<p class=\"muted\">")
            .append(from)
            .append(" earlier lines: <code>stagecraft logs ")
            .append(Html.escape(runId))
            .append(' ')
            .append(Html.escape(e.getKey()))
            .append("</code></p>\n");
      }
      b.append("<pre class=\"log\">");
      for (LogLine line : lines.subList(from, lines.size())) {
        b.append(Html.escape(Format.instant(line.at())))
            .append(' ')
            .append(Html.escape(line.level()))
            .append(line.attempt() > 1 ? " [attempt " + line.attempt() + "]" : "")
            .append(' ')
            .append(Html.escape(line.message()))
            .append('\n');
      }
      b.append("</pre>\n</details>\n");
    }
    b.append("</section>\n");
  }
}
