package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.plan.optimize.PipelineStats;
import dev.stagecraft.runtime.store.history.RecordedPlan;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.StageLogEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run report shows: the recorded run, its pipeline's graph, the small outputs of its
 * stages, the hyperparameter search histories, data summaries and trained models in its outputs,
 * what its stages logged, the plan it followed, the summary lines the command line printed, what
 * each parameter means, the pipeline's figures over its latest runs, and notes on what could not be
 * shown.
 *
 * @param paramDescriptions each parameter's description, when the pipeline's definition is known
 * @param pipelineStats the pipeline's figures over its latest runs in the store
 */
public record RunReport(
    RunRecord run,
    StageGraph graph,
    List<OutputTable> outputs,
    List<TrialTable> trials,
    List<StageLogEntry> logs,
    Optional<RecordedPlan> plan,
    List<String> notes,
    List<String> summary,
    List<DataCard> data,
    List<ModelCard> models,
    Map<String, String> paramDescriptions,
    Optional<PipelineStats> pipelineStats) {
  public RunReport {
    outputs = List.copyOf(outputs);
    trials = List.copyOf(trials);
    logs = List.copyOf(logs);
    java.util.Objects.requireNonNull(plan, "plan");
    notes = List.copyOf(notes);
    summary = List.copyOf(summary);
    data = List.copyOf(data);
    models = List.copyOf(models);
    paramDescriptions = Map.copyOf(paramDescriptions);
    java.util.Objects.requireNonNull(pipelineStats, "pipelineStats");
  }
}
