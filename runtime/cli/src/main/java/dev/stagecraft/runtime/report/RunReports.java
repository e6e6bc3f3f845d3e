package dev.stagecraft.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.optimize.PipelineStats;
import dev.stagecraft.runtime.plan.optimize.Prices;
import dev.stagecraft.runtime.plan.optimize.StatsRun;
import dev.stagecraft.runtime.store.StoreException;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.codec.JsonCodec;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.UnknownRunException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Reads what a report shows from a store (opened read-only): the run, the graph of its pipeline
 * (when the definition is known), its stages' JSON outputs (small ones as tables; search histories,
 * data summaries and trained models found in any up to {@link #MAX_HISTORY_OUTPUT_BYTES}), what
 * they logged, the plan the run followed and its summary lines.
 *
 * <pre>{@code
 * RunReport report = RunReports.load(Path.of(".stagecraft"), "20260102-0304", catalog::definition);
 * ReportWriter.write(report, Path.of("report.html"));
 * }</pre>
 */
public final class RunReports {
  /** Outputs stored as JSON up to this size are shown as tables. */
  public static final long MAX_OUTPUT_BYTES = 4096;

  /**
   * Outputs stored as JSON up to this size are searched for a hyperparameter search history (a
   * trained model's JSON holds the model too, so it is larger than a small output).
   */
  public static final long MAX_HISTORY_OUTPUT_BYTES = 64L << 20;

  private RunReports() {}

  /**
   * Loads the run whose id is or starts with {@code runId}.
   *
   * @param definitions the definition of a pipeline by name, empty when it is not on the class path
   * @throws UnknownRunException when the store has no such run, or the prefix is ambiguous
   */
  public static RunReport load(
      Path storeDir, String runId, Function<String, Optional<PipelineDefinition>> definitions) {
    Path dir = storeDir.toAbsolutePath().normalize();
    StoreReader store =
        StoreReader.openIfExists(dir)
            .orElseThrow(
                () ->
                    new UnknownRunException(
                        "no run '"
                            + runId
                            + "': the store "
                            + dir
                            + " has no runs yet;"
                            + " run a pipeline first, or pass --store DIR"));
    String id = store.queries().resolveRunId(runId);
    RunRecord run =
        store
            .queries()
            .run(id)
            .orElseThrow(
                () ->
                    new UnknownRunException(
                        "no run '"
                            + id
                            + "' in the store "
                            + dir
                            + "; list runs with: stagecraft runs"));
    return of(run, definitions.apply(run.pipeline()), store);
  }

  /** The report of a run read from a store. */
  public static RunReport of(
      RunRecord run, Optional<PipelineDefinition> definition, StoreReader store) {
    List<String> notes = new ArrayList<>();
    StageGraph graph =
        definition
            .map(d -> StageGraph.of(d, run.stages()))
            .orElseGet(() -> StageGraph.fromExecutions(run.stages()));
    if (definition.isEmpty()) {
      notes.add(
          "The pipeline '"
              + run.pipeline()
              + "' is not on the class path, so the graph shows the"
              + " recorded stages without their dependencies (add it with STAGECRAFT_CLASSPATH).");
    }
    List<OutputTable> outputs = new ArrayList<>();
    List<TrialTable> trials = new ArrayList<>();
    List<DataCard> data = new ArrayList<>();
    List<ModelCard> models = new ArrayList<>();
    for (Map.Entry<String, ArtifactRef> e : store.storedOutputs(run.runId()).entrySet()) {
      ArtifactRef ref = e.getValue();
      if (!ref.codec().equals(JsonCodec.ID) || ref.size() > MAX_HISTORY_OUTPUT_BYTES) {
        continue;
      }
      try {
        JsonNode value = (JsonNode) store.read(ref, JsonNode.class);
        if (ref.size() <= MAX_OUTPUT_BYTES) {
          OutputTable table = OutputTable.of(e.getKey(), value);
          if (!table.rows().isEmpty()) {
            outputs.add(table);
          }
        }
        TrialTable.of(e.getKey(), value).ifPresent(trials::add);
        DataCard.of(e.getKey(), value).ifPresent(data::add);
        ModelCard.of(e.getKey(), value).ifPresent(models::add);
      } catch (StoreException | ClassCastException unreadable) {
        notes.add("The output of " + e.getKey() + " could not be read: " + unreadable.getMessage());
      }
    }
    trials.sort(Comparator.comparing(TrialTable::instance));
    models.sort(Comparator.comparing(ModelCard::instance));
    Map<String, String> descriptions = new LinkedHashMap<>();
    definition.ifPresent(
        d ->
            d.params()
                .forEach(
                    p -> {
                      if (!p.description().isEmpty()) {
                        descriptions.put(p.name(), p.description());
                      }
                    }));
    return new RunReport(
        run,
        graph,
        outputs,
        trials,
        store.queries().logs(run.runId(), Optional.empty()),
        store.queries().plan(run.runId()),
        notes,
        store.queries().summary(run.runId()),
        data,
        models,
        descriptions,
        Optional.of(pipelineStats(run.pipeline(), definition, store)));
  }

  /** The pipeline's figures over its latest runs in the store, at the default prices. */
  private static PipelineStats pipelineStats(
      String pipeline, Optional<PipelineDefinition> definition, StoreReader store) {
    List<StatsRun> runs =
        store.queries().statsRuns(pipeline, HistoryQueries.RECENT_RUNS, definition);
    return PipelineStats.of(
        runs,
        definition.map(d -> d.stages().stream().map(StageSpec::name).toList()).orElse(List.of()),
        Prices.DEFAULTS,
        OptionalDouble.empty());
  }
}
