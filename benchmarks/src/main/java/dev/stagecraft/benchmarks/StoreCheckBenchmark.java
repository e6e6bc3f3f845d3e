package dev.stagecraft.benchmarks;

import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.LogLine;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.db.Database;
import dev.stagecraft.runtime.store.history.RunHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the integrity check costs that every run pays when it opens its store: a history of RUNS
 * (default 10,000) runs of the advanced ML pipeline's shape (8 stage executions with metrics, 3 log
 * lines per training instance, a failed attempt in every tenth run), written by the run history
 * itself; then, best of ROUNDS, (a) opening the database and reading its schema version (the
 * baseline), (b) {@code PRAGMA quick_check}, which {@code Store.open} runs, (c) {@code PRAGMA
 * integrity_check} ({@code stagecraft doctor}), (d) the whole {@code Store.open} and close. Prints
 * one line per measurement and a last line of JSON with milliseconds and ratios to the baseline.
 *
 * <pre>benchmarks/run store-check [runs] [rounds]</pre>
 */
public final class StoreCheckBenchmark {
  private static final List<String> STAGES =
      List.of(
          "load",
          "preprocess",
          "train[0]",
          "train[1]",
          "abTest",
          "deployWinner",
          "deployStaging",
          "deploySingle");

  private StoreCheckBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path dir = Files.createTempDirectory("stagecraft-store-check");
    long t0 = System.nanoTime();
    Database db = writeHistory(dir, runs);
    long bytes = Files.size(dir.resolve(Store.DATABASE_FILE));
    System.out.printf(
        Locale.ROOT,
        "wrote %d runs (%.1f MB) in %.1f s%n",
        runs,
        bytes / 1e6,
        (System.nanoTime() - t0) / 1e9);

    Path file = dir.resolve(Store.DATABASE_FILE);
    double open =
        best("open + schema version", rounds, () -> Database.inspect(file).schemaVersion());
    double quick = best("quick_check", rounds, () -> db.check());
    double full = best("integrity_check", rounds, () -> db.fullCheck());
    double store =
        best(
            "Store.open + close",
            rounds,
            () -> {
              Store.open(dir).close();
              return null;
            });
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"benchmark\":\"store-check\",\"runs\":%d,\"databaseMb\":%.1f,\"openMs\":%.1f,"
                + "\"quickCheckMs\":%.1f,\"integrityCheckMs\":%.1f,\"storeOpenMs\":%.1f,"
                + "\"quickCheckVsOpen\":%.1f,\"integrityCheckVsOpen\":%.1f}",
            runs,
            bytes / 1e6,
            open,
            quick,
            full,
            store,
            quick / open,
            full / open));
  }

  /**
   * Writes {@code runs} runs of the advanced ML pipeline's shape into a new store in {@code dir}
   * through the run history; returns the open database.
   */
  static Database writeHistory(Path dir, int runs) {
    Database db = Database.open(dir.resolve(Store.DATABASE_FILE));
    try (RunHistory history = new RunHistory(db)) {
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      for (int r = 0; r < runs; r++) {
        record(history, String.format("2026-%06d", r), start.plusSeconds(60L * r), r);
      }
    }
    return db;
  }

  private static void record(RunHistory history, String runId, Instant start, int r) {
    history.runStarted(
        new RunInfo(
            runId,
            "advanced-ml",
            Map.of("nTrials", "8", "folds", "3", "seed", "42", "inputDataPath", ""),
            start,
            Optional.empty()));
    int seq = 0;
    for (String instance : STAGES) {
      String stage = instance.replaceAll("\\[\\d+]", "");
      Instant began = start.plusMillis(1000L * seq++);
      List<FailedAttempt> failed =
          r % 10 == 0 && stage.equals("load")
              ? List.of(new FailedAttempt(1, began, began.plusMillis(20), "IOException: reset"))
              : List.of();
      if (stage.equals("train")) {
        for (int line = 0; line < 3; line++) {
          history.stageLogged(
              runId,
              instance,
              new LogLine(1, began, "INFO", "variant trial " + line + "/16: cv 0.9758 {C=1.0}"));
        }
      }
      history.stageFinished(
          runId,
          StageExecution.builder(instance, stage)
              .status(StageStatus.SUCCEEDED)
              .attempts(failed.size() + 1)
              .start(began)
              .end(began.plusMillis(900))
              .wallMs(900)
              .cpuNanos(800_000_000L)
              .allocatedBytes(50_000_000L)
              .metrics(Map.of("accuracy", 0.9737, "f1", 0.9736))
              .failedAttempts(failed)
              .build());
    }
    history.runFinished(runId, RunStatus.SUCCEEDED, start.plusSeconds(15));
  }

  /** The fastest of {@code rounds} runs after one warm-up, in milliseconds. */
  private static double best(String label, int rounds, Supplier<?> body) {
    body.get();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      body.get();
      best = Math.min(best, (System.nanoTime() - t) / 1e6);
    }
    System.out.printf(Locale.ROOT, "%-24s %8.1f ms%n", label, best);
    return best;
  }
}
