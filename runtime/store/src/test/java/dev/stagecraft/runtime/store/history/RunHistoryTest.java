package dev.stagecraft.runtime.store.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;
  Database db;
  RunHistory history;
  HistoryQueries queries;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("stagecraft.db"));
    history = new RunHistory(db);
    queries = new HistoryQueries(db);
  }

  @AfterEach
  void close() {
    if (history != null) {
      history.close();
    }
  }

  @Test
  void recordsARunWithFanOutInstancesAndMetrics() {
    history.runStarted(
        new RunInfo(
            "run-1",
            "advanced-ml",
            Map.of("targetColumn", "diagnosis", "inputDataPath", "data.csv"),
            T0,
            Optional.empty()));
    history.stageStarted("run-1", "preprocess", 1, T0);
    history.stageFinished("run-1", Executions.of("preprocess", StageStatus.SUCCEEDED, T0, 120));
    history.stageStarted("run-1", "train[0]", 1, T0.plusMillis(200));
    history.stageStarted("run-1", "train[1]", 1, T0.plusMillis(200));
    history.stageStarted("run-1", "train[1]", 2, T0.plusMillis(300));
    history.stageFinished(
        "run-1",
        Executions.instance(
            "train",
            0,
            "a",
            StageStatus.SUCCEEDED,
            T0.plusMillis(200),
            500,
            Map.of("accuracy", 0.91, "f1", 0.88)));
    StageExecution failed =
        new StageExecution(
            "train[1]",
            "train",
            Optional.of(1),
            Optional.of("b"),
            StageStatus.FAILED,
            2,
            Optional.of(T0.plusMillis(200)),
            Optional.of(T0.plusMillis(900)),
            700,
            5_000_000,
            1 << 20,
            Map.of("loss", Double.NaN),
            "IllegalStateException: diverged",
            List.of());
    history.stageFinished("run-1", failed);
    StageExecution skipped =
        new StageExecution(
            "abTest",
            "abTest",
            Optional.empty(),
            Optional.empty(),
            StageStatus.UPSTREAM_FAILED,
            0,
            Optional.empty(),
            Optional.empty(),
            0,
            0,
            0,
            Map.of(),
            "upstream stage 'train[1]' failed",
            List.of());
    history.stageFinished("run-1", skipped);
    history.runFinished("run-1", RunStatus.FAILED, T0.plusSeconds(1));

    RunRecord run = queries.run("run-1").orElseThrow();
    assertEquals("advanced-ml", run.pipeline());
    assertEquals(Map.of("targetColumn", "diagnosis", "inputDataPath", "data.csv"), run.params());
    assertEquals(RunStatus.FAILED, run.status());
    assertEquals(T0, run.start());
    assertEquals(Optional.of(T0.plusSeconds(1)), run.end());
    assertEquals(
        List.of("preprocess", "train[0]", "train[1]", "abTest"),
        run.stages().stream().map(StageExecution::instance).toList());
    assertEquals(Executions.of("preprocess", StageStatus.SUCCEEDED, T0, 120), run.stages().get(0));
    assertEquals(
        Executions.instance(
            "train",
            0,
            "a",
            StageStatus.SUCCEEDED,
            T0.plusMillis(200),
            500,
            Map.of("accuracy", 0.91, "f1", 0.88)),
        run.stages().get(1));
    StageExecution train1 = run.stages().get(2);
    assertEquals(2, train1.attempts());
    assertEquals("train", train1.stage());
    assertEquals(Optional.of(1), train1.index());
    assertTrue(train1.metrics().get("loss").isNaN());
    assertEquals("IllegalStateException: diverged", train1.reason());
    assertEquals(5_000_000, train1.cpuNanos());
    assertEquals(1 << 20, train1.allocatedBytes());
    assertEquals(skipped, run.stages().get(3));

    RunSummary summary = queries.runs(Optional.empty(), 10).get(0);
    assertEquals(
        new RunSummary(
            "run-1",
            "advanced-ml",
            RunStatus.FAILED,
            T0,
            Optional.of(T0.plusSeconds(1)),
            Optional.empty(),
            2,
            1,
            4),
        summary);
    assertEquals(Optional.of(Duration.ofSeconds(1)), summary.duration());
  }

  @Test
  void aRunningStageIsVisibleOnceFlushed() {
    history.runStarted(new RunInfo("r", "p", Map.of(), T0, Optional.empty()));
    history.stageStarted("r", "train[3]", 1, T0);
    history.flush();
    RunRecord run = queries.run("r").orElseThrow();
    assertEquals(RunStatus.RUNNING, run.status());
    StageExecution running = run.stages().get(0);
    assertEquals("train", running.stage());
    assertEquals(Optional.of(3), running.index());
    assertEquals(StageStatus.RUNNING, running.status());
    assertEquals(Optional.of(T0), running.start());
  }

  @Test
  void keepsTheLatestProgressMessageOfEachStage() {
    history.runStarted(new RunInfo("r", "p", Map.of(), T0, Optional.empty()));
    history.stageStarted("r", "train[0]", 1, T0);
    history.stageProgress("r", "train[0]", "trial 1/8", T0.plusSeconds(1));
    history.stageProgress("r", "train[0]", "trial 2/8", T0.plusSeconds(6));
    history.stageStarted("r", "train[1]", 1, T0);
    history.flush();
    assertEquals(Map.of("train[0]", "trial 2/8"), queries.progress("r"));

    history.stageProgress("r", "train[1]", "fold 1/3", T0.plusSeconds(7));
    history.stageFinished(
        "r", Executions.instance("train", 1, "b", StageStatus.SUCCEEDED, T0, 9000, Map.of()));
    history.stageProgress("r", "train[0]", "trial 3/8", T0.plusSeconds(8));
    history.flush();
    assertEquals(
        List.of("train[0]=trial 3/8", "train[1]=fold 1/3"),
        queries.progress("r").entrySet().stream().map(Object::toString).toList());
    assertEquals(StageStatus.SUCCEEDED, queries.run("r").orElseThrow().stages().get(1).status());
  }

  @Test
  void keepsARunsSummaryLines() {
    history.runStarted(new RunInfo("r", "p", Map.of(), T0, Optional.empty()));
    history.runFinished("r", RunStatus.SUCCEEDED, T0.plusSeconds(1));
    assertEquals(List.of(), queries.summary("r"));
    history.summary("r", List.of("data: 455 rows", "variant a: \"quoted\", 0.97"));
    assertEquals(List.of("data: 455 rows", "variant a: \"quoted\", 0.97"), queries.summary("r"));
    assertEquals(List.of(), queries.summary("no-such-run"));
  }

  @Test
  void listsRunsNewestFirstOptionallyByPipeline() {
    record(new RunInfo("a1", "alpha", Map.of(), T0, Optional.empty()), RunStatus.SUCCEEDED);
    record(
        new RunInfo("b1", "beta", Map.of(), T0.plusSeconds(10), Optional.empty()),
        RunStatus.FAILED);
    record(
        new RunInfo("a2", "alpha", Map.of(), T0.plusSeconds(20), Optional.of("a1")),
        RunStatus.SUCCEEDED);
    assertEquals(List.of("a2", "b1", "a1"), ids(queries.runs(Optional.empty(), 100)));
    assertEquals(List.of("a2", "a1"), ids(queries.runs(Optional.of("alpha"), 100)));
    assertEquals(List.of("a2"), ids(queries.runs(Optional.of("alpha"), 1)));
    assertEquals(List.of(), ids(queries.runs(Optional.of("gamma"), 100)));
    assertEquals(Optional.of("a1"), queries.run("a2").orElseThrow().resumedFrom());
    assertEquals(Optional.empty(), queries.run("zz"));
  }

  @Test
  void findsRunIdsByPrefix() {
    for (String id : List.of("20260102-abc", "20260102-abd", "20260103-xyz")) {
      record(new RunInfo(id, "p", Map.of(), T0, Optional.empty()), RunStatus.SUCCEEDED);
    }
    assertEquals(List.of("20260102-abc", "20260102-abd"), queries.runIdsByPrefix("20260102"));
    assertEquals("20260103-xyz", queries.resolveRunId("20260103"));
    assertEquals("20260102-abc", queries.resolveRunId("20260102-abc"));
    UnknownRunException ambiguous =
        assertThrows(UnknownRunException.class, () -> queries.resolveRunId("2026"));
    assertEquals(
        "run id prefix '2026' is ambiguous: it matches 20260102-abc, 20260102-abd, 20260103-xyz;"
            + " type more of the id",
        ambiguous.getMessage());
    UnknownRunException unknown =
        assertThrows(UnknownRunException.class, () -> queries.resolveRunId("nope"));
    assertEquals(
        "no run 'nope' in the store " + dir + "; list runs with: stagecraft runs",
        unknown.getMessage());
  }

  @Test
  void expectedDurationsAreTheLastSuccessfulOnes() {
    history.runStarted(new RunInfo("old", "p", Map.of(), T0, Optional.empty()));
    history.stageFinished("old", Executions.of("load", StageStatus.SUCCEEDED, T0, 100));
    history.stageFinished("old", Executions.of("train", StageStatus.SUCCEEDED, T0, 900));
    history.stageFinished("old", Executions.of("deploy", StageStatus.SUCCEEDED, T0, 50));
    history.runFinished("old", RunStatus.SUCCEEDED, T0.plusSeconds(1));
    Instant t1 = T0.plusSeconds(60);
    history.runStarted(new RunInfo("new", "p", Map.of(), t1, Optional.empty()));
    history.stageFinished("new", Executions.of("load", StageStatus.SUCCEEDED, t1, 300));
    history.stageFinished(
        "new", Executions.instance("train", 0, "1", StageStatus.SUCCEEDED, t1, 400, Map.of()));
    history.stageFinished(
        "new", Executions.instance("train", 1, "2", StageStatus.SUCCEEDED, t1, 700, Map.of()));
    history.stageFinished("new", Executions.of("deploy", StageStatus.FAILED, t1, 5));
    history.runFinished("new", RunStatus.FAILED, t1.plusSeconds(1));
    history.runStarted(new RunInfo("other", "q", Map.of(), t1, Optional.empty()));
    history.stageFinished("other", Executions.of("load", StageStatus.SUCCEEDED, t1, 1));
    history.runFinished("other", RunStatus.SUCCEEDED, t1.plusSeconds(1));

    assertEquals(
        Map.of(
            "load",
            Duration.ofMillis(300),
            "train",
            Duration.ofMillis(700),
            "deploy",
            Duration.ofMillis(50)),
        queries.expectedDurations("p"));
    assertEquals(Map.of(), queries.expectedDurations("unknown"));
  }

  @Test
  void recordsTenThousandExecutionsFromManyThreadsInFewTransactions() throws Exception {
    int stages = 10_000;
    history.runStarted(new RunInfo("big", "grid", Map.of("n", "10000"), T0, Optional.empty()));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < stages; i++) {
      int n = i;
      pool.execute(
          () -> {
            Instant at = T0.plusMillis(n);
            history.stageStarted("big", n % 2 == 0 ? "s" + n : "s" + n + "[" + n + "]", 1, at);
            history.stageFinished(
                "big",
                n % 2 == 0
                    ? Executions.of("s" + n, StageStatus.SUCCEEDED, at, n % 7)
                    : Executions.instance(
                        "s" + n,
                        n,
                        Integer.toString(n),
                        StageStatus.CACHED,
                        at,
                        0,
                        Map.of("m", (double) n)));
          });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    history.runFinished("big", RunStatus.SUCCEEDED, T0.plusSeconds(30));

    RunRecord run = queries.run("big").orElseThrow();
    assertEquals(stages, run.stages().size());
    assertEquals(RunStatus.SUCCEEDED, run.status());
    Map<String, StageExecution> byInstance = new java.util.HashMap<>();
    run.stages().forEach(s -> byInstance.put(s.instance(), s));
    for (int n = 0; n < stages; n++) {
      StageExecution s =
          n % 2 == 0 ? byInstance.get("s" + n) : byInstance.get("s" + n + "[" + n + "]");
      StageExecution expected =
          n % 2 == 0
              ? Executions.of("s" + n, StageStatus.SUCCEEDED, T0.plusMillis(n), n % 7)
              : Executions.instance(
                  "s" + n,
                  n,
                  Integer.toString(n),
                  StageStatus.CACHED,
                  T0.plusMillis(n),
                  0,
                  Map.of("m", (double) n));
      assertEquals(expected, s, "execution " + n);
    }
    RunSummary summary = queries.runs(Optional.of("grid"), 1).get(0);
    assertEquals(stages, summary.stagesOk());
  }

  @Test
  void aFailedWriteSurfacesAsOneLineAsSoonAsTheRunStarts() throws Exception {
    history.flush(); // the writer is up with its statements prepared
    try (java.sql.Connection c = db.connect();
        java.sql.Statement s = c.createStatement()) {
      s.execute("DROP TABLE runs");
    }
    dev.stagecraft.runtime.store.StoreException e =
        assertThrows(
            dev.stagecraft.runtime.store.StoreException.class,
            () -> history.runStarted(new RunInfo("r", "p", Map.of(), T0, Optional.empty())));
    assertTrue(
        e.getMessage().startsWith("the store database " + db.file() + " failed: "), e.getMessage());
    assertTrue(e.getMessage().contains("no such table: runs"), e.getMessage());
    assertTrue(e.getMessage().endsWith("; check the file or pass --store DIR"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    assertThrows(dev.stagecraft.runtime.store.StoreException.class, history::flush, "stays failed");
    assertThrows(
        dev.stagecraft.runtime.store.StoreException.class,
        () -> history.runFinished("r", RunStatus.SUCCEEDED, T0.plusSeconds(1)));
    assertThrows(
        dev.stagecraft.runtime.store.StoreException.class,
        history::ensureHealthy,
        "a stage storing an output now fails");
    history = null; // nothing to close: the failed writer is left to its daemon thread
  }

  @Test
  void aClosedHistoryRefusesEvents() {
    history.close();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> history.runStarted(new RunInfo("r", "p", Map.of(), T0, Optional.empty())));
    assertEquals("the run history on " + db.file() + " is closed", e.getMessage());
  }

  private void record(RunInfo run, RunStatus status) {
    history.runStarted(run);
    history.runFinished(run.runId(), status, run.start().plusSeconds(1));
  }

  private static List<String> ids(List<RunSummary> runs) {
    return runs.stream().map(RunSummary::runId).toList();
  }
}
