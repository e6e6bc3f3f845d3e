package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.components.deploy.ModelRegistry;
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
 * Leases across processes on one store: {@code resume} of a run another JVM is running is refused
 * naming its host and process; once that process is killed with SIGKILL the run shows INTERRUPTED
 * (not RUNNING) within the lease timeout; of two JVMs resuming it at once exactly one takes it
 * over, and its deployment happens once; SIGTERM ends a run CANCELLED and releases its lease.
 */
@Timeout(180)
class RunLeaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of(
        "STAGECRAFT_HOME", dir.resolve("store").toString(), "STAGECRAFT_LEASE_TIMEOUT", "2s");
  }

  private Process gated(String name, Path work, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    if (all.isEmpty()) {
      all.addAll(List.of("run", "gated", "-p", "dir=" + work));
    }
    return Cli.start(dir, name, env(), false, List.of(), all.toArray(String[]::new));
  }

  private JsonNode run(String runId) throws Exception {
    Cli.Result shown = Cli.run(env(), "show", runId, "--json");
    assertEquals(0, shown.code(), shown.err());
    return JSON.readTree(shown.out());
  }

  private static String waitingRun(Path work, Process p) throws Exception {
    Path marker = StorePipelines.waitingMarker(work, p.pid());
    Cli.await("process " + p.pid() + " to wait in the gate", () -> Files.exists(marker));
    return Files.readString(marker);
  }

  @Test
  void aLiveRunCannotBeResumedADeadOneIsInterruptedAndOneProcessTakesItOver() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Process first = gated("first", work);
    String runId;
    try {
      runId = waitingRun(work, first);
      // history is committed in batches: wait until what finished before the gate is durable
      Cli.await(
          "check and prepare to be recorded",
          () -> {
            JsonNode stages = shownQuietly(runId).get("stages");
            return stages.size() >= 2
                && stages.get(0).get("status").asText().equals("SUCCEEDED")
                && stages.get(1).get("status").asText().equals("SUCCEEDED");
          });

      Cli.Result refused = Cli.run(env(), "resume", runId);
      assertEquals(2, refused.code(), refused.err());
      String host = run(runId).get("holder").get("host").asText();
      assertTrue(
          refused
              .lastErrLine()
              .startsWith(
                  "error: run "
                      + runId
                      + " is still running in process "
                      + first.pid()
                      + " on host "
                      + host
                      + " (last heartbeat "),
          refused.err());
      assertEquals("RUNNING", run(runId).get("status").asText());
    } finally {
      first.destroyForcibly(); // SIGKILL: no hook, no last write
      assertTrue(first.waitFor(1, TimeUnit.MINUTES));
    }
    Cli.await("the killed run to show INTERRUPTED", () -> status(runId).equals("INTERRUPTED"));
    Cli.Result listed = Cli.run(env(), "runs");
    assertTrue(listed.out().contains(runId + "  gated     INTERRUPTED"), listed.out());
    Cli.Result shown = Cli.run(env(), "show", runId);
    assertTrue(
        shown.out().contains("interrupted: process " + first.pid() + " on host "), shown.out());
    assertTrue(shown.out().contains("; continue it with: stagecraft resume " + runId));

    Process a = gated("resume-a", work, "resume", runId, "--json");
    Process b = gated("resume-b", work, "resume", runId, "--json");
    Path marker = null;
    Process winner = null;
    Process loser = null;
    while (winner == null) { // one waits in the gate; the other is refused
      for (Process p : List.of(a, b)) {
        if (Files.exists(StorePipelines.waitingMarker(work, p.pid()))) {
          winner = p;
          loser = p == a ? b : a;
          marker = StorePipelines.waitingMarker(work, p.pid());
        }
      }
      assertTrue(a.isAlive() || b.isAlive(), "both resumes ended");
      Thread.sleep(20);
    }
    assertTrue(loser.waitFor(1, TimeUnit.MINUTES));
    assertEquals(2, loser.exitValue());
    String loserName = loser == a ? "resume-a" : "resume-b";
    String why = Files.readString(dir.resolve(loserName + ".err")).strip();
    String resumedRun = Files.readString(marker);
    assertEquals(
        "error: run "
            + runId
            + " is being resumed as run "
            + resumedRun
            + " by process "
            + winner.pid()
            + " on host "
            + run(runId).get("holder").get("host").asText()
            + "; wait for that run to end",
        why);

    Files.writeString(work.resolve(StorePipelines.GO), "open");
    assertTrue(winner.waitFor(1, TimeUnit.MINUTES));
    assertEquals(0, winner.exitValue());
    JsonNode resumed = run(resumedRun);
    assertEquals("SUCCEEDED", resumed.get("status").asText());
    assertEquals(runId, resumed.get("resumedFrom").asText());
    JsonNode old = run(runId);
    assertEquals("INTERRUPTED", old.get("status").asText());
    assertEquals(resumedRun, old.get("resumedBy").asText());
    assertTrue(old.get("holder").isNull(), "the lease is released");
    assertEquals(
        List.of("check", "prepare", "wait", "wait", "publish"),
        Files.readAllLines(work.resolve(StorePipelines.LOG)));
    assertEquals(
        1,
        ModelRegistry.inStore(dir.resolve("store")).list().get(0).versions().size(),
        "deployed once for the one logical run");
  }

  @Test
  void sigtermEndsTheRunCancelledAndReleasesItsLease() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Process child = gated("terminated", work);
    String runId = waitingRun(work, child);

    child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook cancels the run
    assertTrue(child.waitFor(1, TimeUnit.MINUTES));

    JsonNode run = run(runId);
    assertEquals("CANCELLED", run.get("status").asText(), run.toString());
    assertTrue(run.get("holder").isNull(), "released: no lease to wait for");
    JsonNode wait = run.get("stages").get(2);
    assertEquals("wait", wait.get("name").asText());
    assertEquals("CANCELLED", wait.get("status").asText());
    assertEquals("cancelled: the run was interrupted", wait.get("reason").asText());

    Files.writeString(work.resolve(StorePipelines.GO), "open");
    Cli.Result resumed = Cli.run(env(), "resume", runId);
    assertEquals(0, resumed.code(), resumed.err());
  }

  private String status(String runId) {
    return shownQuietly(runId).get("status").asText();
  }

  private JsonNode shownQuietly(String runId) {
    try {
      return run(runId);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
