package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.store.history.HistoryJson;
import dev.stagecraft.runtime.store.history.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft runs [--pipeline P] [--limit N] [--store DIR] [--json]}: the recorded runs,
 * newest first, with their status (a run whose process died is INTERRUPTED), start, duration and
 * how many stages succeeded or failed. Opens the store read-only; warns on stderr when its database
 * is damaged. Exit 0, or 2 with one line on stderr when the store cannot be read.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List recorded runs, newest first.")
final class RunsCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--pipeline", paramLabel = "P", description = "Only runs of this pipeline.")
  String pipeline;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most N runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      throw new UsageException("--limit " + limit + " must be at least 1");
    }
    Path dir = store.directory(cli.env);
    List<RunSummary> runs =
        StoreOption.reader(dir, cli.err)
            .map(reader -> reader.queries().runs(Optional.ofNullable(pipeline), limit))
            .orElse(List.of());
    if (json) {
      cli.out.println(
          HistoryFormat.JSON
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(HistoryJson.runsJson(runs)));
    } else if (runs.isEmpty()) {
      cli.out.println(
          "no runs"
              + (pipeline == null ? "" : " of pipeline '" + pipeline + "'")
              + " recorded in "
              + dir);
    } else {
      cli.out.print(HistoryFormat.runsTable(runs));
    }
    return 0;
  }
}
