package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.history.HistoryJson;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RecordedPlan;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.UnknownRunException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * {@code stagecraft show RUN_ID [--store DIR] [--json]}: one run with every stage execution
 * (status, attempts, duration, item label, metrics, reason; a running stage's latest progress
 * message), its failed attempts with their errors, who runs it (or which process stopped, for an
 * INTERRUPTED run), and the plan it followed (profile, template, each stage's changes and their
 * rules). A unique prefix of the id is enough. Opens the store read-only. Exit 0, or 2 with one
 * line ("error: ...") on stderr for an unknown or ambiguous id.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a run and its stage executions.")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Mixin StoreOption store = new StoreOption();

  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      description = "The run's id, or a unique prefix of it.")
  String runId;

  @Option(
      names = "--json",
      description = "Print JSON (the shape of run --json, plus params, start and end).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Path dir = store.directory(cli.env);
    HistoryQueries queries =
        StoreOption.reader(dir, cli.err)
            .map(StoreReader::queries)
            .orElseThrow(
                () ->
                    new UnknownRunException(
                        "no run '"
                            + runId
                            + "': the store "
                            + dir
                            + " has no runs yet; run a pipeline first, or pass --store DIR"));
    String id = queries.resolveRunId(runId);
    RunRecord run =
        inDeclarationOrder(
            queries
                .run(id)
                .orElseThrow(
                    () ->
                        new UnknownRunException(
                            "no run '"
                                + id
                                + "' in the store "
                                + dir
                                + "; list runs with: stagecraft runs")));
    Optional<RecordedPlan> plan = queries.plan(id);
    Map<String, String> progress = queries.progress(id);
    if (json) {
      cli.out.println(
          HistoryFormat.JSON
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(HistoryJson.runJson(run, progress, plan)));
    } else {
      cli.out.print(HistoryFormat.runText(run, progress, plan));
      cli.out.println();
      cli.out.print(HistoryFormat.planText(plan));
    }
    return 0;
  }

  /**
   * The run with its stages in declaration order (fan-out instances by index), as {@code run} lists
   * them, when the pipeline is on the classpath; else in the order they were recorded.
   */
  private RunRecord inDeclarationOrder(RunRecord run) {
    return cli.catalog()
        .definitionOf(run.pipeline())
        .map(
            def -> {
              List<String> order = def.stages().stream().map(StageSpec::name).toList();
              List<StageExecution> stages = new ArrayList<>(run.stages());
              stages.sort(
                  Comparator.comparingInt((StageExecution e) -> order.indexOf(e.stage()))
                      .thenComparingInt(e -> e.index().orElse(-1)));
              return run.withStages(stages);
            })
        .orElse(run);
  }
}
