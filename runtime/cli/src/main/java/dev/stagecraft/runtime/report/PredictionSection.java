package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.store.history.RecordedPlan;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.plan.PlanJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report's section of predicted beside actual times, for {@code predictions.jte}: each instance
 * that ran, what the plan predicted for it and how far that was, and the same for the makespan.
 *
 * @param recorded whether the run recorded a plan with predictions
 * @param makespan the run's predicted and actual makespan, when both are known
 * @param rows one per instance that started, in the run's order
 */
record PredictionSection(boolean recorded, Optional<Row> makespan, List<Row> rows) {

  /**
   * One thing predicted and measured.
   *
   * @param error {@code +5.0%}: predicted over actual, minus one; a dash when actual is 0
   * @param basis how the prediction was made
   */
  record Row(
      String name,
      String predicted,
      String actual,
      String error,
      String confidence,
      String basis) {}

  static PredictionSection of(RunRecord run, Optional<RecordedPlan> plan) {
    if (plan.isEmpty()) {
      return new PredictionSection(false, Optional.empty(), List.of());
    }
    Map<String, PlanJson.StagePrediction> predicted = PlanJson.predictions(plan.get().plan());
    List<Row> rows = new ArrayList<>();
    for (StageExecution e : run.stages()) {
      OptionalDouble p = PlanJson.predictedSeconds(e, predicted);
      if (p.isPresent()) {
        PlanJson.StagePrediction stage = predicted.get(e.stage());
        rows.add(
            row(
                e.instance(),
                p.getAsDouble(),
                e.wallMs() / 1000.0,
                String.format(Locale.ROOT, "%.2f", stage.confidence()),
                stage.basis()));
      }
    }
    OptionalDouble m = PlanJson.makespan(plan.get().plan());
    Optional<Row> makespan =
        m.isPresent() && run.end().isPresent()
            ? Optional.of(
                row(
                    "makespan",
                    m.getAsDouble(),
                    Duration.between(run.start(), run.end().get()).toMillis() / 1000.0,
                    "",
                    "the engine's scheduling simulated on the predicted durations"))
            : Optional.empty();
    return new PredictionSection(true, makespan, rows);
  }

  private static Row row(
      String name, double predicted, double actual, String confidence, String basis) {
    return new Row(
        name,
        Format.seconds(predicted),
        Format.seconds(actual),
        actual > 0
            ? String.format(Locale.ROOT, "%+.1f%%", 100 * (predicted / actual - 1))
            : "\u2013",
        confidence,
        basis);
  }
}
