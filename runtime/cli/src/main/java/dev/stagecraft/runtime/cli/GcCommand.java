package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.components.deploy.Deployment;
import dev.stagecraft.runtime.components.deploy.ModelRegistry;
import dev.stagecraft.runtime.components.deploy.TargetState;
import dev.stagecraft.runtime.report.Format;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.maintenance.GarbageCollector;
import dev.stagecraft.runtime.store.maintenance.GcReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft gc [--older-than 30d] [--dry-run] [--store DIR]}: removes runs that started
 * longer ago than the age given, with their executions, logs and scratch space, old cache entries,
 * and artifact files nothing references any more. Never a run in progress, nor one a model registry
 * version came from, nor what such a run references.
 */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    description = "Remove old runs, their scratch space and unreferenced artifacts.")
final class GcCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Mixin StoreOption store = new StoreOption();

  @Option(
      names = "--older-than",
      paramLabel = "AGE",
      defaultValue = "30d",
      description = "Remove runs that started longer ago than this: 30d, 12h, 0s (default: 30d).")
  String olderThan;

  @Option(names = "--dry-run", description = "Only say what would be removed.")
  boolean dryRun;

  @Override
  public Integer call() {
    Path dir = store.directory(cli.env);
    if (!Store.exists(dir)) {
      cli.out.println("no store at " + dir + "; nothing to remove");
      return 0;
    }
    Duration age = Durations.parse("--older-than", olderThan);
    Instant cutoff = Instant.now().minus(age);
    Set<String> deployed = new HashSet<>();
    for (TargetState t : ModelRegistry.inStore(dir).list()) {
      t.versions().stream().map(Deployment::runId).forEach(deployed::add);
    }
    GcReport r;
    try (Store opened = Store.open(dir, StoreOption.settings(cli.env))) {
      r = GarbageCollector.collect(opened, cutoff, deployed, dryRun);
    }
    String verb = dryRun ? "would remove " : "removed ";
    cli.out.println(
        verb
            + r.runs().size()
            + (r.runs().size() == 1 ? " run" : " runs")
            + " that started before "
            + Format.instant(cutoff)
            + " (older than "
            + olderThan
            + "), "
            + r.cacheEntries()
            + " cache entries, "
            + r.artifacts()
            + " artifact files ("
            + megabytes(r.artifactBytes())
            + ") and "
            + r.scratch().size()
            + " scratch directories");
    r.artifactsKept().ifPresent(note -> cli.out.println("note: " + note));
    if (!deployed.isEmpty()) {
      cli.out.println(
          "kept every run a model registry version came from ("
              + deployed.size()
              + (deployed.size() == 1 ? " run" : " runs")
              + ")");
    }
    return 0;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
