package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.history.RunRecord;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts at the top of the page.
 *
 * @param started when the run started, formatted
 * @param duration how long it took, formatted; empty while it is not finished
 * @param resumedFrom the run it resumes, if any
 * @param counts how many executions ended in each state, in the states' order
 * @param hasLogs whether a stage logged something, for the page's link to the logs
 * @param hasSummary whether the run recorded summary lines
 * @param hasData whether an output described the data
 * @param hasModels whether an output held a trained model
 */
record RunHeader(
    String pipeline,
    String runId,
    StatusView status,
    String started,
    Optional<String> duration,
    Optional<String> resumedFrom,
    List<StatusCount> counts,
    boolean hasLogs,
    boolean hasSummary,
    boolean hasData,
    boolean hasModels) {

  /**
   * How many stage executions are in one state.
   *
   * @param count at least one
   */
  record StatusCount(StatusView status, int count) {}

  static RunHeader of(RunReport report, boolean hasLogs) {
    RunRecord run = report.run();
    Map<StageStatus, Integer> counts = new EnumMap<>(StageStatus.class);
    for (StageExecution e : run.stages()) {
      counts.merge(e.status(), 1, Integer::sum);
    }
    return new RunHeader(
        run.pipeline(),
        run.runId(),
        StatusView.of(run.status().name()),
        Format.instant(run.start()),
        run.end().map(end -> Format.millis(Duration.between(run.start(), end).toMillis())),
        run.resumedFrom(),
        counts.entrySet().stream()
            .map(c -> new StatusCount(StatusView.of(c.getKey().name()), c.getValue()))
            .toList(),
        hasLogs,
        !report.summary().isEmpty(),
        !report.data().isEmpty(),
        !report.models().isEmpty());
  }
}
