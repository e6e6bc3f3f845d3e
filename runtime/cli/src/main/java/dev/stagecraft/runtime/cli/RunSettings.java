package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.plan.InvalidPlanException;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlannedRun;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code run} and {@code resume} share (capacity, store, caching, fail-fast, output),
 * and how both plan and execute a pipeline with them.
 */
final class RunSettings {
  @Mixin CapacityOptions capacity = new CapacityOptions();

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
   * Plans the run from {@code inputs} (its predictions from the store's history) and runs the plan
   * with these settings, recording the run and its plan in the store; {@code resumedRun} names the
   * run whose stored outputs are reused, or is null. Returns the exit code.
   *
   * @throws InvalidPlanException when the plan has problems: the run does not start
   */
  int execute(StagecraftCli cli, PipelineDefinition def, PlanInputs inputs, String resumedRun) {
    RunOptions options =
        capacity
            .apply(RunOptions.defaults())
            .withFailFast(failFast)
            .withUseCache(!noCache)
            .withClassLoader(cli.catalog().classLoader());
    Path dir = store.directory(cli.env);
    Plan plan = inputs.plan(def, options.capacity(), StoreOption.history(dir, def.name()));
    if (!plan.valid()) {
      throw new InvalidPlanException(plan);
    }
    options =
        options.withListener(cli.terminal ? new LiveProgress(cli.err) : new LogProgress(cli.err));
    RunResult result;
    List<String> summary;
    StoreException unrecorded = null;
    Store runStore = Store.open(dir, StoreOption.settings(cli.env));
    CancelOnShutdown cancel = CancelOnShutdown.install();
    try {
      RunOptions attached =
          runStore.recordPlan(runStore.attach(options, def.name()), plan, inputs.template());
      RunOptions finalOptions =
          resumedRun == null ? attached : runStore.resume(attached, resumedRun);
      result = PlannedRun.run(def, plan, finalOptions);
      Thread.interrupted(); // a Ctrl-C or SIGTERM cancelled the run through this thread: it ended
      summary = result.summaryLines();
      try {
        if (!summary.isEmpty()) {
          runStore.history().summary(result.runId(), summary);
        }
        runStore.history().flush();
      } catch (StoreException e) {
        unrecorded = e;
      }
    } finally {
      try {
        runStore.close(); // releases the run's lease
      } catch (StoreException e) {
        if (unrecorded == null) {
          unrecorded = e;
        }
      }
      cancel.recorded();
    }
    if (json) {
      cli.out.println(RunJson.of(result));
    } else {
      printTable(cli, result);
      printSummary(cli, result, summary, runStore.directory().resolve(Store.SCRATCH_DIR));
    }
    if (unrecorded != null) {
      cli.err.println(
          "error: run "
              + result.runId()
              + " was not fully recorded: "
              + StagecraftCli.oneLine(unrecorded.getMessage()));
      return StagecraftCli.USAGE;
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
   * The summary lines, where a run that did not succeed kept its scratch space, then where the
   * run's report is when the {@code report} command is available.
   */
  private static void printSummary(
      StagecraftCli cli, RunResult r, List<String> lines, Path scratchRoot) {
    if (!lines.isEmpty()) {
      cli.out.println();
      cli.out.println("summary");
      lines.forEach(line -> cli.out.println("  " + line));
    }
    Path scratch = scratchRoot.resolve(r.runId());
    if (r.status() != RunStatus.SUCCEEDED && Files.isDirectory(scratch)) {
      cli.out.println();
      cli.out.println(
          "scratch space kept for debugging: " + scratch + " (stagecraft gc removes it)");
    }
    if (cli.hasCommand("report")) {
      cli.out.println();
      cli.out.println("report: ./stagecraft report " + r.runId() + " -o report.html");
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
