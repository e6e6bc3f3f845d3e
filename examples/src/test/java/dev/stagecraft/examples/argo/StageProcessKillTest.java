package dev.stagecraft.examples.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.examples.CliRun;
import dev.stagecraft.runtime.cli.StagecraftCli;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.shared.SharedRuns;
import dev.stagecraft.runtime.store.shared.StageRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod of an exported run killed while its stage runs: the shared store stays readable and
 * consistent (no record, no half-written file a reader sees, every recorded output readable), and
 * the retry Argo makes (the same command, {@code --retry 1}) succeeds.
 */
@Timeout(300)
class StageProcessKillTest {
  private static final String RUN = "advanced-ml-kill1";
  private static final long WAIT_MS = 120_000;

  @TempDir Path dir;

  /** {@code stagecraft stage --pipeline advanced-ml --run-id RUN --store STORE ARGS} as a child. */
  private Process stage(String name, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                StagecraftCli.class.getName(),
                "stage",
                "--pipeline",
                "advanced-ml",
                "--run-id",
                RUN,
                "--store",
                store().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.directory(Files.createDirectories(dir.resolve("cwd")).toFile());
    pb.redirectOutput(dir.resolve(name + ".out").toFile());
    pb.redirectError(dir.resolve(name + ".err").toFile());
    return pb.start();
  }

  private int stageAndWait(String name, String... args) throws Exception {
    Process p = stage(name, args);
    assertTrue(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS), name + " did not end");
    return p.exitValue();
  }

  private Path store() {
    return dir.resolve("store");
  }

  @Test
  void aStageProcessKilledMidStageLeavesTheStoreConsistentAndItsRetrySucceeds() throws Exception {
    assertEquals(0, stageAndWait("begin", "--begin", "-p", "nTrials=1", "-p", "folds=2"));
    for (String s : List.of("load", "dataQuality", "preprocess")) {
      assertEquals(0, stageAndWait(s, "--stage", s), s);
    }

    Process killed = stage("train0-killed", "--stage", "train", "--item", "0", "--retry", "0");
    waitForStderr(killed, "train0-killed", "train[0] started");
    killed.destroyForcibly();
    assertTrue(killed.waitFor(WAIT_MS, TimeUnit.MILLISECONDS), "the killed pod did not die");
    assertNotEquals(0, killed.exitValue());

    SharedRuns runs = new SharedRuns(store());
    assertFalse(runs.record(RUN, "train[0]").isPresent(), "a killed pod records nothing");
    assertEquals(List.of("dataQuality", "load", "preprocess"), sorted(runs.records(RUN).keySet()));
    StoreReader reader = StoreReader.open(store());
    assertEquals(3, reader.loadOutputs(RUN).size(), "every recorded output is readable");
    JsonNode shown = show();
    assertNotEquals("INTERRUPTED", shown.path("status").asText(), shown.toString());

    assertEquals(
        0, stageAndWait("train0-retry", "--stage", "train", "--item", "0", "--retry", "1"));

    StageRecord retried = runs.record(RUN, "train[0]").orElseThrow();
    assertEquals(StageStatus.SUCCEEDED, retried.status());
    assertEquals(4, StoreReader.open(store()).loadOutputs(RUN).size());
    JsonNode after = show();
    List<String> trained = new ArrayList<>();
    after
        .path("stages")
        .forEach(s -> trained.add(s.path("name").asText() + " " + s.path("status").asText()));
    assertTrue(trained.contains("train[0] SUCCEEDED"), after.toString());
  }

  private JsonNode show() throws Exception {
    CliRun shown = CliRun.of(Map.of(), "show", RUN, "--store", store().toString(), "--json");
    assertEquals(0, shown.code(), shown.err());
    return new ObjectMapper().readTree(shown.out());
  }

  private static List<String> sorted(java.util.Collection<String> names) {
    return names.stream().sorted().toList();
  }

  /** Polls the child's stderr until it shows {@code text}; fails if the child ends first. */
  private void waitForStderr(Process child, String name, String text) throws Exception {
    Path err = dir.resolve(name + ".err");
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!Files.readString(err).contains(text)) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        fail("gave up waiting for '" + text + "'; stderr:\n" + Files.readString(err));
      }
      Thread.sleep(10);
    }
  }
}
