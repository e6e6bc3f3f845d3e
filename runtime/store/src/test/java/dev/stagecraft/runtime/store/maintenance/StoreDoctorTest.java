package dev.stagecraft.runtime.store.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreException;
import dev.stagecraft.runtime.store.db.Database;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose database has pages overwritten is refused in one line before anything is written;
 * {@code doctor} finds the damage and repairs it by copying every readable row into a new database,
 * keeping the damaged file.
 */
class StoreDoctorTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final int RUNS = 30;

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void recordRuns() {
    try (Store store = Store.open(dir)) {
      for (int i = 0; i < RUNS; i++) {
        String id = String.format("run-%02d", i);
        store.history().runStarted(new RunInfo(id, "p", Map.of("i", "" + i), T0, Optional.empty()));
        for (String stage : List.of("load", "train", "deploy")) {
          store
              .history()
              .stageFinished(
                  id,
                  StageExecution.builder(stage, stage)
                      .status(StageStatus.SUCCEEDED)
                      .attempts(1)
                      .start(T0)
                      .end(T0.plusSeconds(1))
                      .reason("x".repeat(100))
                      .build());
        }
        store.history().runFinished(id, RunStatus.SUCCEEDED, T0.plusSeconds(2));
      }
    }
    db = dir.resolve(Store.DATABASE_FILE);
  }

  /** Overwrites {@code length} bytes at {@code offset} with seeded garbage, as a bad disk would. */
  private void overwrite(long offset, int length) throws Exception {
    byte[] garbage = new byte[length];
    new Random(11).nextBytes(garbage);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.seek(offset);
      f.write(garbage);
    }
  }

  private int rootPage(String table) throws Exception {
    try (Connection c = Database.inspect(db).connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + table + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aDamagedStoreIsRefusedInOneLineThatSaysHowToRepairIt() throws Exception {
    overwrite(12288, 4000); // page 4

    StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
    assertTrue(
        e.getMessage().startsWith("the store database " + db + " is damaged ("), e.getMessage());
    assertTrue(
        e.getMessage().contains("page 4: btreeInitPage() returns error code 11"), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "); nothing was changed: copy what is readable into a new database with"
                    + " 'stagecraft doctor --repair --store "
                    + dir
                    + "' (the damaged file is kept)"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void repairCopiesEveryReadableRowAndKeepsTheDamagedFile() throws Exception {
    byte[] intact = Files.readAllBytes(db);
    overwrite(12288, 4000);
    byte[] damaged = Files.readAllBytes(db);

    Examination before = StoreDoctor.examine(dir, List.of("run-03", "gone"));
    assertTrue(before.damaged());
    assertEquals(Optional.of(RUNS), before.runs(), "the table itself is readable");
    assertEquals(1, before.unreadable().size(), "runs by id use the damaged index");
    assertTrue(
        before.unreadable().get(0).startsWith("the runs of the registry's versions ("),
        before.unreadable().toString());

    RepairReport r = StoreDoctor.repair(dir);

    assertEquals(RUNS, r.copied().get("runs"));
    assertEquals(3 * RUNS, r.copied().get("stage_executions"));
    assertEquals(List.of(), r.lost());
    assertTrue(r.damagedCopy().getFileName().toString().startsWith("stagecraft.db.damaged-"));
    assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(r.damagedCopy())));
    assertFalse(java.util.Arrays.equals(intact, damaged));

    Examination after = StoreDoctor.examine(dir, List.of("run-03", "gone"));
    assertFalse(after.damaged(), after.problems().toString());
    assertEquals(List.of("gone"), after.unknownRuns());
    assertEquals(List.of(), after.unreadable());
    try (Store store = Store.open(dir)) {
      assertEquals(RUNS, store.queries().runs(Optional.empty(), 100).size());
      assertEquals(3, store.queries().run("run-07").orElseThrow().stages().size());
      assertEquals("7", store.queries().run("run-07").orElseThrow().params().get("i"));
    }
  }

  @Test
  void whatCannotBeReadIsNamedAndTheRestIsKept() throws Exception {
    int root = rootPage("stage_executions");
    overwrite((root - 1) * 4096L, 4096);

    RepairReport r = StoreDoctor.repair(dir);

    assertEquals(RUNS, r.copied().get("runs"));
    assertEquals(
        List.of(
            "stage_executions of 30 runs could not be read: run-00, run-01, run-02, run-03,"
                + " run-04, ..."),
        r.lost());
    try (Store store = Store.open(dir)) {
      assertEquals(List.of(), store.queries().run("run-07").orElseThrow().stages());
    }
    assertTrue(Files.isRegularFile(r.damagedCopy()));
  }

  @Test
  void anIntactStoreNeedsNoRepair() {
    StoreException e = assertThrows(StoreException.class, () -> StoreDoctor.repair(dir));
    assertEquals(
        "the store database " + db + " is intact; there is nothing to repair", e.getMessage());
  }
}
