package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandsTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;
  String out;
  String err;

  @BeforeEach
  void record() {
    try (Store store = Store.open(dir)) {
      store
          .history()
          .runStarted(
              new RunInfo(
                  "20260102-aaa111",
                  "advanced-ml",
                  Map.of("targetColumn", "diagnosis", "inputDataPath", "data.csv"),
                  T0,
                  Optional.empty()));
      store.history().stageStarted("20260102-aaa111", "preprocess", 1, T0);
      store
          .history()
          .stageFinished(
              "20260102-aaa111",
              StageExecution.builder("preprocess", "preprocess")
                  .status(StageStatus.SUCCEEDED)
                  .attempts(1)
                  .start(T0)
                  .end(T0.plusMillis(1200))
                  .wallMs(1200)
                  .build());
      store
          .history()
          .stageFinished(
              "20260102-aaa111",
              StageExecution.builder("train[0]", "train")
                  .index(0)
                  .item("a")
                  .status(StageStatus.SUCCEEDED)
                  .attempts(1)
                  .start(T0.plusSeconds(2))
                  .end(T0.plusMillis(2450))
                  .wallMs(450)
                  .metrics(Map.of("accuracy", 0.91))
                  .build());
      store
          .history()
          .stageFinished(
              "20260102-aaa111",
              StageExecution.builder("train[1]", "train")
                  .index(1)
                  .item("b")
                  .status(StageStatus.FAILED)
                  .attempts(3)
                  .start(T0.plusSeconds(2))
                  .end(T0.plusSeconds(3))
                  .wallMs(800)
                  .reason("IllegalStateException: diverged")
                  .build());
      store.history().runFinished("20260102-aaa111", RunStatus.FAILED, T0.plusSeconds(4));
      store
          .history()
          .runStarted(
              new RunInfo(
                  "20260102-bbb222",
                  "other",
                  Map.of(),
                  T0.plusSeconds(60),
                  Optional.of("20260102-aaa111")));
      store.history().runFinished("20260102-bbb222", RunStatus.SUCCEEDED, T0.plusSeconds(125));
    }
  }

  private int run(String command, String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    String[] line = new String[args.length + 1];
    line[0] = command;
    System.arraycopy(args, 0, line, 1, args.length);
    int code =
        StagecraftCli.execute(
            line,
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8),
            Map.of(),
            false);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void runsPrintsATableNewestFirst() {
    assertEquals(0, run("runs", "--store", dir.toString()));
    assertEquals(
        ""
            + "RUN ID           PIPELINE     STATUS     START                 DURATION  STAGES OK/FAILED\n"
            + "20260102-bbb222  other        SUCCEEDED  2026-01-02 03:05:05Z  1m05s     0/0\n"
            + "20260102-aaa111  advanced-ml  FAILED     2026-01-02 03:04:05Z  4.0 s     2/1\n",
        out);
    assertEquals("", err);
  }

  @Test
  void runsFiltersByPipelineAndPrintsJson() throws Exception {
    assertEquals(0, run("runs", "--store", dir.toString(), "--pipeline", "advanced-ml", "--json"));
    JsonNode runs = new ObjectMapper().readTree(out);
    assertEquals(1, runs.size());
    JsonNode r = runs.get(0);
    assertEquals("20260102-aaa111", r.get("runId").asText());
    assertEquals("FAILED", r.get("status").asText());
    assertEquals(4000, r.get("durationMs").asLong());
    assertEquals(2, r.get("stagesOk").asInt());
    assertEquals(1, r.get("stagesFailed").asInt());
    assertEquals("2026-01-02T03:04:05Z", r.get("start").asText());
  }

  @Test
  void runsOnAnEmptyStoreSaysSoWithoutCreatingIt() {
    Path empty = dir.resolve("nothing-here");
    assertEquals(0, run("runs", "--store", empty.toString()));
    assertEquals("no runs recorded in " + empty + "\n", out);
    assertTrue(Files.notExists(empty));
    assertEquals(0, run("runs", "--store", empty.toString(), "--json"));
    assertEquals("[ ]", out.strip());
  }

  @Test
  void aStoreThatIsAFileIsOneLineAndExitTwo() throws Exception {
    Path file = Files.writeString(dir.resolve("data.csv"), "a,b\n");
    assertEquals(2, run("runs", "--store", file.toString()));
    assertEquals(
        "error: store "
            + file
            + " is a file, not a directory: pass a directory with --store or"
            + " STAGECRAFT_HOME\n",
        err);
    assertEquals("a,b\n", Files.readString(file));
  }

  @Test
  void runsOnACorruptStoreIsOneLineAndExitTwo() throws Exception {
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("stagecraft.db"), "not a database at all\n".repeat(100));
    assertEquals(2, run("runs", "--store", bad.toString()));
    assertEquals(
        "error: the store database "
            + bad.resolve("stagecraft.db")
            + " is not a valid SQLite database"
            + " (corrupt, or another kind of file); move it away to start a new history, or pass --store DIR\n",
        err);
    assertEquals("", out);
  }

  @Test
  void showPrintsTheRunByUniquePrefix() {
    assertEquals(0, run("show", "--store", dir.toString(), "20260102-a"));
    assertEquals(
        ""
            + "run 20260102-aaa111  pipeline advanced-ml  FAILED\n"
            + "started 2026-01-02 03:04:05Z  ended 2026-01-02 03:04:09Z  took 4.0 s\n"
            + "params inputDataPath=data.csv, targetColumn=diagnosis\n"
            + "\n"
            + "STAGE       STATUS     ATTEMPTS  DURATION  PREDICTED  ITEM  METRICS        REASON\n"
            + "preprocess  SUCCEEDED  1         1.2 s     -\n"
            + "train[0]    SUCCEEDED  1         450 ms    -          a     accuracy=0.91\n"
            + "train[1]    FAILED     3         800 ms    -          b                    IllegalStateException: diverged\n"
            + "\n"
            + "plan: none recorded\n",
        out);
  }

  @Test
  void showJsonHasTheShapeOfRunJson() throws Exception {
    assertEquals(0, run("show", "--store", dir.toString(), "--json", "20260102-aaa111"));
    JsonNode run = new ObjectMapper().readTree(out);
    assertEquals("20260102-aaa111", run.get("runId").asText());
    assertEquals("advanced-ml", run.get("pipeline").asText());
    assertEquals("FAILED", run.get("status").asText());
    assertEquals("diagnosis", run.get("params").get("targetColumn").asText());
    assertEquals("2026-01-02T03:04:05Z", run.get("start").asText());
    assertEquals("2026-01-02T03:04:09Z", run.get("end").asText());
    JsonNode stages = run.get("stages");
    assertEquals(3, stages.size());
    JsonNode train0 = stages.get(1);
    assertEquals("train[0]", train0.get("name").asText());
    assertEquals("SUCCEEDED", train0.get("status").asText());
    assertEquals(1, train0.get("attempts").asInt());
    assertEquals(450, train0.get("durationMs").asLong());
    assertEquals("", train0.get("reason").asText());
    assertEquals("a", train0.get("item").asText());
    assertEquals(0.91, train0.get("metrics").get("accuracy").asDouble());
    assertTrue(stages.get(0).get("item").isNull());
    assertEquals("IllegalStateException: diverged", stages.get(2).get("reason").asText());
    assertTrue(run.get("resumedFrom").isNull());
  }

  @Test
  void showGivesARunningStagesLatestProgress() throws Exception {
    try (Store store = Store.open(dir)) {
      store
          .history()
          .runStarted(
              new RunInfo("20260103-ccc333", "advanced-ml", Map.of(), T0, Optional.empty()));
      store.history().stageStarted("20260103-ccc333", "train[1]", 1, T0);
      store.history().stageProgress("20260103-ccc333", "train[1]", "random_forest trial 1/8", T0);
      store
          .history()
          .stageProgress(
              "20260103-ccc333",
              "train[1]",
              "random_forest trial 2/8, fold 1/3",
              T0.plusSeconds(5));
      store.history().flush();
    }
    assertEquals(0, run("show", "--store", dir.toString(), "20260103"));
    assertTrue(
        out.contains(
            "train[1]  RUNNING  1         -         -                         random_forest trial 2/8, fold 1/3\n"),
        out);
    assertEquals(0, run("show", "--store", dir.toString(), "--json", "20260103"));
    JsonNode stage = new ObjectMapper().readTree(out).get("stages").get(0);
    assertEquals("random_forest trial 2/8, fold 1/3", stage.get("progress").asText());
    assertEquals(0, run("show", "--store", dir.toString(), "--json", "20260102-aaa111"));
    assertTrue(new ObjectMapper().readTree(out).get("stages").get(0).get("progress").isNull());
  }

  @Test
  void showOfAnUnknownIdIsOneLineAndExitTwo() {
    assertEquals(2, run("show", "--store", dir.toString(), "nope"));
    assertEquals(
        "error: no run 'nope' in the store " + dir + "; list runs with: stagecraft runs\n", err);
    assertEquals(2, run("show", "--store", dir.toString(), "2026"));
    assertEquals(
        "error: run id prefix '2026' is ambiguous: it matches 20260102-aaa111, 20260102-bbb222; type more"
            + " of the id\n",
        err);
    Path empty = dir.resolve("empty");
    assertEquals(2, run("show", "--store", empty.toString(), "x"));
    assertEquals(
        "error: no run 'x': the store "
            + empty
            + " has no runs yet; run a pipeline first, or pass --store DIR\n",
        err);
  }
}
