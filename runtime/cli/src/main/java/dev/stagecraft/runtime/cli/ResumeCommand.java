package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RunRecord;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft resume RUN_ID [run options]}: runs a failed or killed run's pipeline again with
 * its parameters, reusing the stored outputs of the stages that succeeded (they end CACHED).
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Continue a failed or killed run, reusing what it finished.")
final class ResumeCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run (or a unique id prefix).")
  String runId;

  @Mixin RunSettings settings = new RunSettings();

  @Override
  public Integer call() {
    Path dir = settings.store.directory(cli.env);
    HistoryQueries queries =
        StoreOption.history(dir)
            .orElseThrow(
                () -> new UsageException("no store at " + dir + ": pass --store DIR of the run"));
    RunRecord run =
        queries
            .run(queries.resolveRunId(runId))
            .orElseThrow(() -> new UsageException("no run '" + runId + "' in " + dir));
    PipelineDefinition def = cli.catalog().runnable(run.pipeline());
    Map<String, String> params = run.params();
    return settings.execute(cli, def, params, run.runId());
  }
}
