package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagecraft gc}: old runs go, those a registry version came from stay. */
@Timeout(120)
class GcCommandTest {
  @TempDir Path dir;

  @Test
  void gcRemovesOldRunsButKeepsTheOnesTheRegistryCameFrom() throws Exception {
    Map<String, String> env = Map.of("STAGECRAFT_HOME", dir.resolve("store").toString());
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve(StorePipelines.GO), "open");
    assertEquals(0, Cli.run(env, "run", "gated", "-p", "dir=" + work).code());
    assertEquals(0, Cli.run(env, "run", "flaky").code());
    assertEquals(1, Cli.run(env, "run", "flaky", "-p", "fail=true").code());

    Cli.Result kept = Cli.run(env, "gc");
    assertTrue(kept.out().startsWith("removed 0 runs that started before "), kept.out());
    assertTrue(kept.out().contains(" (older than 30d), "), kept.out());

    Cli.Result dry = Cli.run(env, "gc", "--older-than", "0s", "--dry-run");
    assertEquals(0, dry.code(), dry.err());
    assertTrue(dry.out().startsWith("would remove 2 runs that started before "), dry.out());
    assertTrue(dry.out().contains(" and 1 scratch directories\n"), dry.out());
    assertTrue(
        dry.out().endsWith("kept every run a model registry version came from (1 run)\n"),
        dry.out());
    assertEquals(4, Cli.run(env, "runs").out().lines().count(), "a dry run removes nothing");

    Cli.Result gc = Cli.run(env, "gc", "--older-than", "0s");
    assertTrue(gc.out().startsWith("removed 2 runs that started before "), gc.out());
    String runs = Cli.run(env, "runs").out();
    assertEquals(2, runs.lines().count(), runs);
    assertTrue(runs.contains("gated"), runs);
    assertTrue(Cli.run(env, "deployments").out().contains("gated"));

    Cli.Result bad = Cli.run(env, "gc", "--older-than", "30 days");
    assertEquals(2, bad.code());
    assertEquals(
        "error: --older-than '30 days' is not a duration; write e.g. 30d, 12h, 90m, 3s, 500ms or"
            + " PT3S",
        bad.lastErrLine());
  }
}
