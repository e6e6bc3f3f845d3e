package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft run PIPELINE [-p name=value]... [--max-cpu N] [--max-memory 8Gi] [--gpus N]
 * [--store DIR] [--no-cache] [--fail-fast] [--json]}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a pipeline.")
final class RunCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Parameters(
      index = "0",
      paramLabel = "PIPELINE",
      description = "The pipeline's name (see 'stagecraft list').")
  String pipeline;

  @Option(
      names = "-p",
      paramLabel = "name=value",
      description = "A pipeline parameter, written as in @Default.")
  Map<String, String> params = new LinkedHashMap<>();

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

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "The run store (default: $STAGECRAFT_HOME or .stagecraft).")
  Path store;

  @Option(
      names = "--no-cache",
      description = "Run cached stages again instead of reusing stored outputs.")
  boolean noCache;

  @Option(names = "--fail-fast", description = "Cancel running stages as soon as one fails.")
  boolean failFast;

  @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() {
    PipelineDefinition def = cli.catalog().find(pipeline).definition();
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
    options = RunStore.attach(options, RunStore.directory(store, cli.env));

    // stage code that loads classes through the context class loader sees STAGECRAFT_CLASSPATH too
    Thread self = Thread.currentThread();
    ClassLoader previous = self.getContextClassLoader();
    self.setContextClassLoader(cli.catalog().classLoader());
    RunResult result;
    try {
      result = PipelineRunner.runText(def, params, options);
    } finally {
      self.setContextClassLoader(previous);
    }

    if (json) {
      cli.out.println(RunJson.of(result));
    } else {
      printTable(result);
    }
    return result.status() == RunStatus.SUCCEEDED ? 0 : StagecraftCli.RUN_FAILED;
  }

  private static long quantity(String option, java.util.function.LongSupplier parse) {
    try {
      return parse.getAsLong();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  private void printTable(RunResult r) {
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
