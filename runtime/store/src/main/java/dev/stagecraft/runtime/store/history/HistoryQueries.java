package dev.stagecraft.runtime.store.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.LogLine;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineFingerprint;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.optimize.ExecutionSample;
import dev.stagecraft.runtime.plan.optimize.PipelineHistory;
import dev.stagecraft.runtime.plan.optimize.StatsRun;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import dev.stagecraft.runtime.store.db.Database;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads the run history: runs newest first, one run with its stage executions, their failed
 * attempts and its plan, what a stage logged, the expected duration of each stage (for the
 * scheduler), a pipeline's recent executions for predictions and its runs for statistics, ids by
 * prefix, stored outputs, cache entries, recorded pipeline definitions, the latest progress
 * messages and the summary lines. Each call uses its own connection, so queries never wait for the
 * writer (WAL readers don't).
 *
 * <p>A run is read as INTERRUPTED when it was recorded RUNNING but no live process holds its lease
 * any more (the process died, or the run was recorded before leases existed).
 */
public final class HistoryQueries {
  /**
   * The JSON columns' mapper and types, made on first use: queries that read none (such as what
   * {@code plan} reads) load no Jackson.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = JsonMappers.create();
    static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};
    static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {};
    static final TypeReference<List<String>> LINES = new TypeReference<>() {};
  }

  private final Database db;

  /** Queries on the database. */
  public HistoryQueries(Database db) {
    this.db = db;
  }

  /** Runs, newest first, of one pipeline or (empty) of all; at most {@code limit}. */
  public List<RunSummary> runs(Optional<String> pipeline, int limit) {
    // One pass over each listed run's executions counts all three.
    String sql =
        "SELECT r.id, r.pipeline, "
            + STATUS
            + ", r.started_at, "
            + END
            + ", r.resumed_from,"
            + " COALESCE(SUM(e.status IN ('SUCCEEDED', 'CACHED')), 0), COALESCE(SUM(e.status = 'FAILED'), 0),"
            + " COUNT(e.instance)"
            + " FROM (SELECT * FROM runs"
            + (pipeline.isPresent() ? " WHERE pipeline = ?" : "")
            + " ORDER BY started_at DESC, id DESC LIMIT ?) r"
            + " LEFT JOIN run_leases l ON l.run_id = r.id"
            + " LEFT JOIN stage_executions e ON e.run_id = r.id"
            + " GROUP BY r.id ORDER BY r.started_at DESC, r.id DESC";
    long now = System.currentTimeMillis();
    return query(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, now);
            p.setLong(2, now);
            int i = 3;
            if (pipeline.isPresent()) {
              p.setString(i++, pipeline.get());
            }
            p.setInt(i, limit);
            List<RunSummary> runs = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                runs.add(
                    new RunSummary(
                        rs.getString(1),
                        rs.getString(2),
                        RunStatus.valueOf(rs.getString(3)),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        instant(rs, 5),
                        Optional.ofNullable(rs.getString(6)),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9)));
              }
            }
            return runs;
          }
        });
  }

  /** The run of that exact id with its stage executions, if recorded. */
  public Optional<RunRecord> run(String runId) {
    long now = System.currentTimeMillis();
    return query(
        c -> {
          String pipeline;
          Map<String, String> params;
          RunStatus status;
          Instant start;
          Optional<Instant> end;
          Optional<String> resumedFrom;
          Optional<String> resumedBy;
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT r.pipeline, r.params, "
                      + STATUS
                      + ", r.started_at, "
                      + END
                      + ", r.resumed_from, r.resumed_by FROM runs r"
                      + " LEFT JOIN run_leases l ON l.run_id = r.id WHERE r.id = ?")) {
            p.setLong(1, now);
            p.setLong(2, now);
            p.setString(3, runId);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              pipeline = rs.getString(1);
              params = readJson(rs.getString(2), Json.PARAMS);
              status = RunStatus.valueOf(rs.getString(3));
              start = Instant.ofEpochMilli(rs.getLong(4));
              end = instant(rs, 5);
              resumedFrom = Optional.ofNullable(rs.getString(6));
              resumedBy = Optional.ofNullable(rs.getString(7));
            }
          }
          Map<String, List<FailedAttempt>> attempts = failedAttempts(c, runId);
          List<StageExecution> stages = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT instance, stage, fan_index, item, status, attempts, started_at, ended_at, wall_ms,"
                      + " cpu_ns, allocated_bytes, metrics, reason FROM stage_executions WHERE run_id = ?"
                      + " ORDER BY seq, instance")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                int index = rs.getInt(3);
                Optional<Integer> fanIndex = rs.wasNull() ? Optional.empty() : Optional.of(index);
                stages.add(
                    new StageExecution(
                        rs.getString(1),
                        rs.getString(2),
                        fanIndex,
                        Optional.ofNullable(rs.getString(4)),
                        StageStatus.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        instant(rs, 7),
                        instant(rs, 8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        readJson(rs.getString(12), Json.METRICS),
                        rs.getString(13),
                        attempts.getOrDefault(rs.getString(1), List.of())));
              }
            }
          }
          return Optional.of(
              new RunRecord(
                  runId,
                  pipeline,
                  params,
                  status,
                  start,
                  end,
                  resumedFrom,
                  resumedBy,
                  RunClaims.lease(c, runId),
                  stages));
        });
  }

  private static Map<String, List<FailedAttempt>> failedAttempts(Connection c, String runId)
      throws SQLException {
    Map<String, List<FailedAttempt>> byInstance = new HashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT instance, attempt, started_at, ended_at, reason FROM stage_attempts"
                + " WHERE run_id = ? ORDER BY instance, attempt")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          byInstance
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new FailedAttempt(
                      rs.getInt(2),
                      Instant.ofEpochMilli(rs.getLong(3)),
                      Instant.ofEpochMilli(rs.getLong(4)),
                      rs.getString(5)));
        }
      }
    }
    return byInstance;
  }

  /**
   * What the run's stage instances logged, in order: all of them, or those of one stage ({@code
   * train}: every instance) or one instance ({@code train[1]}).
   */
  public List<StageLogEntry> logs(String runId, Optional<String> stageOrInstance) {
    return query(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT instance, attempt, logged_at, level, message FROM stage_logs"
                      + " WHERE run_id = ? ORDER BY seq")) {
            p.setString(1, runId);
            List<StageLogEntry> lines = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                String instance = rs.getString(1);
                if (stageOrInstance.isPresent()
                    && !stageOrInstance.get().equals(instance)
                    && !stageOrInstance.get().equals(InstanceName.parse(instance).stage())) {
                  continue;
                }
                lines.add(
                    new StageLogEntry(
                        instance,
                        new LogLine(
                            rs.getInt(2),
                            Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4),
                            rs.getString(5))));
              }
            }
            return lines;
          }
        });
  }

  /** The definition of the pipeline as the run recorded it, if it did. */
  public Optional<PipelineFingerprint> definition(String runId) {
    return query(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT d.definition FROM runs r JOIN pipeline_definitions d"
                      + " ON d.fingerprint = r.definition WHERE r.id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next()
                  ? Optional.of(PipelineFingerprint.parse(rs.getString(1)))
                  : Optional.<PipelineFingerprint>empty();
            }
          }
        });
  }

  /** The plan the run followed, if it recorded one. */
  public Optional<RecordedPlan> plan(String runId) {
    return query(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT template, environment, plan FROM run_plans WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.<RecordedPlan>empty();
              }
              return Optional.of(
                  new RecordedPlan(
                      Optional.ofNullable(rs.getString(1)),
                      Optional.ofNullable(rs.getString(2)),
                      readTree(rs.getString(3))));
            }
          }
        });
  }

  /** Ids of runs starting with the prefix, sorted. */
  public List<String> runIdsByPrefix(String prefix) {
    return query(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT id FROM runs WHERE id >= ? AND id < ? ORDER BY id")) {
            p.setString(1, prefix);
            p.setString(2, prefix + Character.MAX_VALUE);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                String id = rs.getString(1);
                if (id.startsWith(prefix)) {
                  ids.add(id);
                }
              }
            }
            return ids;
          }
        });
  }

  /**
   * The one run whose id is or starts with {@code idOrPrefix}.
   *
   * @throws UnknownRunException when none or several match, saying which and what to do
   */
  public String resolveRunId(String idOrPrefix) {
    if (idOrPrefix.isEmpty()) {
      throw new UnknownRunException(
          "an empty run id names no run in "
              + db.file().getParent()
              + "; list runs with: stagecraft runs");
    }
    List<String> ids = runIdsByPrefix(idOrPrefix);
    if (ids.contains(idOrPrefix)) {
      return idOrPrefix;
    }
    if (ids.isEmpty()) {
      throw new UnknownRunException(
          "no run '"
              + idOrPrefix
              + "' in the store "
              + db.file().getParent()
              + "; list runs with: stagecraft runs");
    }
    if (ids.size() > 1) {
      List<String> shown = ids.subList(0, Math.min(5, ids.size()));
      throw new UnknownRunException(
          "run id prefix '"
              + idOrPrefix
              + "' is ambiguous: it matches "
              + String.join(", ", shown)
              + (ids.size() > shown.size() ? " and " + (ids.size() - shown.size()) + " more" : "")
              + "; type more of the id");
    }
    return ids.get(0);
  }

  /** How many of a pipeline's latest runs {@link #expectedDurations} looks at. */
  public static final int RECENT_RUNS = 50;

  /**
   * The expected duration of each stage of the pipeline: its wall time in the most recent run where
   * it SUCCEEDED (the longest instance of a fan-out stage), among the pipeline's last {@link
   * #RECENT_RUNS} runs. Stages that did not succeed in those are absent.
   */
  public Map<String, Duration> expectedDurations(String pipeline) {
    String sql =
        "SELECT stage, MAX(wall_ms) FROM ("
            + " SELECT e.stage AS stage, e.wall_ms AS wall_ms,"
            + " RANK() OVER (PARTITION BY e.stage ORDER BY r.started_at DESC, r.id DESC) AS recency"
            + " FROM stage_executions e JOIN (SELECT id, started_at FROM runs WHERE pipeline = ?"
            + " ORDER BY started_at DESC, id DESC LIMIT "
            + RECENT_RUNS
            + ") r ON r.id = e.run_id"
            + " WHERE e.status = 'SUCCEEDED')"
            + " WHERE recency = 1 GROUP BY stage ORDER BY stage";
    return query(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, pipeline);
            Map<String, Duration> durations = new LinkedHashMap<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                durations.put(rs.getString(1), Duration.ofMillis(rs.getLong(2)));
              }
            }
            return durations;
          }
        });
  }

  /**
   * What predictions read of the pipeline's latest {@code runs} runs: every stage execution with
   * its run's data size, newest run first (in a run, in the order recorded).
   */
  public PipelineHistory pipelineHistory(String pipeline, int runs) {
    String window =
        "SELECT id, started_at FROM runs WHERE pipeline = ? ORDER BY started_at DESC, id DESC LIMIT ?";
    return query(
        c -> {
          int read;
          try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM (" + window + ")")) {
            p.setString(1, pipeline);
            p.setInt(2, runs);
            try (ResultSet rs = p.executeQuery()) {
              read = rs.next() ? rs.getInt(1) : 0;
            }
          }
          Map<String, List<ExecutionSample>> byStage = new LinkedHashMap<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT e.run_id, pl.data_size, e.stage, e.fan_index, e.status, e.reason,"
                      + " e.attempts, e.wall_ms, e.cpu_ns, e.peak_memory_bytes, e.artifact_size"
                      + " FROM ("
                      + window
                      + ") r JOIN stage_executions e ON e.run_id = r.id"
                      + " LEFT JOIN run_plans pl ON pl.run_id = r.id"
                      + " ORDER BY r.started_at DESC, r.id DESC, e.seq, e.instance")) {
            p.setString(1, pipeline);
            p.setInt(2, runs);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                OptionalLong dataSize = optionalLong(rs, 2);
                int index = rs.getInt(4);
                int fanIndex = rs.wasNull() ? -1 : index;
                byStage
                    .computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                    .add(
                        new ExecutionSample(
                            rs.getString(1),
                            dataSize,
                            fanIndex,
                            StageStatus.valueOf(rs.getString(5)),
                            rs.getString(6),
                            rs.getInt(7),
                            rs.getLong(8) / 1000.0,
                            rs.getLong(9) / 1e9,
                            optionalLong(rs, 10),
                            rs.getLong(11)));
              }
            }
          }
          return new PipelineHistory(read, byStage);
        });
  }

  /**
   * What a pipeline's statistics read of its latest {@code runs} runs, newest first: each run with
   * every stage execution, its failed attempts, what it reserved (from the plan the run recorded,
   * else the stage's request in {@code definition}, else the default request) and the size of its
   * stored output.
   */
  public List<StatsRun> statsRuns(
      String pipeline, int runs, Optional<PipelineDefinition> definition) {
    Function<String, ResourceRequest> reservedByStage =
        stage ->
            definition
                .flatMap(d -> d.stage(stage))
                .map(StageSpec::resources)
                .orElse(ResourceRequest.DEFAULT);
    long now = System.currentTimeMillis();
    return query(
        c -> {
          List<StatsRun> result = new ArrayList<>();
          record Head(
              String id,
              RunStatus status,
              Instant start,
              Optional<Instant> end,
              Optional<String> resumedFrom,
              String plan) {}
          List<Head> heads = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT r.id, "
                      + STATUS
                      + ", r.started_at, "
                      + END
                      + ", r.resumed_from, pl.plan FROM (SELECT * FROM runs WHERE pipeline = ?"
                      + " ORDER BY started_at DESC, id DESC LIMIT ?) r"
                      + " LEFT JOIN run_leases l ON l.run_id = r.id"
                      + " LEFT JOIN run_plans pl ON pl.run_id = r.id"
                      + " ORDER BY r.started_at DESC, r.id DESC")) {
            p.setLong(1, now);
            p.setLong(2, now);
            p.setString(3, pipeline);
            p.setInt(4, runs);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                heads.add(
                    new Head(
                        rs.getString(1),
                        RunStatus.valueOf(rs.getString(2)),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        instant(rs, 4),
                        Optional.ofNullable(rs.getString(5)),
                        rs.getString(6)));
              }
            }
          }
          for (Head h : heads) {
            Map<String, ResourceRequest> planned =
                h.plan() == null ? Map.of() : reserved(readTree(h.plan()));
            Map<String, List<FailedAttempt>> attempts = failedAttempts(c, h.id());
            List<StatsRun.Execution> executions = new ArrayList<>();
            try (PreparedStatement p =
                c.prepareStatement(
                    "SELECT instance, stage, fan_index, status, attempts, started_at, ended_at,"
                        + " wall_ms, cpu_ns, artifact_size FROM stage_executions WHERE run_id = ?"
                        + " ORDER BY seq, instance")) {
              p.setString(1, h.id());
              try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                  String instance = rs.getString(1);
                  String stage = rs.getString(2);
                  int index = rs.getInt(3);
                  boolean fanOut = !rs.wasNull();
                  StageExecution.Builder b =
                      StageExecution.builder(instance, stage)
                          .status(StageStatus.valueOf(rs.getString(4)))
                          .attempts(rs.getInt(5))
                          .start(instant(rs, 6).orElse(null))
                          .end(instant(rs, 7).orElse(null))
                          .wallMs(rs.getLong(8))
                          .cpuNanos(rs.getLong(9))
                          .failedAttempts(attempts.getOrDefault(instance, List.of()));
                  if (fanOut) {
                    b.index(index);
                  }
                  executions.add(
                      new StatsRun.Execution(
                          b.build(),
                          planned.containsKey(stage)
                              ? planned.get(stage)
                              : reservedByStage.apply(stage),
                          rs.getLong(10)));
                }
              }
            }
            result.add(
                new StatsRun(h.id(), h.status(), h.start(), h.end(), h.resumedFrom(), executions));
          }
          return result;
        });
  }

  /** What each stage of a recorded plan reserved, by stage name. */
  private static Map<String, ResourceRequest> reserved(JsonNode plan) {
    Map<String, ResourceRequest> reserved = new HashMap<>();
    for (JsonNode stage : plan.path("stages")) {
      JsonNode r = stage.path("resources");
      try {
        reserved.put(
            stage.path("name").asText(),
            ResourceRequest.parse(
                r.path("cpu").asText(), r.path("memory").asText(), r.path("gpu").asInt()));
      } catch (IllegalArgumentException unreadable) {
        // a plan recorded without resources: the definition's request stands in
      }
    }
    return reserved;
  }

  /**
   * The stored outputs of the run's instances that SUCCEEDED or were CACHED, by instance name: what
   * a resume of the run reuses.
   */
  public Map<String, ArtifactRef> storedOutputs(String runId) {
    return query(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT e.instance, e.artifact_sha256, e.artifact_codec, e.artifact_size, a.bytes"
                      + " FROM stage_executions e LEFT JOIN inline_artifacts a ON a.sha256 = e.artifact_sha256"
                      + " WHERE e.run_id = ? AND e.status IN ('SUCCEEDED', 'CACHED')"
                      + " AND e.artifact_sha256 IS NOT NULL ORDER BY e.seq")) {
            p.setString(1, runId);
            Map<String, ArtifactRef> outputs = new LinkedHashMap<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                outputs.put(
                    rs.getString(1),
                    new ArtifactRef(
                        rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBytes(5)));
              }
            }
            return outputs;
          }
        });
  }

  /**
   * The latest progress message of each of the run's instances that reported one ({@code
   * StageContext.progress}), by instance name in the run's order.
   */
  public Map<String, String> progress(String runId) {
    return query(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT instance, progress FROM stage_executions"
                      + " WHERE run_id = ? AND progress IS NOT NULL ORDER BY seq, instance")) {
            p.setString(1, runId);
            Map<String, String> messages = new LinkedHashMap<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                messages.put(rs.getString(1), rs.getString(2));
              }
            }
            return messages;
          }
        });
  }

  /** The summary lines recorded for the run ({@link RunHistory#summary}); empty when none. */
  public List<String> summary(String runId) {
    return query(
        c -> {
          try (PreparedStatement p = c.prepareStatement("SELECT summary FROM runs WHERE id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
              String text = rs.next() ? rs.getString(1) : null;
              return text == null ? List.<String>of() : readJson(text, Json.LINES);
            }
          }
        });
  }

  /** The artifact cached under the key, if any. */
  public Optional<ArtifactRef> cacheEntry(String key) {
    return query(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT c.sha256, c.codec, c.size, a.bytes FROM cache_entries c"
                      + " LEFT JOIN inline_artifacts a ON a.sha256 = c.sha256 WHERE c.cache_key = ?")) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new ArtifactRef(
                          rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)))
                  : Optional.<ArtifactRef>empty();
            }
          }
        });
  }

  /**
   * The status a reader sees ({@code r} the runs row, {@code l} its lease, two parameters: now in
   * ms): a RUNNING run without a live lease is INTERRUPTED, except an exported run, which no
   * process holds (its stages record themselves): it is RUNNING until its exit handler ends it.
   */
  private static final String STATUS =
      "CASE WHEN r.status = 'RUNNING' AND r.exported = 0"
          + " AND (l.run_id IS NULL OR ? - l.heartbeat_at > l.timeout_ms)"
          + " THEN 'INTERRUPTED' ELSE r.status END";

  /** The end a reader sees: an interrupted run ended at its last heartbeat, when known. */
  private static final String END =
      "CASE WHEN r.status = 'RUNNING' AND r.exported = 0 AND ? - l.heartbeat_at > l.timeout_ms"
          + " THEN l.heartbeat_at ELSE r.ended_at END";

  private interface Query<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T query(Query<T> q) {
    try (Connection c = db.connect()) {
      return q.run(c);
    } catch (SQLException e) {
      throw db.failure(e);
    }
  }

  private static OptionalLong optionalLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
  }

  private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }

  private static JsonNode readTree(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("the run history holds malformed JSON: " + text, e);
    }
  }

  private static <T> T readJson(String text, TypeReference<T> type) {
    try {
      return Json.MAPPER.readValue(text, type);
    } catch (IOException e) {
      throw new IllegalStateException("the run history holds malformed JSON: " + text, e);
    }
  }
}
