package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.components.deploy.Deployment;
import dev.stagecraft.runtime.components.deploy.ModelRegistry;
import dev.stagecraft.runtime.components.deploy.TargetState;
import dev.stagecraft.runtime.store.maintenance.Examination;
import dev.stagecraft.runtime.store.maintenance.RepairReport;
import dev.stagecraft.runtime.store.maintenance.StoreDoctor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft doctor [--repair] [--store DIR]}: examines a store (the database's integrity,
 * its schema, interrupted and live runs, missing artifacts, registry versions whose run the history
 * lacks) and, with {@code --repair}, copies what is readable of a damaged database into a new one,
 * keeping the damaged file beside it. Exit 0 when the store is healthy (or was repaired), 1 when it
 * has problems left.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Check a store and repair a damaged database (--repair).")
final class DoctorCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Mixin StoreOption store = new StoreOption();

  @Option(
      names = "--repair",
      description =
          "Copy what is readable of a damaged database into a new one (the damaged file is kept).")
  boolean repair;

  @Override
  public Integer call() {
    Path dir = store.directory(cli.env);
    List<String> registryRuns = new ArrayList<>();
    List<TargetState> targets = ModelRegistry.inStore(dir).list();
    for (TargetState t : targets) {
      t.versions().stream().map(Deployment::runId).forEach(registryRuns::add);
    }
    Examination e = StoreDoctor.examine(dir, registryRuns);
    cli.out.println("store " + dir);
    boolean healthy = print(e, targets);
    if (!e.damaged()) {
      return healthy ? 0 : StagecraftCli.RUN_FAILED;
    }
    if (!repair) {
      cli.out.println(
          "repair it with: stagecraft doctor --repair --store "
              + dir
              + " (copies what is readable into a new database; the damaged file is kept)");
      return StagecraftCli.RUN_FAILED;
    }
    RepairReport r = StoreDoctor.repair(dir);
    List<String> copied = new ArrayList<>();
    for (Map.Entry<String, Integer> c : r.copied().entrySet()) {
      copied.add(c.getValue() + " " + c.getKey());
    }
    cli.out.println("repaired: copied " + String.join(", ", copied));
    r.lost().forEach(line -> cli.out.println("  lost: " + line));
    cli.out.println("the damaged database is kept as " + r.damagedCopy());
    Examination after = StoreDoctor.examine(dir, registryRuns);
    cli.out.println("after the repair:");
    return print(after, targets) ? 0 : StagecraftCli.RUN_FAILED;
  }

  /** Prints the examination; whether nothing is wrong. */
  private boolean print(Examination e, List<TargetState> targets) {
    boolean healthy = true;
    String schema = e.schemaVersion().map(v -> ", schema version " + v).orElse("");
    if (e.damaged()) {
      healthy = false;
      cli.out.println("database " + e.database() + ": DAMAGED" + schema);
      e.problems().forEach(p -> cli.out.println("  " + p));
    } else {
      cli.out.println("database " + e.database() + ": intact (integrity_check ok)" + schema);
    }
    e.runs()
        .ifPresent(
            n ->
                cli.out.println(
                    "runs: "
                        + n
                        + e.interrupted()
                            .filter(i -> i > 0)
                            .map(
                                i ->
                                    " ("
                                        + i
                                        + " interrupted: their process died; continue one with"
                                        + " stagecraft resume RUN_ID)")
                            .orElse("")));
    for (String live : e.live()) {
      cli.out.println("in progress: " + live);
    }
    if (e.missingArtifacts() > 0) {
      healthy = false;
      cli.out.println(
          "artifacts: "
              + e.missingArtifacts()
              + " stored outputs the history references are missing (their stages run again"
              + " on resume or cache miss)");
    }
    int versions = targets.stream().mapToInt(t -> t.versions().size()).sum();
    if (!e.unknownRuns().isEmpty()) {
      healthy = false;
      cli.out.println(
          "registry: "
              + e.unknownRuns().size()
              + " of the runs its "
              + versions
              + " versions came from are not in the history: "
              + String.join(", ", e.unknownRuns()));
    } else if (versions > 0 && e.unreadable().isEmpty()) {
      cli.out.println(
          "registry: "
              + (versions == 1
                  ? "its version comes from a run in the history"
                  : "all its " + versions + " versions come from runs in the history"));
    }
    for (String u : e.unreadable()) {
      healthy = false;
      cli.out.println("could not read " + u);
    }
    if (healthy) {
      cli.out.println("no problems found");
    }
    return healthy;
  }
}
