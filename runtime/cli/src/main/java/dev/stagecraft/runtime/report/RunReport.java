package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.store.history.RecordedPlan;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.StageLogEntry;
import java.util.List;
import java.util.Optional;

/**
 * Everything a run report shows: the recorded run, its pipeline's graph, the small outputs of its
 * stages, the hyperparameter search histories in its outputs, what its stages logged, the plan it
 * followed, and notes on what could not be shown.
 */
public record RunReport(
    RunRecord run,
    StageGraph graph,
    List<OutputTable> outputs,
    List<TrialTable> trials,
    List<StageLogEntry> logs,
    Optional<RecordedPlan> plan,
    List<String> notes) {
  public RunReport {
    outputs = List.copyOf(outputs);
    trials = List.copyOf(trials);
    logs = List.copyOf(logs);
    java.util.Objects.requireNonNull(plan, "plan");
    notes = List.copyOf(notes);
  }
}
