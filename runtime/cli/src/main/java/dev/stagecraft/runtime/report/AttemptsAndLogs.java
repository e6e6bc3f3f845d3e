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
import java.util.Set;
import java.util.TreeSet;

/**
 * The report's rows on failed attempts (each with its error) and its blocks of what each stage
 * logged (the last {@value #MAX_LINES} lines per instance; {@code stagecraft logs} prints all of
 * it), for the templates {@code attempts.jte} and {@code logs.jte}.
 */
final class AttemptsAndLogs {
  /** The most log lines per instance the page shows. */
  static final int MAX_LINES = 200;

  private AttemptsAndLogs() {}

  /**
   * One failed attempt.
   *
   * @param ran how long the attempt ran, formatted
   */
  record AttemptRow(String instance, int attempt, String ran, String reason) {}

  /**
   * What one instance logged.
   *
   * @param anchor the block's element id, which the stage table links to
   * @param total how many lines the instance logged
   * @param earlier how many of them the page leaves out (the first ones)
   * @param command the command that prints every line
   * @param lines the lines shown, formatted
   */
  record LogBlock(
      String instance, String anchor, int total, int earlier, String command, List<String> lines) {}

  /** The anchor of an instance's log, e.g. {@code log-train[1]}. */
  static String anchor(String instance) {
    return "log-" + instance;
  }

  /** The instances that logged something. */
  static Set<String> logged(List<StageLogEntry> logs) {
    Set<String> instances = new TreeSet<>();
    logs.forEach(e -> instances.add(e.instance()));
    return instances;
  }

  /** Every failed attempt of the run, in stage order, with its reason. */
  static List<AttemptRow> attempts(RunRecord run) {
    List<AttemptRow> rows = new ArrayList<>();
    for (StageExecution e : run.stages()) {
      for (FailedAttempt a : e.failedAttempts()) {
        rows.add(
            new AttemptRow(
                e.instance(), a.attempt(), Format.millis(a.duration().toMillis()), a.reason()));
      }
    }
    return rows;
  }

  /** One block per instance that logged, with its last {@link #MAX_LINES} lines. */
  static List<LogBlock> logs(String runId, List<StageLogEntry> logs) {
    Map<String, List<LogLine>> byInstance = new LinkedHashMap<>();
    for (StageLogEntry e : logs) {
      byInstance.computeIfAbsent(e.instance(), k -> new ArrayList<>()).add(e.line());
    }
    List<LogBlock> blocks = new ArrayList<>();
    for (Map.Entry<String, List<LogLine>> e : byInstance.entrySet()) {
      List<LogLine> lines = e.getValue();
      int from = Math.max(0, lines.size() - MAX_LINES);
      List<String> shown = new ArrayList<>();
      for (LogLine line : lines.subList(from, lines.size())) {
        shown.add(
            Format.instant(line.at())
                + ' '
                + line.level()
                + (line.attempt() > 1 ? " [attempt " + line.attempt() + "]" : "")
                + ' '
                + line.message());
      }
      blocks.add(
          new LogBlock(
              e.getKey(),
              anchor(e.getKey()),
              lines.size(),
              from,
              "stagecraft logs " + runId + " " + e.getKey(),
              shown));
    }
    return blocks;
  }
}
