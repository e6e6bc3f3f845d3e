package dev.stagecraft.runtime.store.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.PipelineFingerprint;
import dev.stagecraft.runtime.store.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Imports the records of exported runs ({@link SharedRuns}) into a run history database, so that
 * {@code runs}, {@code show}, {@code report} and {@code logs} read them as any run. An exported run
 * is marked so: no process holds it, so it reads RUNNING until its exit handler recorded its end,
 * then FAILED when a stage failed and SUCCEEDED otherwise; never INTERRUPTED.
 */
public final class SharedRunImport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SharedRunImport() {}

  /** Imports every exported run of {@code runs} into {@code db} in one transaction. */
  public static void into(Database db, SharedRuns runs) {
    try (Connection c = db.connect()) {
      Database.inTransaction(
          c,
          tx -> {
            for (String runId : runs.runIds()) {
              importRun(tx, runs, runId);
            }
          });
    } catch (SQLException e) {
      throw db.failure(e);
    }
  }

  private static void importRun(Connection c, SharedRuns runs, String runId) throws SQLException {
    SharedRun run = runs.run(runId).orElseThrow();
    List<StageRecord> records = new ArrayList<>(runs.records(runId).values());
    records.sort(
        Comparator.comparing((StageRecord r) -> r.start() == null ? Long.MAX_VALUE : r.start())
            .thenComparing(StageRecord::instance));
    Optional<Long> end = runs.ended(runId);
    boolean failed = records.stream().anyMatch(r -> r.status() == StageStatus.FAILED);
    String status = end.isEmpty() ? "RUNNING" : failed ? "FAILED" : "SUCCEEDED";
    PipelineFingerprint definition = PipelineFingerprint.parse(run.definition());
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT OR REPLACE INTO pipeline_definitions (fingerprint, pipeline, definition)"
                + " VALUES (?, ?, ?)")) {
      p.setString(1, definition.hash());
      p.setString(2, run.pipeline());
      p.setString(3, definition.text());
      p.executeUpdate();
    }
    List<String> summary = new ArrayList<>();
    records.stream()
        .sorted(Comparator.comparing(StageRecord::instance))
        .forEach(r -> summary.addAll(r.summary()));
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT OR REPLACE INTO runs (id, pipeline, params, status, started_at, ended_at,"
                + " definition, summary, exported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
      p.setString(1, runId);
      p.setString(2, run.pipeline());
      p.setString(3, json(new TreeMap<>(run.params())));
      p.setString(4, status);
      p.setLong(5, run.start());
      if (end.isPresent()) {
        p.setLong(6, end.get());
      } else {
        p.setNull(6, Types.INTEGER);
      }
      p.setString(7, definition.hash());
      p.setString(8, summary.isEmpty() ? null : json(summary));
      p.executeUpdate();
    }
    long seq = 0;
    for (StageRecord r : records) {
      insertExecution(c, runId, r, seq++);
    }
  }

  private static void insertExecution(Connection c, String runId, StageRecord r, long seq)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT OR REPLACE INTO stage_executions (run_id, instance, stage, fan_index, item,"
                + " status, attempts, started_at, ended_at, wall_ms, cpu_ns, allocated_bytes,"
                + " metrics, reason, seq, artifact_sha256, artifact_codec, artifact_size)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, runId);
      p.setString(2, r.instance());
      p.setString(3, r.stage());
      setLong(p, 4, r.index() == null ? null : r.index().longValue());
      p.setString(5, r.item());
      p.setString(6, r.status().name());
      p.setInt(7, r.attempts());
      setLong(p, 8, r.start());
      setLong(p, 9, r.end());
      p.setLong(10, r.wallMs());
      p.setLong(11, r.cpuNanos());
      p.setLong(12, r.allocatedBytes());
      p.setString(13, json(new TreeMap<>(r.metrics())));
      p.setString(14, r.reason());
      p.setLong(15, seq);
      StageRecord.OutputRef out = r.output();
      p.setString(16, out == null ? null : out.sha256());
      p.setString(17, out == null ? null : out.codec());
      setLong(p, 18, out == null ? null : out.size());
      p.executeUpdate();
    }
    if (r.output() != null && r.output().inline() != null) {
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO inline_artifacts (sha256, bytes) VALUES (?, ?)"
                  + " ON CONFLICT(sha256) DO NOTHING")) {
        p.setString(1, r.output().sha256());
        p.setBytes(2, r.output().inline());
        p.executeUpdate();
      }
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT OR REPLACE INTO stage_attempts (run_id, instance, attempt, started_at,"
                + " ended_at, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (StageRecord.AttemptRecord a : r.failedAttempts()) {
        p.setString(1, runId);
        p.setString(2, r.instance());
        p.setInt(3, a.attempt());
        p.setLong(4, a.start());
        p.setLong(5, a.end());
        p.setString(6, a.reason());
        p.addBatch();
      }
      p.executeBatch();
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT OR REPLACE INTO stage_logs (run_id, instance, seq, attempt, logged_at, level,"
                + " message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int line = 0;
      for (StageRecord.LogRecord l : r.logs()) {
        p.setString(1, runId);
        p.setString(2, r.instance());
        p.setLong(3, seq * 1_000_000 + line++);
        p.setInt(4, l.attempt());
        p.setLong(5, l.at());
        p.setString(6, l.level());
        p.setString(7, l.message());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) {
      p.setNull(i, Types.INTEGER);
    } else {
      p.setLong(i, v);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + " as JSON", e);
    }
  }
}
