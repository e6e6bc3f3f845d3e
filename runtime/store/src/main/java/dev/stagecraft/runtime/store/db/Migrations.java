package dev.stagecraft.runtime.store.db;

import java.util.List;

/**
 * The store's schema as an ordered list of {@link Migration}s; the last one is the current version.
 */
public final class Migrations {
  private Migrations() {}

  /** Every step, in order, versions 1, 2, 3, ... */
  public static final List<Migration> ALL =
      List.of(
          new Migration(
              1,
              "runs and stage executions",
              List.of(
                  """
          CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            pipeline TEXT NOT NULL,
            params TEXT NOT NULL,
            status TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            resumed_from TEXT)""",
                  "CREATE INDEX runs_by_start ON runs(started_at)",
                  "CREATE INDEX runs_by_pipeline ON runs(pipeline, started_at)",
                  """
          CREATE TABLE stage_executions (
            run_id TEXT NOT NULL,
            instance TEXT NOT NULL,
            stage TEXT NOT NULL,
            fan_index INTEGER,
            item TEXT,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            started_at INTEGER,
            ended_at INTEGER,
            wall_ms INTEGER NOT NULL DEFAULT 0,
            cpu_ns INTEGER NOT NULL DEFAULT 0,
            allocated_bytes INTEGER NOT NULL DEFAULT 0,
            metrics TEXT NOT NULL DEFAULT '{}',
            reason TEXT NOT NULL DEFAULT '',
            seq INTEGER NOT NULL,
            PRIMARY KEY (run_id, instance)) WITHOUT ROWID""")),
          new Migration(
              2,
              "stored outputs of stage executions, and cache entries",
              List.of(
                  "ALTER TABLE stage_executions ADD COLUMN artifact_sha256 TEXT",
                  "ALTER TABLE stage_executions ADD COLUMN artifact_codec TEXT",
                  "ALTER TABLE stage_executions ADD COLUMN artifact_size INTEGER",
                  """
          CREATE TABLE cache_entries (
            cache_key TEXT PRIMARY KEY,
            pipeline TEXT NOT NULL,
            stage TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            codec TEXT NOT NULL,
            size INTEGER NOT NULL,
            created_at INTEGER NOT NULL) WITHOUT ROWID""")),
          new Migration(
              3,
              "fan-out items as short labels instead of JSON text",
              List.of(
                  """
          UPDATE stage_executions SET item = json_extract(item, '$')
          WHERE item IS NOT NULL AND json_valid(item) AND json_type(item) = 'text'""",
                  """
          UPDATE stage_executions SET item = substr(item, 1, 39) || '…'
          WHERE item IS NOT NULL AND length(item) > 40""")),
          new Migration(
              4,
              "small artifacts in the database instead of files",
              List.of(
                  """
          CREATE TABLE inline_artifacts (
            sha256 TEXT PRIMARY KEY,
            bytes BLOB NOT NULL) WITHOUT ROWID""")),
          new Migration(
              5,
              "run leases, pipeline definitions, failed attempts and stage logs",
              List.of(
                  """
          CREATE TABLE run_leases (
            run_id TEXT PRIMARY KEY,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            token TEXT NOT NULL,
            timeout_ms INTEGER NOT NULL,
            acquired_at INTEGER NOT NULL,
            heartbeat_at INTEGER NOT NULL) WITHOUT ROWID""",
                  "CREATE INDEX run_leases_by_token ON run_leases(token)",
                  "ALTER TABLE runs ADD COLUMN resumed_by TEXT",
                  "ALTER TABLE runs ADD COLUMN definition TEXT",
                  """
          CREATE TABLE pipeline_definitions (
            fingerprint TEXT PRIMARY KEY,
            pipeline TEXT NOT NULL,
            definition TEXT NOT NULL) WITHOUT ROWID""",
                  """
          CREATE TABLE stage_attempts (
            run_id TEXT NOT NULL,
            instance TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (run_id, instance, attempt)) WITHOUT ROWID""",
                  """
          CREATE TABLE stage_logs (
            run_id TEXT NOT NULL,
            instance TEXT NOT NULL,
            seq INTEGER NOT NULL,
            attempt INTEGER NOT NULL,
            logged_at INTEGER NOT NULL,
            level TEXT NOT NULL,
            message TEXT NOT NULL,
            PRIMARY KEY (run_id, instance, seq)) WITHOUT ROWID""")),
          new Migration(
              6,
              "the resolved plan of a run, with its template and environment",
              List.of(
                  """
          CREATE TABLE run_plans (
            run_id TEXT PRIMARY KEY,
            template TEXT,
            environment TEXT,
            plan TEXT NOT NULL) WITHOUT ROWID""")),
          new Migration(
              7,
              "stage progress messages and run summaries",
              List.of(
                  "ALTER TABLE stage_executions ADD COLUMN progress TEXT",
                  "ALTER TABLE stage_executions ADD COLUMN progress_at INTEGER",
                  "ALTER TABLE runs ADD COLUMN summary TEXT")),
          new Migration(
              8,
              "runs of exported workflows, whose stages record themselves and hold no lease",
              List.of("ALTER TABLE runs ADD COLUMN exported INTEGER NOT NULL DEFAULT 0")),
          new Migration(
              9,
              "measured memory of stage executions, and the data size of planned runs",
              List.of(
                  "ALTER TABLE stage_executions ADD COLUMN peak_memory_bytes INTEGER",
                  "ALTER TABLE run_plans ADD COLUMN data_size INTEGER")),
          new Migration(
              10,
              "runs submitted to a pipeline server, recorded before the server answers",
              List.of(
                  """
          CREATE TABLE submissions (
            id TEXT PRIMARY KEY,
            pipeline TEXT NOT NULL,
            request TEXT NOT NULL,
            priority INTEGER NOT NULL,
            submitted_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            run_id TEXT,
            ended_at INTEGER) WITHOUT ROWID""",
                  "CREATE INDEX submissions_by_state ON submissions (state, submitted_at)")));

  /** The schema version this code reads and writes. */
  public static int currentVersion() {
    return ALL.get(ALL.size() - 1).version();
  }
}
