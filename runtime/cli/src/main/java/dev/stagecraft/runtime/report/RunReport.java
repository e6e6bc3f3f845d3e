package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.store.history.RunRecord;
import java.util.List;

/**
 * Everything a run report shows: the recorded run, its pipeline's graph, the small outputs of its
 * stages, and notes on what could not be shown.
 */
public record RunReport(
    RunRecord run, StageGraph graph, List<OutputTable> outputs, List<String> notes) {
  public RunReport {
    outputs = List.copyOf(outputs);
    notes = List.copyOf(notes);
  }
}
