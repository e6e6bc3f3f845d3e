package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.store.history.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the page template {@code src/main/jte/report/page.jte} shows, prepared from a {@link
 * RunReport}: texts formatted, rows in order, the two drawings built. The templates escape every
 * text; only the drawings are written as they are.
 *
 * @param notes what could not be shown, one paragraph each
 * @param reasons the executions that recorded why they failed or did not run
 * @param legend the states the graph's colours stand for
 * @param timeline empty when no stage started
 * @param trials the hyperparameter search histories in the run's outputs
 * @param attempts every failed attempt with its error
 * @param summary the lines the command line printed after the run
 * @param data what the outputs say of the data trained on
 * @param models the trained models in the outputs
 * @param params the run's parameters, sorted by name, with what each means
 * @param plan the plan the run followed
 * @param predictions each instance's and the makespan's predicted beside actual time
 * @param pipeline the pipeline's complexity and its figures over its latest runs
 * @param logs what each instance logged, its last lines
 */
record ReportPage(
    RunHeader header,
    List<String> notes,
    List<ReasonRow> reasons,
    List<AttemptsAndLogs.AttemptRow> attempts,
    List<String> summary,
    List<DataCard> data,
    List<ModelCard> models,
    Svg graph,
    List<StatusView> legend,
    Optional<Svg> timeline,
    List<OutputTable> outputs,
    List<TrialTable> trials,
    MetricsTable metrics,
    List<StageRow> stages,
    List<ParamRow> params,
    PlanSection plan,
    PredictionSection predictions,
    PipelineSection pipeline,
    List<AttemptsAndLogs.LogBlock> logs) {

  /**
   * One parameter of the run.
   *
   * @param value as the run received it; empty when it was empty
   * @param description what it means, empty when the definition is unknown
   */
  record ParamRow(String name, String value, String description) {}

  static ReportPage of(RunReport report) {
    RunRecord run = report.run();
    Map<String, List<StageExecution>> byStage = new LinkedHashMap<>();
    for (StageExecution e : run.stages()) {
      byStage.computeIfAbsent(e.stage(), k -> new ArrayList<>()).add(e);
    }
    Set<String> logged = AttemptsAndLogs.logged(report.logs());
    return new ReportPage(
        RunHeader.of(report, !logged.isEmpty()),
        report.notes(),
        run.stages().stream().filter(e -> !e.reason().isEmpty()).map(ReasonRow::of).toList(),
        AttemptsAndLogs.attempts(run),
        report.summary(),
        report.data(),
        report.models(),
        DagSvg.render(report.graph(), byStage),
        StatusStyle.legend().stream().map(StatusView::of).toList(),
        TimelineSvg.render(run.start(), runEnd(run), run.stages()),
        report.outputs(),
        report.trials(),
        MetricsTable.of(run.stages()),
        run.stages().stream().map(e -> StageRow.of(run.start(), e, logged)).toList(),
        run.params().entrySet().stream()
            .map(
                p ->
                    new ParamRow(
                        p.getKey(),
                        p.getValue(),
                        report.paramDescriptions().getOrDefault(p.getKey(), "")))
            .toList(),
        PlanSection.of(report.plan()),
        PredictionSection.of(run, report.plan()),
        PipelineSection.of(report.plan(), report.pipelineStats()),
        AttemptsAndLogs.logs(run.runId(), report.logs()));
  }

  /** The run's end, or its latest recorded time while it is not finished. */
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
}
