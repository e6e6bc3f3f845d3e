package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.PlanMetrics;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.Planner;
import dev.stagecraft.runtime.plan.optimize.PipelineStats;
import dev.stagecraft.runtime.plan.optimize.Prices;
import dev.stagecraft.runtime.plan.optimize.StatsRun;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft stats PIPELINE [--last N] [--business-value V] [--prices F] [--store DIR]
 * [--json]}: a pipeline's figures over its latest runs ({@link PipelineStats}): its complexity,
 * success rates per stage and for the pipeline beside the observed rate, MTTR, p50 and p90
 * durations, utilization, cost per run and, with a business value, cost efficiency. Opens the store
 * read-only; a pipeline without runs is not an error.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description =
        "A pipeline's figures over its latest runs: complexity, success rates, MTTR, durations,"
            + " utilization, cost.")
final class StatsCommand implements Callable<Integer> {
  /** The runs read when {@code --last} is not given: as many as predictions read. */
  static final int DEFAULT_LAST = HistoryQueries.RECENT_RUNS;

  @ParentCommand StagecraftCli cli;

  @Parameters(
      index = "0",
      paramLabel = "PIPELINE",
      description = "The pipeline's name (see 'stagecraft list').")
  String pipeline;

  @Option(
      names = "--last",
      paramLabel = "N",
      description = "Read the pipeline's latest N runs (default " + DEFAULT_LAST + ").")
  int last = DEFAULT_LAST;

  @Option(
      names = "--business-value",
      paramLabel = "V",
      description = "What one run is worth, in the prices' currency: adds the cost efficiency.")
  Double businessValue;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description = "A YAML file of prices for the cost per run (as plan --prices).")
  Path prices;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Mixin StoreOption store = new StoreOption();

  @Override
  public Integer call() throws Exception {
    if (last < 1) {
      throw new UsageException(
          "--last " + last + " reads no run: give the number of latest runs to read, 1 or more");
    }
    if (businessValue != null && (businessValue < 0 || businessValue.isNaN())) {
      throw new UsageException(
          "--business-value " + businessValue + " must be 0 or more: what one run is worth");
    }
    Prices at = prices == null ? Prices.DEFAULTS : ConfigFiles.prices(prices);
    Path dir = store.directory(cli.env);
    Optional<StoreReader> reader = StoreOption.reader(dir, cli.err);
    Optional<PipelineDefinition> def = cli.catalog().definitionOf(pipeline);
    List<StatsRun> runs =
        reader.map(r -> r.queries().statsRuns(pipeline, last, def)).orElse(List.of());
    if (def.isEmpty() && runs.isEmpty()) {
      cli.catalog().find(pipeline); // an unknown name: one line with a suggestion
    }
    List<String> order =
        def.map(d -> d.stages().stream().map(StageSpec::name).toList()).orElse(List.of());
    PipelineStats stats =
        PipelineStats.of(
            runs,
            order,
            at,
            businessValue == null ? OptionalDouble.empty() : OptionalDouble.of(businessValue));
    Optional<PlanMetrics> metrics =
        def.map(d -> Planner.plan(d, PlanRequest.of(RunOptions.defaults().capacity())).metrics());
    if (json) {
      cli.out.println(
          HistoryFormat.JSON
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(StatsFormat.json(pipeline, last, stats, metrics, at, runs)));
    } else {
      cli.out.print(StatsFormat.text(pipeline, last, stats, metrics, at, runs, dir));
    }
    return 0;
  }
}
