package dev.stagecraft.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.runtime.plan.Cost;
import dev.stagecraft.runtime.plan.optimize.PipelineStats;
import dev.stagecraft.runtime.store.history.RecordedPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report's section of the pipeline's metrics, for {@code pipeline.jte}: its complexity as the
 * run's plan measured it, then its figures over its latest runs in the store (as {@code stagecraft
 * stats} prints them).
 *
 * @param complexity the plan's complexity metrics as label and value; empty without a plan
 * @param runs how many runs the figures are over; 0 when the store has none
 * @param figures label and value of each figure
 */
record PipelineSection(List<Item> complexity, int runs, List<Item> figures) {

  /** A label and its value. */
  record Item(String label, String value) {}

  static PipelineSection of(Optional<RecordedPlan> plan, Optional<PipelineStats> stats) {
    List<Item> complexity = new ArrayList<>();
    plan.map(p -> p.plan().path("metrics"))
        .filter(JsonNode::isObject)
        .ifPresent(
            m -> {
              complexity.add(new Item("Shape", m.path("shape").asText()));
              complexity.add(new Item("Stages", m.path("nodeCount").asText()));
              complexity.add(
                  new Item("Dependency density", fixed(m.path("dependencyDensity").asDouble())));
              complexity.add(
                  new Item("Conditional branches", m.path("conditionalBranches").asText()));
              complexity.add(
                  new Item(
                      "Resource variability", fixed(m.path("resourceVariability").asDouble())));
              complexity.add(
                  new Item("Complexity score", fixed(m.path("complexityScore").asDouble())));
            });
    List<Item> figures = new ArrayList<>();
    int runs = stats.map(PipelineStats::runs).orElse(0);
    if (runs > 0) {
      PipelineStats s = stats.get();
      figures.add(
          new Item(
              "Observed success rate",
              rate(s.observedSuccessRate())
                  + " ("
                  + s.succeededRuns()
                  + " of "
                  + s.endedRuns()
                  + " runs)"));
      figures.add(
          new Item(
              "Pipeline_Success_Rate",
              fixed(s.pipelineSuccessRate())
                  + " = prod(s_i) "
                  + fixed(s.firstAttemptProduct())
                  + " \u00d7 Retry_Success_Factor "
                  + rate(s.retrySuccessFactor())));
      figures.add(
          new Item(
              "MTTR",
              (s.mttrSeconds().isPresent()
                      ? Format.seconds(s.mttrSeconds().getAsDouble())
                      : "\u2013")
                  + (s.unrecovered() > 0 ? " (" + s.unrecovered() + " never recovered)" : "")));
      figures.add(
          new Item(
              "Duration p50 / p90", seconds(s.p50Seconds()) + " / " + seconds(s.p90Seconds())));
      figures.add(new Item("Utilization", rate(s.utilization())));
      Cost c = s.costPerRun();
      figures.add(
          new Item(
              "Cost per run",
              c.currency()
                  + " "
                  + Format.number(c.total())
                  + " (compute "
                  + Format.number(c.compute())
                  + ", storage "
                  + Format.number(c.storage())
                  + ", network "
                  + Format.number(c.network())
                  + ")"));
    }
    return new PipelineSection(complexity, runs, figures);
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String rate(OptionalDouble v) {
    return v.isPresent() ? fixed(v.getAsDouble()) : "\u2013";
  }

  private static String seconds(OptionalDouble v) {
    return v.isPresent() ? Format.seconds(v.getAsDouble()) : "\u2013";
  }
}
