package dev.stagecraft.runtime.store.maintenance;

import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreException;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.codec.Codecs;
import dev.stagecraft.runtime.store.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks at a store as it is, damaged or not, and repairs a damaged database by copying what is
 * readable into a new one. The damaged file is kept beside it ({@code stagecraft.db.damaged-TIME},
 * with its {@code -wal}); nothing is ever deleted.
 *
 * <pre>{@code
 * Examination e = StoreDoctor.examine(storeDir, List.of());
 * if (e.damaged()) {
 *   RepairReport r = StoreDoctor.repair(storeDir);
 * }
 * }</pre>
 */
public final class StoreDoctor {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private StoreDoctor() {}

  /**
   * Examines the store in {@code storeDir}: the database's integrity (SQLite's full {@code
   * integrity_check}), its schema, its runs, live and interrupted runs, artifact files the history
   * references that are gone, and which of {@code expectedRuns} (the runs a model registry's
   * versions came from) the history lacks. Reads only.
   *
   * @throws StoreException when there is no store there, or its database is not a database at all
   */
  public static Examination examine(Path storeDir, Collection<String> expectedRuns) {
    Path dir = storeDir.toAbsolutePath().normalize();
    Path file = dir.resolve(Store.DATABASE_FILE);
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no store database at " + file + "; pass --store DIR of a store");
    }
    Database db = Database.inspect(file);
    List<String> problems = db.fullCheck();
    List<String> unreadable = new ArrayList<>();
    Optional<Integer> schema = read(unreadable, "the schema version", db, "PRAGMA user_version");
    Optional<Integer> runs = read(unreadable, "the runs", db, "SELECT COUNT(*) FROM runs");
    long now = System.currentTimeMillis();
    boolean leases = schema.orElse(0) >= 4;
    Optional<Integer> interrupted =
        read(
            unreadable,
            "the interrupted runs",
            db,
            leases
                ? "SELECT COUNT(*) FROM runs r LEFT JOIN run_leases l ON l.run_id = r.id"
                    + " WHERE r.status = 'RUNNING' AND (l.run_id IS NULL OR "
                    + now
                    + " - l.heartbeat_at > l.timeout_ms)"
                : "SELECT COUNT(*) FROM runs WHERE status = 'RUNNING'");
    List<String> live = new ArrayList<>();
    if (leases) {
      try {
        live.addAll(liveRuns(db, now));
      } catch (SQLException e) {
        unreadable.add("the leases (" + firstLine(e) + ")");
      }
    }
    int missing = 0;
    try {
      ArtifactStore artifacts =
          ArtifactStore.readOnly(dir.resolve(Store.ARTIFACTS_DIR), Codecs.standard());
      Set<String> inline = inlineArtifacts(db);
      for (String sha : referencedArtifacts(db)) {
        if (!inline.contains(sha) && !Files.isRegularFile(artifacts.file(sha))) {
          missing++;
        }
      }
    } catch (SQLException e) {
      unreadable.add("the stored outputs (" + firstLine(e) + ")");
    }
    List<String> unknown = new ArrayList<>();
    try {
      unknown.addAll(unknownRuns(db, expectedRuns));
    } catch (SQLException e) {
      unreadable.add("the runs of the registry's versions (" + firstLine(e) + ")");
    }
    return new Examination(
        file, problems, schema, runs, interrupted, live, missing, unknown, unreadable);
  }

  private static List<String> unknownRuns(Database db, Collection<String> runIds)
      throws SQLException {
    List<String> unknown = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement p = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
      for (String id : new TreeSet<>(runIds)) {
        p.setString(1, id);
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) {
            unknown.add(id);
          }
        }
      }
    }
    return unknown;
  }

  /**
   * Repairs a damaged database: copies every readable row into a new database at the current
   * schema, keeps the damaged file as {@code stagecraft.db.damaged-TIME} (with its {@code -wal} and
   * {@code -shm}) and puts the new one in its place.
   *
   * @throws StoreException when the database is intact (nothing to repair), a live process is using
   *     the store, or the files cannot be written
   */
  public static RepairReport repair(Path storeDir) {
    Examination before = examine(storeDir, List.of());
    if (!before.damaged()) {
      throw new StoreException(
          "the store database " + before.database() + " is intact; there is nothing to repair");
    }
    if (!before.live().isEmpty()) {
      throw new StoreException(
          "the store "
              + storeDir
              + " is in use by "
              + String.join(", ", before.live())
              + "; repair it when no run is in progress");
    }
    Path file = before.database();
    Path dir = file.getParent();
    String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
    Path fresh = dir.resolve(Store.DATABASE_FILE + ".repairing-" + stamp);
    Salvage salvage;
    try {
      Database target = Database.open(fresh);
      try (Connection from = Database.inspect(file).connect();
          Connection to = target.connect()) {
        salvage = new Salvage(from, to);
        Database.inTransaction(to, tx -> salvage.run());
        try (Statement s = to.createStatement()) {
          s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
      }
    } catch (SQLException e) {
      deleteQuietly(fresh);
      throw new StoreException(
          "could not copy the readable part of "
              + file
              + " ("
              + firstLine(e)
              + "); the damaged file is unchanged",
          e);
    }
    Path kept = dir.resolve(Store.DATABASE_FILE + ".damaged-" + stamp);
    try {
      for (String suffix : new String[] {"-wal", "-shm", ""}) {
        Path part = Path.of(file + suffix);
        if (Files.exists(part)) {
          Files.move(part, Path.of(kept + suffix));
        }
      }
      deleteQuietly(Path.of(fresh + "-wal"));
      deleteQuietly(Path.of(fresh + "-shm"));
      Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StoreException(
          "could not put the repaired database "
              + fresh
              + " in place of "
              + file
              + " ("
              + e.getMessage()
              + "); move it there by hand",
          e);
    }
    return new RepairReport(kept, salvage.copied(), salvage.lost());
  }

  private static List<String> liveRuns(Database db, long now) throws SQLException {
    List<String> live = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT run_id, pid, host FROM run_leases WHERE "
                    + now
                    + " - heartbeat_at <= timeout_ms ORDER BY acquired_at")) {
      while (rs.next()) {
        live.add(
            rs.getString(1) + " (process " + rs.getLong(2) + " on host " + rs.getString(3) + ")");
      }
    }
    return live;
  }

  /** The artifacts kept in the database; none in a store older than that table. */
  private static Set<String> inlineArtifacts(Database db) throws SQLException {
    Set<String> shas = new HashSet<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'inline_artifacts'")) {
      if (!rs.next()) {
        return shas;
      }
    }
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT sha256 FROM inline_artifacts")) {
      while (rs.next()) {
        shas.add(rs.getString(1));
      }
    }
    return shas;
  }

  private static List<String> referencedArtifacts(Database db) throws SQLException {
    List<String> shas = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT artifact_sha256 FROM stage_executions"
                    + " WHERE artifact_sha256 IS NOT NULL")) {
      while (rs.next()) {
        shas.add(rs.getString(1));
      }
    }
    return shas;
  }

  private static Optional<Integer> read(
      List<String> unreadable, String what, Database db, String sql) {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
    } catch (SQLException e) {
      unreadable.add(what + " (" + firstLine(e) + ")");
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a leftover of a failed repair, named as such; nothing else to do
    }
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
