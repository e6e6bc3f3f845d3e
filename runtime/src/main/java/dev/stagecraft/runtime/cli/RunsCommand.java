package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.db.Database;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stagecraft runs [--pipeline P] [--limit N] [--store DIR] [--json]}: the recorded runs,
 * newest first, with their status, start, duration and how many stages succeeded or failed.
 * Exit 0, or 2 with one line on stderr when the store cannot be read.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "List recorded runs, newest first.")
public final class RunsCommand implements Callable<Integer> {
  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--pipeline", paramLabel = "P", description = "Only runs of this pipeline.")
  String pipeline;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
      description = "At most N runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (limit < 1) {
        throw new UserInputException("--limit " + limit + " must be at least 1");
      }
      Path dir = store.directory().toAbsolutePath().normalize();
      List<RunSummary> runs = Store.exists(dir)
          ? new HistoryQueries(Database.open(dir.resolve(Store.DATABASE_FILE))).runs(Optional.ofNullable(pipeline), limit)
          : List.of();
      if (json) {
        out.println(HistoryFormat.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(HistoryFormat.runsJson(runs)));
      } else if (runs.isEmpty()) {
        out.println("no runs" + (pipeline == null ? "" : " of pipeline '" + pipeline + "'") + " recorded in " + dir);
      } else {
        out.print(HistoryFormat.runsTable(runs));
      }
      out.flush();
      return 0;
    } catch (UserInputException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    }
  }
}
