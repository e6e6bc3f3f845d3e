package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What another user meets (as root, the tests run the command line as {@code nobody}; otherwise as
 * this user without write permission): a shared scratch folder someone else made does not stop a
 * run (each run's scratch space is its own, in its store, removed when it succeeds); a store the
 * user cannot write can still be listed, shown and reported on; a registry the user cannot write is
 * refused before any work, in one line.
 */
@Timeout(180)
class OtherUserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aScratchFolderSomeoneElseMadeDoesNotStopARunWhoseScratchIsInItsStore() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path shared = Files.createDirectories(tmp.resolve("stagecraft")); // made by another user
    Files.createDirectories(shared.resolve("20990101-000000-aaaaaa"));
    Path store = Files.createDirectories(dir.resolve("store"));
    Cli.letWrite(tmp);
    Cli.forbidWrite(shared);
    Cli.letWrite(store);
    Map<String, String> env = Map.of("STAGECRAFT_HOME", store.toString());
    List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp);

    Cli.Result ok = Cli.runChild(dir, "ok", env, true, jvm, "run", "flaky", "--json");

    assertEquals(0, ok.code(), ok.err());
    JsonNode scratchStage = JSON.readTree(ok.out()).get("stages").get(1);
    assertEquals("SUCCEEDED", scratchStage.get("status").asText());
    String runId = JSON.readTree(ok.out()).get("runId").asText();
    assertFalse(
        Files.exists(store.resolve("scratch").resolve(runId)), "removed when the run succeeds");
    try (Stream<Path> left = Files.list(shared)) {
      assertEquals(1, left.count(), "the shared folder is not used");
    }

    Cli.Result failed =
        Cli.runChild(dir, "failed", env, true, jvm, "run", "flaky", "-p", "fail=true", "--json");
    assertEquals(1, failed.code(), failed.err());
    String failedRun = JSON.readTree(failed.out()).get("runId").asText();
    Path kept = store.resolve("scratch").resolve(failedRun).resolve("scratch");
    assertEquals("a,b\n", Files.readString(kept.resolve("partial.csv")), "kept for debugging");

    Cli.Result gc = Cli.runChild(dir, "gc", env, true, jvm, "gc", "--older-than", "0s");
    assertEquals(0, gc.code(), gc.err());
    assertTrue(gc.out().contains(" and 1 scratch directories"), gc.out());
    assertFalse(Files.exists(kept));
  }

  @Test
  void aStoreTheUserCannotWriteIsStillListedShownAndReported() throws Exception {
    Path store = dir.resolve("store");
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve(StorePipelines.GO), "open");
    Map<String, String> env = Map.of("STAGECRAFT_HOME", store.toString());
    Cli.Result made = Cli.run(env, "run", "gated", "-p", "dir=" + work, "--json");
    assertEquals(0, made.code(), made.err());
    String runId = JSON.readTree(made.out()).get("runId").asText();
    Cli.openToEveryone(store);
    Cli.forbidWrite(store);
    Path out = Files.createDirectories(dir.resolve("out"));
    Cli.letWrite(out);

    Cli.Result runs = Cli.runChild(out, "runs", env, true, List.of(), "runs");
    assertEquals(0, runs.code(), runs.err());
    assertTrue(runs.out().contains(runId + "  gated     SUCCEEDED"), runs.out());
    assertEquals("", runs.err());

    Cli.Result show = Cli.runChild(out, "show", env, true, List.of(), "show", runId, "--json");
    assertEquals(0, show.code(), show.err());
    assertEquals("SUCCEEDED", JSON.readTree(show.out()).get("status").asText());

    Cli.Result report =
        Cli.runChild(
            out,
            "report",
            env,
            true,
            List.of(),
            "report",
            runId,
            "-o",
            out.resolve("r.html").toString());
    assertEquals(0, report.code(), report.err());
    assertTrue(Files.readString(out.resolve("r.html")).contains(runId));

    Cli.Result deployments = Cli.runChild(out, "deployments", env, true, List.of(), "deployments");
    assertEquals(0, deployments.code(), deployments.err());
    assertTrue(deployments.out().contains(runId), deployments.out());

    Cli.Result logs = Cli.runChild(out, "logs", env, true, List.of(), "logs", runId);
    assertEquals(0, logs.code(), logs.err());

    Cli.Result run =
        Cli.runChild(out, "run", env, true, List.of(), "run", "gated", "-p", "dir=" + work);
    assertEquals(2, run.code());
    assertEquals(
        "error: the store database "
            + store.resolve("stagecraft.db")
            + " is not writable; make it writable or pass --store DIR",
        run.lastErrLine());
  }

  @Test
  void aRegistryTheUserCannotWriteIsRefusedBeforeAnyWork() throws Exception {
    Path store = Files.createDirectories(dir.resolve("store"));
    Path registry = Files.createDirectories(store.resolve("registry")); // made by another user
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve(StorePipelines.GO), "open");
    Cli.letWrite(store);
    Cli.letWrite(work);
    Cli.forbidWrite(registry);
    Map<String, String> env = Map.of("STAGECRAFT_HOME", store.toString());

    Cli.Result r =
        Cli.runChild(dir, "registry", env, true, List.of(), "run", "gated", "-p", "dir=" + work);

    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(
        "error: cannot write the model registry "
            + registry
            + " (permission denied); make it writable, or name another directory with -p"
            + " registryDir=DIR (stage 'check')",
        r.lastErrLine());
    assertTrue(r.out().matches("(?s).*prepare\\s+UPSTREAM_FAILED.*"), r.out());
    assertFalse(Files.exists(work.resolve(StorePipelines.LOG)), "no work was done");

    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Cli.Result inTheWay =
        Cli.run(env, "run", "gated", "-p", "dir=" + work, "-p", "registryDir=" + file);
    assertEquals(2, inTheWay.code());
    assertEquals(
        "error: the model registry "
            + file
            + " is a file, not a directory; name a directory (created when absent) with -p"
            + " registryDir=DIR, or leave registryDir empty for STORE/registry (stage 'check')",
        inTheWay.lastErrLine());
  }
}
