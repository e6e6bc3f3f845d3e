package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.Summarizable;
import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code run} and {@code resume} share (capacity, store, caching, fail-fast, output),
 * and how both execute a pipeline with them.
 */
final class RunSettings {
  @Option(
      names = "--max-cpu",
      paramLabel = "N",
      description = "CPU capacity: cores (4, 1.5) or millicores (500m).")
  String maxCpu;

  @Option(
      names = "--max-memory",
      paramLabel = "QUANTITY",
      description = "Memory capacity, e.g. 8Gi.")
  String maxMemory;

  @Option(names = "--gpus", paramLabel = "N", description = "GPU capacity (default 0).")
  Integer gpus;

  @Mixin StoreOption store = new StoreOption();

  @Option(
      names = "--no-cache",
      description = "Run cached stages again instead of reusing stored outputs.")
  boolean noCache;

  @Option(names = "--fail-fast", description = "Cancel running stages as soon as one fails.")
  boolean failFast;

  @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
  boolean json;

  /**
   * Runs the pipeline with these settings, recording it in the store; {@code resumedRun} names the
   * run whose stored outputs are reused, or is null. Returns the exit code.
   */
  int execute(
      StagecraftCli cli, PipelineDefinition def, Map<String, String> params, String resumedRun) {
    RunOptions options = RunOptions.defaults().withFailFast(failFast).withUseCache(!noCache);
    if (maxCpu != null) {
      options = options.withMaxMilliCpu(quantity("--max-cpu", () -> Quantities.cpuMillis(maxCpu)));
    }
    if (maxMemory != null) {
      options =
          options.withMaxMemoryBytes(
              quantity("--max-memory", () -> Quantities.memoryBytes(maxMemory)));
    }
    if (gpus != null) {
      if (gpus < 0) {
        throw new UsageException("--gpus " + gpus + " must not be negative");
      }
      options = options.withGpus(gpus);
    }
    options =
        options.withListener(cli.terminal ? new LiveProgress(cli.err) : new LogProgress(cli.err));
    RunResult result;
    List<String> summary;
    try (Store runStore = Store.open(store.directory(cli.env))) {
      RunOptions attached = runStore.attach(options, def.name());
      RunOptions finalOptions =
          resumedRun == null ? attached : runStore.resume(attached, resumedRun);
      result = withContextLoader(cli, () -> PipelineRunner.runText(def, params, finalOptions));
      summary = summaryLines(result);
      if (!summary.isEmpty()) {
        runStore.history().summary(result.runId(), summary);
      }
    }
    if (json) {
      cli.out.println(RunJson.of(result));
    } else {
      printTable(cli, result);
      printSummary(cli, result, summary);
    }
    if (result.status() == RunStatus.SUCCEEDED) {
      return 0;
    }
    Optional<StageOutcome> badInput =
        result.stages().stream().filter(o -> o.inputError().isPresent()).findFirst();
    if (badInput.isPresent()) {
      StageOutcome o = badInput.get();
      cli.err.println(
          "error: " + StagecraftCli.oneLine(o.inputError().get()) + " (stage '" + o.name() + "')");
      return StagecraftCli.USAGE;
    }
    return StagecraftCli.RUN_FAILED;
  }

  /**
   * The lines every {@link Summarizable} stage output contributes, in stage order (recorded in the
   * run history for the report).
   */
  private static List<String> summaryLines(RunResult r) {
    List<String> lines = new ArrayList<>();
    for (StageOutcome o : r.stages()) {
      if (o.status().hasOutput() && o.output().orElse(null) instanceof Summarizable s) {
        for (String line : s.summaryLines()) {
          lines.add(StagecraftCli.oneLine(line));
        }
      }
    }
    return lines;
  }

  /** The summary lines, then where the run's report is when the {@code report} command exists. */
  private static void printSummary(StagecraftCli cli, RunResult r, List<String> lines) {
    if (!lines.isEmpty()) {
      cli.out.println();
      cli.out.println("summary");
      lines.forEach(line -> cli.out.println("  " + line));
    }
    if (cli.hasCommand("report")) {
      cli.out.println();
      cli.out.println("report: ./stagecraft report " + r.runId() + " -o report.html");
    }
  }

  /**
   * Runs with the context class loader seeing STAGECRAFT_CLASSPATH, for stage code that uses it.
   */
  private static RunResult withContextLoader(
      StagecraftCli cli, java.util.function.Supplier<RunResult> run) {
    Thread self = Thread.currentThread();
    ClassLoader previous = self.getContextClassLoader();
    self.setContextClassLoader(cli.catalog().classLoader());
    try {
      return run.get();
    } finally {
      self.setContextClassLoader(previous);
    }
  }

  private static long quantity(String option, LongSupplier parse) {
    try {
      return parse.getAsLong();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  private static void printTable(StagecraftCli cli, RunResult r) {
    cli.out.println("run " + r.runId() + " of '" + r.pipeline() + "': " + r.status());
    int width = Math.max(5, r.stages().stream().mapToInt(o -> o.name().length()).max().orElse(0));
    String row = "  %-" + width + "s  %-15s  %8s  %9s  %s";
    cli.out.println(
        String.format(row, "STAGE", "STATUS", "ATTEMPTS", "TIME", "REASON").stripTrailing());
    for (StageOutcome o : r.stages()) {
      cli.out.println(
          String.format(row, o.name(), o.status(), o.attempts(), o.durationMs() + " ms", o.reason())
              .stripTrailing());
    }
  }
}
