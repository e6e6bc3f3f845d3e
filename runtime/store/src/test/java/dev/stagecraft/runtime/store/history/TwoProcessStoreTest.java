package dev.stagecraft.runtime.store.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.Store;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs record runs into one store at the same time; both runs end up complete. A killed process
 * keeps what it committed, and its run reads as INTERRUPTED once its lease expires.
 */
class TwoProcessStoreTest {
  private static final int STAGES = 400;

  @TempDir Path dir;

  @Test
  void twoProcessesWritingAtOnceBothKeepTheirHistory() throws Exception {
    Path store = dir.resolve("store");
    Path go = dir.resolve("go");
    List<Process> children = new ArrayList<>();
    List<Path> readies = new ArrayList<>();
    for (String runId : List.of("first", "second")) {
      Path ready = dir.resolve("ready-" + runId);
      readies.add(ready);
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              HistoryWriterMain.class.getName(),
              store.toString(),
              runId,
              Integer.toString(STAGES),
              ready.toString(),
              go.toString());
      pb.redirectErrorStream(true);
      pb.redirectOutput(dir.resolve("out-" + runId + ".log").toFile());
      children.add(pb.start());
    }
    for (Path ready : readies) {
      while (!Files.exists(ready)) {
        assertTrue(children.stream().allMatch(Process::isAlive), () -> "a child died: " + logs());
        Thread.sleep(5);
      }
    }
    Files.writeString(go, "go");
    for (Process p : children) {
      assertTrue(p.waitFor(2, TimeUnit.MINUTES), "a child did not finish");
      assertEquals(0, p.exitValue(), () -> "child failed: " + logs());
    }

    try (Store s = Store.open(store)) {
      assertEquals(
          List.of("first", "second"),
          s.queries().runs(Optional.empty(), 10).stream().map(RunSummary::runId).sorted().toList());
      for (String runId : List.of("first", "second")) {
        RunRecord run = s.queries().run(runId).orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertEquals("pipeline-" + runId, run.pipeline());
        assertEquals(STAGES, run.stages().size());
        for (int i = 0; i < STAGES; i++) {
          StageExecution e = run.stages().get(i);
          assertEquals("stage" + i, e.instance());
          assertEquals(StageStatus.SUCCEEDED, e.status());
          assertEquals(Map.of("i", (double) i), e.metrics());
        }
        Map<String, Object> outputs = s.loadOutputs(runId);
        assertEquals(STAGES, outputs.size());
        assertEquals(Map.of("run", runId, "index", 7), outputs.get("stage7"));
      }
    }
  }

  @Test
  void aKilledProcessKeepsTheStagesThatFinishedAndItsRunBecomesInterrupted() throws Exception {
    Path store = dir.resolve("store");
    Path ready = dir.resolve("ready");
    Path go = dir.resolve("go");
    Files.writeString(go, "go");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            HistoryWriterMain.class.getName(),
            store.toString(),
            "killed",
            "30",
            ready.toString(),
            go.toString(),
            "hang");
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("out-killed.log").toFile());
    Process child = pb.start();
    try {
      while (!Files.exists(ready)) {
        assertTrue(child.isAlive(), () -> "the child died: " + logs());
        Thread.sleep(5);
      }
      // Wait (without a deadline of our own) until the periodic commit made all 30 stages visible.
      try (Store s = Store.open(store)) {
        while (s.queries().run("killed").map(r -> r.stages().size()).orElse(0) < 30) {
          assertTrue(child.isAlive(), () -> "the child died: " + logs());
          Thread.sleep(20);
        }
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no final flush
      assertTrue(child.waitFor(1, TimeUnit.MINUTES));
    }
    try (Store s = Store.open(store)) {
      // nobody renews the lease any more: within its timeout (1 s) the run reads as INTERRUPTED
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (s.queries().run("killed").orElseThrow().status() != RunStatus.INTERRUPTED) {
        assertTrue(System.nanoTime() < deadline, "the killed run never showed INTERRUPTED");
        Thread.sleep(20);
      }
      RunRecord run = s.queries().run("killed").orElseThrow();
      Lease lease = run.lease().orElseThrow();
      assertEquals(child.pid(), lease.pid());
      assertEquals(Optional.of(lease.heartbeatAt()), run.end(), "it ended at its last heartbeat");
      assertEquals(30, run.stages().size());
      assertTrue(run.stages().stream().allMatch(e -> e.status() == StageStatus.SUCCEEDED));
      assertEquals(30, s.loadOutputs("killed").size());
      assertEquals(Map.of("run", "killed", "index", 29), s.loadOutputs("killed").get("stage29"));
    }
  }

  private String logs() {
    StringBuilder b = new StringBuilder();
    for (File f : dir.toFile().listFiles((d, n) -> n.endsWith(".log"))) {
      try {
        b.append(f.getName()).append(":\n").append(Files.readString(f.toPath()));
      } catch (java.io.IOException e) {
        b.append(e);
      }
    }
    return b.toString();
  }
}
