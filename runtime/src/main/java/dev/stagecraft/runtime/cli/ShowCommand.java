package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.UnknownRunException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft show RUN_ID [--store DIR] [--json]}: one run with every stage execution
 * (status, attempts, duration, item, metrics, reason). A unique prefix of the id is enough. Exit 0,
 * or 2 with one line ("error: ...") on stderr for an unknown or ambiguous id.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show a run and its stage executions.")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Mixin StoreOption store = new StoreOption();

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id, or a unique prefix of it.")
  String runId;

  @Option(names = "--json", description = "Print JSON (the shape of run --json, plus params, start and end).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Path dir = store.directory(cli.env);
    HistoryQueries queries = StoreOption.history(dir).orElseThrow(() -> new UnknownRunException(
        "no run '" + runId + "': the store " + dir + " has no runs yet; run a pipeline first, or pass --store DIR"));
    String id = queries.resolveRunId(runId);
    RunRecord run = queries.run(id).orElseThrow(() -> new UnknownRunException("no run '" + id + "' in the store "
        + dir + "; list runs with: stagecraft runs"));
    if (json) {
      cli.out.println(HistoryFormat.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(HistoryFormat.runJson(run)));
    } else {
      cli.out.print(HistoryFormat.runText(run));
    }
    return 0;
  }
}
