package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineFingerprint;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.plan.optimize.Prices;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RecordedPlan;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.plan.PlanJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft resume RUN_ID [--force] [run options]}: runs a failed, cancelled or interrupted
 * run's pipeline again with its parameters and the profile, template and environment of its plan,
 * reusing the stored outputs of the stages that succeeded (they end CACHED). Refused while another
 * process runs or resumes it (naming host and process), once it was resumed already, and, without
 * {@code --force}, when the pipeline's definition changed since the run (saying what changed).
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Continue a failed, cancelled or interrupted run, reusing what it finished.")
final class ResumeCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run (or a unique id prefix).")
  String runId;

  @Option(
      names = "--force",
      description = "Resume even though the pipeline's definition changed since the run.")
  boolean force;

  @Mixin RunSettings settings = new RunSettings();

  @Override
  public Integer call() {
    Path dir = settings.store.directory(cli.env);
    HistoryQueries queries =
        StoreOption.reader(dir)
            .map(StoreReader::queries)
            .orElseThrow(
                () -> new UsageException("no store at " + dir + ": pass --store DIR of the run"));
    RunRecord run =
        queries
            .run(queries.resolveRunId(runId))
            .orElseThrow(() -> new UsageException("no run '" + runId + "' in " + dir));
    PipelineDefinition def = cli.catalog().runnable(run.pipeline());
    List<String> changes =
        queries
            .definition(run.runId())
            .map(recorded -> PipelineFingerprint.of(def).changesSince(recorded))
            .orElse(List.of());
    if (!changes.isEmpty()) {
      String what =
          "pipeline '"
              + run.pipeline()
              + "' changed since run "
              + run.runId()
              + ": "
              + String.join("; ", changes);
      if (!force) {
        throw new UsageException(
            what
                + "; its stored outputs may not fit the new definition: pass --force to resume"
                + " anyway, or start a new run");
      }
      cli.err.println("warning: " + what + "; resuming anyway (--force)");
    }
    return settings.execute(cli, def, inputs(queries, run), run.runId());
  }

  /**
   * The run's parameters and the profile, template, environment, right-sizing and prices of the
   * plan it recorded (none for a run recorded without one): the resumed run follows the same plan.
   */
  private static PlanInputs inputs(HistoryQueries queries, RunRecord run) {
    Optional<RecordedPlan> recorded = queries.plan(run.runId());
    Map<String, String> facts = new LinkedHashMap<>();
    recorded.ifPresent(
        r ->
            r.plan()
                .path("profile")
                .fields()
                .forEachRemaining(f -> facts.put(f.getKey(), f.getValue().asText())));
    return new PlanInputs(
        Profile.parse(facts),
        recorded.flatMap(RecordedPlan::template).map(Path::of),
        recorded.flatMap(RecordedPlan::environment),
        run.params(),
        recorded.map(r -> PlanJson.optimized(r.plan())).orElse(false),
        recorded.flatMap(r -> PlanJson.prices(r.plan())).orElse(Prices.DEFAULTS));
  }
}
