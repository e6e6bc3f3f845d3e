package dev.stagecraft.runtime.store.maintenance;

import dev.stagecraft.runtime.io.FileTrees;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreException;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes what a store no longer needs: runs that started before a cutoff (with their executions,
 * failed attempts, logs and scratch space), cache entries older than it, and artifacts (files, and
 * the small ones kept in the database) that no remaining run or cache entry references. Never
 * removes a run in progress, a run the caller keeps (those a model registry version came from), or
 * anything such a run references.
 *
 * <p>It works inside one write transaction, so runs starting meanwhile wait for it. Artifact files
 * are removed only when no run is in progress: a running run may have written a file whose
 * reference is not committed yet.
 *
 * <pre>{@code
 * GcReport r = GarbageCollector.collect(store, Instant.now().minus(Duration.ofDays(30)),
 *     registryRunIds, false);
 * }</pre>
 */
public final class GarbageCollector {
  private GarbageCollector() {}

  /**
   * Collects the store's garbage older than {@code cutoff}, keeping the runs in {@code keep}; with
   * {@code dryRun} only says what it would remove.
   *
   * @throws StoreException when the database cannot be written or files cannot be removed
   */
  public static GcReport collect(Store store, Instant cutoff, Set<String> keep, boolean dryRun) {
    Database db = store.database();
    GcReport[] report = new GcReport[1];
    try (Connection c = db.connect()) {
      Database.inTransaction(
          c, tx -> report[0] = collect(tx, store, cutoff.toEpochMilli(), keep, dryRun));
    } catch (SQLException e) {
      throw db.failure(e);
    }
    return report[0];
  }

