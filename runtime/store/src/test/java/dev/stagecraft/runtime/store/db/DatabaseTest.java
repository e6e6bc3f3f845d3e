package dev.stagecraft.runtime.store.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void migratesAnEmptyFileToTheCurrentVersionInWalMode() throws SQLException {
    Database db = Database.open(dir.resolve("stagecraft.db"));
    assertEquals(Migrations.currentVersion(), db.schemaVersion());
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      assertEquals("wal", scalar(s, "PRAGMA journal_mode"));
      assertEquals(
          List.of(
              "cache_entries",
              "inline_artifacts",
              "pipeline_definitions",
              "run_leases",
              "run_plans",
              "runs",
              "schema_version",
              "stage_attempts",
              "stage_executions",
              "stage_logs",
              "submissions"),
          column(s, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
      assertEquals(
          Migrations.ALL.stream().map(m -> Integer.toString(m.version())).toList(),
          column(s, "SELECT version FROM schema_version ORDER BY version"));
    }
  }

  @Test
  void reopeningIsIdempotentAndKeepsData() throws SQLException {
    Path file = dir.resolve("stagecraft.db");
    Database first = Database.open(file);
    try (Connection c = first.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO runs (id, pipeline, params, status, started_at) VALUES ('r1', 'p', '{}', 'SUCCEEDED', 1)");
    }
    Database again = Database.open(file);
    assertEquals(Migrations.currentVersion(), again.schemaVersion());
    try (Connection c = again.connect();
        Statement s = c.createStatement()) {
      assertEquals(List.of("r1"), column(s, "SELECT id FROM runs"));
      assertEquals(
          Integer.toString(Migrations.currentVersion()),
          scalar(s, "SELECT COUNT(*) FROM schema_version"));
    }
  }

  @Test
  void appliesOnlyTheMissingStepsInOrder() throws SQLException {
    Path file = dir.resolve("stagecraft.db");
    List<Migration> steps =
        new ArrayList<>(List.of(new Migration(1, "t1", List.of("CREATE TABLE t1 (x INTEGER)"))));
    assertEquals(1, Database.open(file, steps).schemaVersion());
    steps.add(
        new Migration(
            2, "t2", List.of("CREATE TABLE t2 (y INTEGER)", "INSERT INTO t2 VALUES (7)")));
    Database db = Database.open(file, steps);
    assertEquals(2, db.schemaVersion());
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      assertEquals("7", scalar(s, "SELECT y FROM t2"));
    }
  }

  @Test
  void aFailingStepLeavesTheVersionUnchanged() {
    Path file = dir.resolve("stagecraft.db");
    List<Migration> steps =
        List.of(
            new Migration(1, "ok", List.of("CREATE TABLE t1 (x INTEGER)")),
            new Migration(2, "bad", List.of("CREATE TABLE t2 (y INTEGER)", "THIS IS NOT SQL")));
    assertThrows(StoreException.class, () -> Database.open(file, steps));
    assertEquals(0, Database.open(file, List.of()).schemaVersion());
  }

  @Test
  void fanOutItemsWrittenAsJsonBecomeShortLabels() throws SQLException {
    Path file = dir.resolve("stagecraft.db");
    Database v2 = Database.open(file, Migrations.ALL.subList(0, 2));
    try (Connection c = v2.connect();
        Statement s = c.createStatement()) {
      String insert =
          "INSERT INTO stage_executions (run_id, instance, stage, item, status, attempts, seq)"
              + " VALUES ('r', '%s', 's', %s, 'SUCCEEDED', 1, 0)";
      s.execute(String.format(insert, "s[0]", "'\"a\"'"));
      s.execute(String.format(insert, "s[1]", "'3'"));
      s.execute(
          String.format(
              insert, "s[2]", "'{\"rows\":[[1.0,2.0],[3.0,4.0]],\"label\":\"long enough\"}'"));
      s.execute(String.format(insert, "s", "NULL"));
    }
    Database current = Database.open(file);
    try (Connection c = current.connect();
        Statement s = c.createStatement()) {
      List<String> items =
          column(s, "SELECT coalesce(item, '-') FROM stage_executions ORDER BY instance");
      assertEquals(
          List.of("-", "a", "3", "{\"rows\":[[1.0,2.0],[3.0,4.0]],\"label\":\"\u2026"), items);
      assertEquals(40, items.get(3).length());
    }
  }

  @Test
  void aNewerSchemaIsRefusedWithAOneLineMessage() {
    Path file = dir.resolve("stagecraft.db");
    Database.open(file);
    StoreException e =
        assertThrows(StoreException.class, () -> Database.open(file, Migrations.ALL.subList(0, 1)));
    assertEquals(
        "the store database "
            + file
            + " has schema version "
            + Migrations.currentVersion()
            + " but this Stagecraft knows versions"
            + " up to 1; use a newer Stagecraft, or pass --store DIR",
        e.getMessage());
  }

  @Test
  void aTextFileNamedLikeTheDatabaseIsACorruptStore() throws Exception {
    Path file = dir.resolve("stagecraft.db");
    Files.writeString(file, "these are my notes, not a database\n".repeat(200));
    StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
    assertTrue(e instanceof UserInputException);
    assertEquals(
        "the store database "
            + file
            + " is not a valid SQLite database (corrupt, or another"
            + " kind of file); move it away to start a new history, or pass --store DIR",
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void aStoreBelowAFileCannotBeCreated() throws Exception {
    Path file = Files.writeString(dir.resolve("plain.txt"), "x");
    Path store = file.resolve("store");
    StoreException e = assertThrows(StoreException.class, () -> Store.open(store));
    assertEquals(
        "cannot create the store directory "
            + store
            + " (Not a directory: "
            + store
            + "); make its parent writable or pass --store DIR",
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void aStoreThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("store"), "x");
    StoreException e = assertThrows(StoreException.class, () -> Store.open(file));
    assertEquals(
        "the store "
            + file
            + " is a file, not a directory; pass --store DIR with a directory"
            + " (it is created when absent)",
        e.getMessage());
  }

  @Test
  void aDatabaseThatIsADirectoryIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("stagecraft.db"));
    StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
    assertEquals(
        "the store database "
            + dir.resolve("stagecraft.db")
            + " is a directory, not a file; remove it or pass --store DIR",
        e.getMessage());
  }

  @Test
  void aReadOnlyStoreIsAOneLineError() throws Exception {
    Store.open(dir).close();
    Path file = dir.resolve("stagecraft.db");
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
    try {
      // as root permissions do not apply: report the test as skipped, not passed
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(file), "running as root");
      StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
      assertEquals(
          "the store database " + file + " is not writable; make it writable or pass --store DIR",
          e.getMessage());
    } finally {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static String scalar(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<String> column(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
