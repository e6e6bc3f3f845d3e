package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.db.Database;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagecraft run} in a child JVM is killed with SIGKILL while a stage runs; once its lease
 * expires the run shows INTERRUPTED, and {@code stagecraft resume RUN_ID} then reuses what finished
 * before the kill and completes the run.
 */
@Timeout(120)
class ResumeAfterKillTest {
  private static final long WAIT_MS = 60_000;

  @TempDir Path dir;

  @Test
  void stagesFinishedBeforeTheKillAreNotExecutedAgainAndTheResumedRunSucceeds() throws Exception {
    Path store = dir.resolve("store");
    Path work = Files.createDirectories(dir.resolve("work"));
    Process child = startRun(store, work);
    try {
      waitFor(
          "the third stage to start",
          child,
          () -> Files.exists(work.resolve(KillablePipeline.MARKER)));
      // History is committed periodically, not per stage: wait until what finished is durable.
      HistoryQueries history =
          new HistoryQueries(Database.open(store.resolve(Store.DATABASE_FILE)));
      String[] found = new String[1];
      waitFor(
          "the run to be recorded",
          child,
          () -> {
            history.runs(Optional.of("killable"), 1).stream()
                .map(RunSummary::runId)
                .findFirst()
                .ifPresent(id -> found[0] = id);
            return found[0] != null;
          });
      String runId = found[0];
      waitFor(
          "the first two outputs to be recorded",
          child,
          () -> history.storedOutputs(runId).keySet().containsAll(List.of("first", "second")));

      child.destroyForcibly();
      assertTrue(child.waitFor(WAIT_MS, TimeUnit.MILLISECONDS), "the child did not die");
      assertEquals(List.of("first", "second", "third"), executions(work));
      waitFor(
          "the killed run to show INTERRUPTED",
          () -> history.run(runId).orElseThrow().status() == RunStatus.INTERRUPTED);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          StagecraftCli.execute(
              new String[] {"resume", runId, "--json"},
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              Map.of("STAGECRAFT_HOME", store.toString()),
              false);

      assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
      JsonNode resumed = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
      assertEquals("SUCCEEDED", resumed.get("status").asText());
      assertEquals("CACHED", status(resumed, "first"));
      assertEquals("CACHED", status(resumed, "second"));
      assertEquals("SUCCEEDED", status(resumed, "third"));
      assertEquals("SUCCEEDED", status(resumed, "fourth"));
      assertEquals(
          List.of("first", "second", "third", "third", "fourth"),
          executions(work),
          "first and second ran once; third ran again after the kill, then fourth");
    } finally {
      child.destroyForcibly();
    }
  }

  /** {@code stagecraft run killable -p dir=WORK} in a child JVM on this test's classpath. */
  private Process startRun(Path store, Path work) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            StagecraftCli.class.getName(),
            "run",
            "killable",
            "-p",
            "dir=" + work);
    pb.environment().put("STAGECRAFT_HOME", store.toString());
    pb.environment().put("STAGECRAFT_LEASE_TIMEOUT", "1s");
    pb.redirectOutput(dir.resolve("child.out").toFile());
    pb.redirectError(dir.resolve("child.err").toFile());
    return pb.start();
  }

  /**
   * Polls {@code done} until it holds, failing with the child's stderr if the child exits or time
   * runs out.
   */
  private void waitFor(String what, Process child, BooleanSupplier done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!done.getAsBoolean()) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        fail(
            "gave up waiting for "
                + what
                + " (child alive: "
                + child.isAlive()
                + "); child stderr:\n"
                + Files.readString(dir.resolve("child.err")));
      }
      Thread.sleep(10);
    }
  }

  /** Polls {@code done} until it holds, failing when time runs out. */
  private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("gave up waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static List<String> executions(Path work) throws IOException {
    return Files.readAllLines(work.resolve(KillablePipeline.LOG));
  }

  private static String status(JsonNode run, String stage) {
    for (JsonNode s : run.get("stages")) {
      if (s.get("name").asText().equals(stage)) {
        return s.get("status").asText();
      }
    }
    throw new AssertionError("no stage " + stage + " in " + run);
  }
}
