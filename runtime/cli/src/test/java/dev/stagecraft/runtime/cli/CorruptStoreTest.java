package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.components.deploy.ModelRegistry;
import dev.stagecraft.runtime.components.deploy.TargetState;
import dev.stagecraft.runtime.store.Store;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose {@code stagecraft.db} has 4,000 bytes overwritten at offset 12288 (page 4, as a bad
 * disk leaves it): {@code run} refuses before any stage starts, in one line saying how to recover,
 * so nothing is deployed; {@code runs} warns; {@code doctor} finds the damage and {@code doctor
 * --repair} copies everything readable into a new database, after which runs work again.
 */
@Timeout(120)
class CorruptStoreTest {
  @TempDir Path dir;

  @Test
  void aDamagedStoreRunsNothingDeploysNothingAndIsRepairedByDoctor() throws Exception {
    Path store = dir.resolve("store");
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve(StorePipelines.GO), "open");
    Map<String, String> env = Map.of("STAGECRAFT_HOME", store.toString());
    for (int i = 0; i < 3; i++) {
      Cli.Result r = Cli.run(env, "run", "gated", "-p", "dir=" + work);
      assertEquals(0, r.code(), r.err());
    }
    ModelRegistry registry = ModelRegistry.inStore(store);
    List<TargetState> deployedBefore = registry.list();
    assertEquals(3, deployedBefore.get(0).versions().size());
    Path db = store.resolve(Store.DATABASE_FILE);
    byte[] garbage = new byte[4000];
    new Random(3).nextBytes(garbage);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.seek(12288);
      f.write(garbage);
    }
    List<String> executed = Files.readAllLines(work.resolve(StorePipelines.LOG));

    Cli.Result refused = Cli.run(env, "run", "gated", "-p", "dir=" + work);

    assertEquals(2, refused.code(), refused.err());
    assertEquals(1, refused.errLines().size(), refused.err());
    String line = refused.errLines().get(0);
    assertTrue(line.startsWith("error: the store database " + db + " is damaged ("), line);
    assertTrue(
        line.endsWith(
            "); nothing was changed: copy what is readable into a new database with 'stagecraft"
                + " doctor --repair --store "
                + store
                + "' (the damaged file is kept)"),
        line);
    assertEquals("", refused.out(), "no stage table: nothing ran");
    assertEquals(executed, Files.readAllLines(work.resolve(StorePipelines.LOG)), "no stage ran");
    assertEquals(deployedBefore, registry.list(), "nothing was deployed");

    Cli.Result listed = Cli.run(env, "runs");
    assertEquals(0, listed.code(), listed.err());
    assertTrue(listed.errLines().get(0).startsWith("warning: the store database "), listed.err());
    assertEquals(4, listed.out().lines().count(), listed.out()); // header and three runs

    Cli.Result examined = Cli.run(env, "doctor");
    assertEquals(1, examined.code(), examined.out());
    assertTrue(examined.out().contains("stagecraft.db: DAMAGED"), examined.out());
    assertTrue(examined.out().contains("page 4: btreeInitPage() returns error code 11"));
    assertTrue(
        examined.out().contains("repair it with: stagecraft doctor --repair --store " + store),
        examined.out());

    Cli.Result repaired = Cli.run(env, "doctor", "--repair");
    assertEquals(0, repaired.code(), repaired.out() + repaired.err());
    assertTrue(
        repaired
            .out()
            .contains(
                "repaired: copied 3 runs, 12 stage_executions, 0 stage_attempts, 0 stage_logs,"
                    + " 1 pipeline_definitions, 0 cache_entries, 6 inline_artifacts\n"),
        repaired.out());
    assertTrue(
        repaired.out().contains("could not read the runs of the registry's versions ("),
        "before the repair, runs cannot be found by id");
    assertTrue(
        repaired.out().contains("registry: all its 3 versions come from runs in the history"),
        repaired.out());
    try (var files = Files.list(store)) {
      assertTrue(
          files.anyMatch(f -> f.getFileName().toString().startsWith("stagecraft.db.damaged-")),
          "the damaged file is kept");
    }

    Cli.Result again = Cli.run(env, "run", "gated", "-p", "dir=" + work);
    assertEquals(0, again.code(), again.err());
    assertEquals(4, registry.list().get(0).versions().size());
    Cli.Result runs = Cli.run(env, "runs");
    assertEquals(List.of(), runs.errLines(), "no warning any more");
    assertEquals(5, runs.out().lines().count(), runs.out());
    assertFalse(runs.out().contains("RUNNING"), runs.out());
  }
}