  private static GcReport collect(
      Connection tx, Store store, long cutoff, Set<String> keep, boolean dryRun)
      throws SQLException {
    long now = System.currentTimeMillis();
    Set<String> live = new HashSet<>();
    try (Statement s = tx.createStatement();
        ResultSet rs = s.executeQuery("SELECT run_id, heartbeat_at, timeout_ms FROM run_leases")) {
      while (rs.next()) {
        if (now - rs.getLong(2) <= rs.getLong(3)) {
          live.add(rs.getString(1));
        }
      }
    }
    List<String> runs = new ArrayList<>();
    try (PreparedStatement p =
        tx.prepareStatement("SELECT id FROM runs WHERE started_at < ? ORDER BY started_at, id")) {
      p.setLong(1, cutoff);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          if (!live.contains(id) && !keep.contains(id)) {
            runs.add(id);
          }
        }
      }
    }
    int cacheEntries = count(tx, "SELECT COUNT(*) FROM cache_entries WHERE created_at < ?", cutoff);
    if (!dryRun) {
      deleteRuns(tx, runs);
      try (PreparedStatement p =
          tx.prepareStatement("DELETE FROM cache_entries WHERE created_at < ?")) {
        p.setLong(1, cutoff);
        p.executeUpdate();
      }
      try (Statement s = tx.createStatement()) {
        s.executeUpdate(
            "DELETE FROM pipeline_definitions WHERE fingerprint NOT IN"
                + " (SELECT definition FROM runs WHERE definition IS NOT NULL)");
      }
    }
    Set<String> removed = new HashSet<>(runs);
    Optional<String> artifactsKept = Optional.empty();
    int artifacts = 0;
    long bytes = 0;
    if (live.isEmpty()) {
      Set<String> referenced = referenced(tx, removed, cutoff, dryRun);
      ArtifactStore files = store.artifacts();
      try {
        for (String sha : files.list()) {
          if (!referenced.contains(sha)) {
            artifacts++;
            bytes += dryRun ? Files.size(files.file(sha)) : files.remove(sha);
          }
        }
        if (!dryRun) {
          files.removeTemporaryFiles();
        }
        for (InlineArtifact inline : inlineArtifacts(tx)) {
          if (!referenced.contains(inline.sha256())) {
            artifacts++;
            bytes += inline.size();
            if (!dryRun) {
              deleteInline(tx, inline.sha256());
            }
          }
        }
      } catch (IOException e) {
        throw new StoreException(
            "cannot remove artifacts in " + files.root() + " (" + e.getMessage() + ")", e);
      }
    } else {
      artifactsKept =
          Optional.of(
              live.size()
                  + (live.size() == 1 ? " run is" : " runs are")
                  + " in progress, so no artifact file was removed; run gc again when "
                  + (live.size() == 1 ? "it ends" : "they end"));
    }
    List<Path> scratch =
        scratch(tx, store.directory().resolve(Store.SCRATCH_DIR), removed, live, cutoff, dryRun);
    return new GcReport(runs, cacheEntries, artifacts, bytes, scratch, artifactsKept);
  }

  /** A small artifact kept in the database instead of a file. */
  private record InlineArtifact(String sha256, long size) {}

  private static List<InlineArtifact> inlineArtifacts(Connection tx) throws SQLException {
    List<InlineArtifact> all = new ArrayList<>();
    try (Statement s = tx.createStatement();
        ResultSet rs = s.executeQuery("SELECT sha256, length(bytes) FROM inline_artifacts")) {
      while (rs.next()) {
        all.add(new InlineArtifact(rs.getString(1), rs.getLong(2)));
      }
    }
    return all;
  }

  private static void deleteInline(Connection tx, String sha256) throws SQLException {
    try (PreparedStatement p =
        tx.prepareStatement("DELETE FROM inline_artifacts WHERE sha256 = ?")) {
      p.setString(1, sha256);
      p.executeUpdate();
    }
  }

  private static void deleteRuns(Connection tx, List<String> runs) throws SQLException {
    String[] statements = {
      "DELETE FROM stage_executions WHERE run_id = ?",
      "DELETE FROM stage_attempts WHERE run_id = ?",
      "DELETE FROM stage_logs WHERE run_id = ?",
      "DELETE FROM run_leases WHERE run_id = ?",
      "DELETE FROM runs WHERE id = ?"
    };
    for (String sql : statements) {
      try (PreparedStatement p = tx.prepareStatement(sql)) {
        for (String id : runs) {
          p.setString(1, id);
          p.addBatch();
        }
        p.executeBatch();
      }
    }
  }

  /**
   * The artifacts still referenced: by the executions of the runs that stay, and by the cache
   * entries that stay (in a dry run, those not about to be removed).
   */
  private static Set<String> referenced(
      Connection tx, Set<String> removedRuns, long cutoff, boolean dryRun) throws SQLException {
    Set<String> referenced = new HashSet<>();
    try (Statement s = tx.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT run_id, artifact_sha256 FROM stage_executions"
                    + " WHERE artifact_sha256 IS NOT NULL")) {
      while (rs.next()) {
        if (!dryRun || !removedRuns.contains(rs.getString(1))) {
          referenced.add(rs.getString(2));
        }
      }
    }
    try (PreparedStatement p =
        tx.prepareStatement("SELECT sha256 FROM cache_entries WHERE created_at >= ?")) {
      p.setLong(1, dryRun ? cutoff : Long.MIN_VALUE);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          referenced.add(rs.getString(1));
        }
      }
    }
    return referenced;
  }

  /**
   * Scratch directories to remove: those of removed runs, of runs that ended (or died) and started
   * before the cutoff, and of unknown runs last changed before it; never one of a live run.
   */
  private static List<Path> scratch(
      Connection tx, Path root, Set<String> removed, Set<String> live, long cutoff, boolean dryRun)
      throws SQLException {
    List<Path> dirs = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return dirs;
    }
    List<Path> children;
    try (Stream<Path> list = Files.list(root)) {
      children = list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new StoreException("cannot list " + root + " (" + e.getMessage() + ")", e);
    }
    for (Path dir : children) {
      String runId = dir.getFileName().toString();
      if (live.contains(runId)) {
        continue;
      }
      Optional<Long> started = startedAt(tx, runId);
      boolean old =
          removed.contains(runId)
              || started.map(t -> t < cutoff).orElseGet(() -> lastModified(dir) < cutoff);
      if (old) {
        dirs.add(dir);
        if (!dryRun) {
          try {
            FileTrees.delete(dir);
          } catch (IOException e) {
            throw new StoreException(
                "cannot remove the scratch directory " + dir + " (" + e.getMessage() + ")", e);
          }
        }
      }
    }
    return dirs;
  }

  private static Optional<Long> startedAt(Connection c, String runId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT started_at FROM runs WHERE id = ?")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static long lastModified(Path dir) {
    try {
      return Files.getLastModifiedTime(dir).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE; // cannot tell its age: keep it
    }
  }

  private static int count(Connection c, String sql, long value) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, value);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }
}
