package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.engine.LogLine;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.StageLogEntry;
import dev.stagecraft.runtime.store.history.UnknownRunException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft logs RUN_ID [STAGE] [--store DIR]}: what the run's stages logged through their
 * {@code StageContext.logger()}, with the stack trace of every failed attempt, as stored with each
 * execution: all stages, one stage (every instance) or one instance ({@code train[1]}). Opens the
 * store read-only. Exit 0, or 2 with one line for an unknown run or stage.
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print what a run's stages logged, as stored with their executions.")
final class LogsCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @ParentCommand StagecraftCli cli;

  @Mixin StoreOption store = new StoreOption();

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run (or a unique id prefix).")
  String runId;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "STAGE",
      description = "A stage (all its instances) or an instance such as train[1]; default: all.")
  String stage;

  @Override
  public Integer call() {
    Path dir = store.directory(cli.env);
    HistoryQueries queries =
        StoreOption.reader(dir)
            .map(StoreReader::queries)
            .orElseThrow(
                () ->
                    new UnknownRunException(
                        "no run '" + runId + "': the store " + dir + " has no runs yet"));
    RunRecord run =
        queries
            .run(queries.resolveRunId(runId))
            .orElseThrow(() -> new UnknownRunException("no run '" + runId + "' in " + dir));
    if (stage != null) {
      Set<String> names = new LinkedHashSet<>();
      for (StageExecution e : run.stages()) {
        names.add(e.stage());
        names.add(e.instance());
      }
      if (!names.contains(stage)) {
        throw new UsageException(
            "run "
                + run.runId()
                + " has no stage '"
                + stage
                + "'"
                + Suggestions.didYouMean(stage, names)
                + "; its stages: "
                + String.join(", ", names));
      }
    }
    List<StageLogEntry> lines = queries.logs(run.runId(), Optional.ofNullable(stage));
    if (lines.isEmpty()) {
      cli.out.println(
          (stage == null ? "the stages of run " : "stage " + stage + " of run ")
              + run.runId()
              + " logged nothing");
      return 0;
    }
    for (StageLogEntry e : lines) {
      LogLine l = e.line();
      cli.out.println(
          TIME.format(l.at())
              + " "
              + e.instance()
              + (l.attempt() > 1 ? " (attempt " + l.attempt() + ")" : "")
              + " "
              + l.level()
              + " "
              + l.message());
    }
    return 0;
  }
}
