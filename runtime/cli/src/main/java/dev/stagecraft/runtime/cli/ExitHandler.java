package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.ResolvedParams;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.Slice;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.shared.SharedRun;
import dev.stagecraft.runtime.store.shared.SharedRuns;
import dev.stagecraft.runtime.store.shared.StageRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The exit handler of an exported run: every stage without a record gets the one Stagecraft would
 * have given it, decided from its upstream stages' records, its condition and its items as the
 * engine decides ({@link PipelineRunner#verdictOfSlice}): SKIPPED (Argo skipped or omitted it for a
 * skipped input, or its condition was false), UPSTREAM_FAILED (Argo omitted it after a failure),
 * SUCCEEDED for a fan-out without items. A stage that should have run but has no record (its pod
 * was killed, evicted, ran out of memory or past its deadline, or the workflow was stopped) is
 * FAILED saying so. Then the run's end is recorded.
 */
final class ExitHandler {
  /** The reason of a stage that should have run and recorded nothing. */
  static final String NO_OUTCOME =
      "no outcome was recorded: its pod ended without one (killed, evicted, out of memory, past"
          + " its deadline, or the workflow was stopped); see its pod's log";

  private final PipelineDefinition def;
  private final SharedRun run;
  private final SharedRuns runs;
  private final ResolvedParams params;
  private final UpstreamOutcomes outcomes;
  private final Function<SharedRun, RunOptions> options;

  ExitHandler(
      PipelineDefinition def,
      SharedRun run,
      SharedRuns runs,
      ResolvedParams params,
      UpstreamOutcomes outcomes,
      Function<SharedRun, RunOptions> options) {
    this.def = def;
    this.run = run;
    this.runs = runs;
    this.params = params;
    this.outcomes = outcomes;
    this.options = options;
  }

  /** Records every stage without a record, in dependency order, then the run's end. */
  void recordTheRest() {
    Map<String, StageRecord> recorded = runs.records(run.runId());
    for (StageSpec s : topologicalOrder()) {
      if (run.excluded().containsKey(s.name()) || recorded.containsKey(s.name())) {
        continue;
      }
      boolean anyInstance =
          recorded.values().stream().anyMatch(r -> r.stage().equals(s.name()) && r.index() != null);
      if (anyInstance) {
        recordMissingInstances(s);
        continue;
      }
      Optional<StageOutcome> verdict =
          PipelineRunner.verdictOfSlice(
              def,
              params,
              options.apply(run),
              new Slice(s.name(), Optional.empty(), 1, outcomes.of(s)));
      if (verdict.isPresent()) {
        StageOutcome o = verdict.get();
        record(StageExecution.notRun(s.name(), o.status(), o.reason()));
      } else if (s.fanOut().isPresent()) {
        recordMissingInstances(s);
      } else if (runs.awaitRecord(run.runId(), s.name(), StageCommand.VISIBILITY_WAIT).isEmpty()) {
        record(StageExecution.notRun(s.name(), StageStatus.FAILED, NO_OUTCOME));
      }
    }
    runs.end(run.runId(), System.currentTimeMillis());
  }

  /** The instances of a fan-out stage that ran without recording an outcome. */
  private void recordMissingInstances(StageSpec s) {
    int n = outcomes.instanceCount(s);
    Duration wait = StageCommand.VISIBILITY_WAIT;
    for (int i = 0; i < n; i++) {
      String instance = s.name() + "[" + i + "]";
      if (runs.awaitRecord(run.runId(), instance, wait).isEmpty()) {
        record(
            StageExecution.builder(instance, s.name())
                .index(i)
                .status(StageStatus.FAILED)
                .reason(NO_OUTCOME)
                .build());
        wait = Duration.ZERO; // waited once for what the file system had not shown yet
      }
    }
  }

  private void record(StageExecution e) {
    runs.record(
        run.runId(), StageRecord.of(e, Optional.empty(), List.of(), List.of(), Optional.empty()));
  }

  /** The stages with every upstream stage before them. */
  private List<StageSpec> topologicalOrder() {
    List<StageSpec> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (order.size() < def.stages().size()) {
      for (StageSpec s : def.stages()) {
        if (!placed.contains(s.name()) && placed.containsAll(s.upstream())) {
          order.add(s);
          placed.add(s.name());
        }
      }
    }
    return order;
  }
}
