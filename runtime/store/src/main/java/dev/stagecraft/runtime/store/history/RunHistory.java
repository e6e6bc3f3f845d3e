package dev.stagecraft.runtime.store.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunListener;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.store.StoreException;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import dev.stagecraft.runtime.store.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Records runs and stage executions in the store's SQLite database, as a {@link RunListener}.
 *
 * <p>Listener calls only queue an event on a lock-free queue (tens of nanoseconds on the executor's
 * threads, no wake-up). One writer thread drains the queue once per flush interval and writes
 * everything queued in one transaction, so a 10,000-stage run costs a handful of transactions.
 * {@link #runFinished} waits until the run's rows are committed, so a finished run is durable; the
 * periodic commits keep what finished when a process is killed.
 */
public final class RunHistory implements RunListener, AutoCloseable {
  /** How often queued rows are committed while a run goes on. */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);

  private static final ObjectMapper JSON = JsonMappers.create();

  private final Database db;
  private final long flushIntervalNanos;
  private final Queue<HistoryEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong seq = new AtomicLong();
  private final Thread writer;
  private volatile StoreException failure;
  private volatile boolean closed;

  /** A history on the database committing every {@link #DEFAULT_FLUSH_INTERVAL}. */
  public RunHistory(Database db) {
    this(db, DEFAULT_FLUSH_INTERVAL);
  }

  /** A history on the database committing queued rows at most once per {@code flushInterval}. */
  public RunHistory(Database db, Duration flushInterval) {
    this.db = db;
    this.flushIntervalNanos = flushInterval.toNanos();
    this.writer = new Thread(this::drainLoop, "stagecraft-history-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void runStarted(RunInfo run) {
    enqueue(new HistoryEvent.RunStarted(run));
  }

  @Override
  public void stageStarted(String runId, String instance, int attempt, Instant at) {
    enqueue(new HistoryEvent.StageStarted(runId, instance, attempt, at, seq.incrementAndGet()));
  }

  @Override
  public void stageFinished(String runId, StageExecution execution) {
    enqueue(new HistoryEvent.StageFinished(runId, execution, seq.incrementAndGet()));
  }

  /**
   * Records the end of the run and waits until everything queued for it is committed.
   *
   * @throws StoreException when the history could not be written
   */
  @Override
  public void runFinished(String runId, RunStatus status, Instant end) {
    enqueue(new HistoryEvent.RunFinished(runId, status, end));
    flush();
  }

  /** Records where the output of a run's instance is stored (read back on resume). */
  public void outputStored(String runId, String instance, ArtifactRef ref) {
    enqueue(new HistoryEvent.OutputLinked(runId, instance, ref, seq.incrementAndGet()));
  }

  /** Records a cached output under its key. */
  public void cacheEntryAdded(String key, String pipeline, String stage, ArtifactRef ref) {
    enqueue(new HistoryEvent.CacheEntryAdded(key, pipeline, stage, ref));
  }

  /**
   * Waits until every event queued so far is committed.
   *
   * @throws StoreException when the history could not be written
   */
  public void flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new HistoryEvent.Flush(done));
    LockSupport.unpark(writer);
    try {
      while (!done.isDone()) {
        try {
          done.get(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException stillWriting) {
          if (!writer.isAlive() && !done.isDone()) {
            checkHealthy();
            throw new StoreException("the run history writer for " + db.file() + " is not running");
          }
        }
      }
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while writing the run history to " + db.file(), e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StoreException se
          ? se
          : new StoreException(
              "writing the run history to " + db.file() + " failed: " + e.getCause(), e);
    }
    checkHealthy();
  }

  /** Commits what is queued and stops the writer thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      flush();
    } finally {
      closed = true;
      LockSupport.unpark(writer);
      try {
        writer.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void enqueue(HistoryEvent event) {
    if (closed) {
      throw new IllegalStateException("the run history on " + db.file() + " is closed");
    }
    queue.add(event);
  }

  private void checkHealthy() {
    StoreException f = failure;
    if (f != null) {
      throw f;
    }
  }

  /**
   * The writer: wakes once per flush interval (or when a flush is asked for), takes everything
   * queued and writes it in one transaction. Producers never wake it, so a busy run pays no context
   * switch per event.
   */
  private void drainLoop() {
    List<HistoryEvent> batch = new ArrayList<>();
    try (Connection c = db.connect();
        Statements st = new Statements(c)) {
      while (true) {
        boolean stopping = closed;
        for (HistoryEvent e = queue.poll(); e != null; e = queue.poll()) {
          batch.add(e);
        }
        if (!batch.isEmpty()) {
          write(st, batch);
          batch.clear();
        }
        if (stopping) {
          return; // closed was set before this drain, so everything queued before close is written
        }
        LockSupport.parkNanos(this, flushIntervalNanos);
      }
    } catch (SQLException e) {
      failure = db.failure(e);
      failAll(batch);
    } catch (RuntimeException | Error e) {
      failure = new StoreException("the run history writer for " + db.file() + " stopped: " + e, e);
      failAll(batch);
      throw e;
    }
  }

  private void write(Statements st, List<HistoryEvent> events) {
    if (failure == null) {
      try {
        Database.inTransaction(st.connection, c -> st.write(events));
      } catch (SQLException e) {
        failure = db.failure(e);
      } catch (RuntimeException e) {
        failure =
            new StoreException("writing the run history to " + db.file() + " failed: " + e, e);
      }
    }
    for (HistoryEvent e : events) {
      if (e instanceof HistoryEvent.Flush f) {
        if (failure == null) {
          f.done().complete(null);
        } else {
          f.done().completeExceptionally(failure);
        }
      }
    }
  }

  private void failAll(List<HistoryEvent> pending) {
    List<HistoryEvent> rest = new ArrayList<>(pending);
    for (HistoryEvent e = queue.poll(); e != null; e = queue.poll()) {
      rest.add(e);
    }
    for (HistoryEvent e : rest) {
      if (e instanceof HistoryEvent.Flush f) {
        f.done().completeExceptionally(failure);
      }
    }
  }

  /** The writer's prepared statements, reused for every batch. */
  private static final class Statements implements AutoCloseable {
    final Connection connection;
    final PreparedStatement runStarted;
    final PreparedStatement runFinished;
    final PreparedStatement stageStarted;
    final PreparedStatement stageFinished;
    final PreparedStatement outputLinked;
    final PreparedStatement cacheEntry;
    final PreparedStatement inlineArtifact;

    /** Whether {@link #inlineArtifact} holds rows not yet executed. */
    private boolean inlineBatched;

    Statements(Connection c) throws SQLException {
      this.connection = c;
      runStarted =
          c.prepareStatement(
              "INSERT INTO runs (id, pipeline, params, status, started_at, ended_at, resumed_from)"
                  + " VALUES (?, ?, ?, 'RUNNING', ?, NULL, ?)"
                  + " ON CONFLICT(id) DO UPDATE SET pipeline = excluded.pipeline, params = excluded.params,"
                  + " status = 'RUNNING', started_at = excluded.started_at, ended_at = NULL,"
                  + " resumed_from = excluded.resumed_from");
      runFinished = c.prepareStatement("UPDATE runs SET status = ?, ended_at = ? WHERE id = ?");
      stageStarted =
          c.prepareStatement(
              "INSERT INTO stage_executions (run_id, instance, stage, fan_index, status, attempts, started_at, seq)"
                  + " VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)"
                  + " ON CONFLICT(run_id, instance) DO UPDATE SET status = 'RUNNING', attempts = excluded.attempts");
      stageFinished =
          c.prepareStatement(
              "INSERT INTO stage_executions (run_id, instance, stage, fan_index, item, status, attempts,"
                  + " started_at, ended_at, wall_ms, cpu_ns, allocated_bytes, metrics, reason, seq,"
                  + " artifact_sha256, artifact_codec, artifact_size)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT(run_id, instance) DO UPDATE SET stage = excluded.stage,"
                  + " fan_index = excluded.fan_index, item = excluded.item, status = excluded.status,"
                  + " attempts = excluded.attempts,"
                  + " started_at = COALESCE(excluded.started_at, stage_executions.started_at),"
                  + " ended_at = excluded.ended_at, wall_ms = excluded.wall_ms, cpu_ns = excluded.cpu_ns,"
                  + " allocated_bytes = excluded.allocated_bytes, metrics = excluded.metrics,"
                  + " reason = excluded.reason,"
                  + " artifact_sha256 = COALESCE(excluded.artifact_sha256, stage_executions.artifact_sha256),"
                  + " artifact_codec = COALESCE(excluded.artifact_codec, stage_executions.artifact_codec),"
                  + " artifact_size = COALESCE(excluded.artifact_size, stage_executions.artifact_size)");
      // An output whose instance does not finish in the same batch: a RUNNING row holds it until
      // the finish arrives (which keeps the artifact columns).
      outputLinked =
          c.prepareStatement(
              "INSERT INTO stage_executions (run_id, instance, stage, fan_index, status, attempts, seq,"
                  + " artifact_sha256, artifact_codec, artifact_size) VALUES (?, ?, ?, ?, 'RUNNING', 0, ?, ?, ?, ?)"
                  + " ON CONFLICT(run_id, instance) DO UPDATE SET artifact_sha256 = excluded.artifact_sha256,"
                  + " artifact_codec = excluded.artifact_codec, artifact_size = excluded.artifact_size");
      cacheEntry =
          c.prepareStatement(
              "INSERT INTO cache_entries (cache_key, pipeline, stage, sha256, codec, size, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT(cache_key) DO UPDATE SET sha256 = excluded.sha256, codec = excluded.codec,"
                  + " size = excluded.size, created_at = excluded.created_at");
      inlineArtifact =
          c.prepareStatement(
              "INSERT INTO inline_artifacts (sha256, bytes) VALUES (?, ?)"
                  + " ON CONFLICT(sha256) DO NOTHING");
    }

    void write(List<HistoryEvent> events) throws SQLException {
      // A start followed by the finish of the same instance in one batch needs only the finish.
      // The finish then keeps the start's place in the run's order.
      // An output stored for an instance that finishes in the same batch goes into the finish's
      // row.
      Set<String> finished = new HashSet<>();
      Map<String, Long> firstSeen = new HashMap<>();
      Map<String, ArtifactRef> outputsOf = new HashMap<>();
      for (HistoryEvent e : events) {
        if (e instanceof HistoryEvent.StageFinished f) {
          finished.add(f.runId() + '\u0000' + f.execution().instance());
        } else if (e instanceof HistoryEvent.StageStarted s) {
          firstSeen.putIfAbsent(s.runId() + '\u0000' + s.instance(), s.seq());
        }
      }
      for (HistoryEvent e : events) {
        if (e instanceof HistoryEvent.OutputLinked o
            && finished.contains(o.runId() + '\u0000' + o.instance())) {
          outputsOf.put(o.runId() + '\u0000' + o.instance(), o.ref());
        }
      }
      boolean starts = false;
      boolean finishes = false;
      boolean outputs = false;
      boolean caches = false;
      for (HistoryEvent e : events) {
        if (e instanceof HistoryEvent.RunStarted r) {
          executeBatches(starts, finishes, outputs, caches);
          starts = finishes = outputs = caches = false;
          addRunStarted(r.run());
        } else if (e instanceof HistoryEvent.StageStarted s) {
          if (!finished.contains(s.runId() + '\u0000' + s.instance())) {
            addStageStarted(s);
            starts = true;
          }
        } else if (e instanceof HistoryEvent.StageFinished f) {
          String key = f.runId() + '\u0000' + f.execution().instance();
          addStageFinished(f, firstSeen.getOrDefault(key, f.seq()), outputsOf.get(key));
          finishes = true;
        } else if (e instanceof HistoryEvent.OutputLinked o) {
          if (!finished.contains(o.runId() + '\u0000' + o.instance())) {
            addOutput(o);
            outputs = true;
          }
        } else if (e instanceof HistoryEvent.CacheEntryAdded ce) {
          addCacheEntry(ce);
          caches = true;
        } else if (e instanceof HistoryEvent.RunFinished r) {
          executeBatches(starts, finishes, outputs, caches);
          starts = finishes = outputs = caches = false;
          runFinished.setString(1, r.status().name());
          runFinished.setLong(2, r.end().toEpochMilli());
          runFinished.setString(3, r.runId());
          runFinished.executeUpdate();
        }
      }
      executeBatches(starts, finishes, outputs, caches);
    }

    private void executeBatches(boolean starts, boolean finishes, boolean outputs, boolean caches)
        throws SQLException {
      if (inlineBatched) {
        inlineArtifact.executeBatch();
        inlineBatched = false;
      }
      if (starts) {
        stageStarted.executeBatch();
      }
      if (finishes) {
        stageFinished.executeBatch();
      }
      if (outputs) {
        outputLinked.executeBatch();
      }
      if (caches) {
        cacheEntry.executeBatch();
      }
    }

    private void addRunStarted(RunInfo run) throws SQLException {
      runStarted.setString(1, run.runId());
      runStarted.setString(2, run.pipeline());
      runStarted.setString(3, json(new TreeMap<>(run.params())));
      runStarted.setLong(4, run.start().toEpochMilli());
      runStarted.setString(5, run.resumedFrom().orElse(null));
      runStarted.executeUpdate();
    }

    private void addStageStarted(HistoryEvent.StageStarted s) throws SQLException {
      InstanceName name = InstanceName.parse(s.instance());
      stageStarted.setString(1, s.runId());
      stageStarted.setString(2, s.instance());
      stageStarted.setString(3, name.stage());
      setInt(stageStarted, 4, name.index());
      stageStarted.setInt(5, s.attempt());
      stageStarted.setLong(6, s.at().toEpochMilli());
      stageStarted.setLong(7, s.seq());
      stageStarted.addBatch();
    }

    private void addStageFinished(HistoryEvent.StageFinished f, long order, ArtifactRef output)
        throws SQLException {
      StageExecution x = f.execution();
      PreparedStatement p = stageFinished;
      p.setString(1, f.runId());
      p.setString(2, x.instance());
      p.setString(3, x.stage());
      setInt(p, 4, x.index());
      p.setString(5, x.item().orElse(null));
      p.setString(6, x.status().name());
      p.setInt(7, x.attempts());
      setInstant(p, 8, x.start());
      setInstant(p, 9, x.end());
      p.setLong(10, x.wallMs());
      p.setLong(11, x.cpuNanos());
      p.setLong(12, x.allocatedBytes());
      p.setString(13, x.metrics().isEmpty() ? "{}" : json(new TreeMap<>(x.metrics())));
      p.setString(14, x.reason());
      p.setLong(15, order);
      if (output != null) {
        addInline(output);
        p.setString(16, output.sha256());
        p.setString(17, output.codec());
        p.setLong(18, output.size());
      } else {
        p.setNull(16, Types.VARCHAR);
        p.setNull(17, Types.VARCHAR);
        p.setNull(18, Types.INTEGER);
      }
      p.addBatch();
    }

    private void addOutput(HistoryEvent.OutputLinked o) throws SQLException {
      InstanceName name = InstanceName.parse(o.instance());
      outputLinked.setString(1, o.runId());
      outputLinked.setString(2, o.instance());
      outputLinked.setString(3, name.stage());
      setInt(outputLinked, 4, name.index());
      outputLinked.setLong(5, o.seq());
      outputLinked.setString(6, o.ref().sha256());
      outputLinked.setString(7, o.ref().codec());
      outputLinked.setLong(8, o.ref().size());
      outputLinked.addBatch();
      addInline(o.ref());
    }

    private void addCacheEntry(HistoryEvent.CacheEntryAdded e) throws SQLException {
      cacheEntry.setString(1, e.key());
      cacheEntry.setString(2, e.pipeline());
      cacheEntry.setString(3, e.stage());
      cacheEntry.setString(4, e.ref().sha256());
      cacheEntry.setString(5, e.ref().codec());
      cacheEntry.setLong(6, e.ref().size());
      cacheEntry.setLong(7, System.currentTimeMillis());
      cacheEntry.addBatch();
      addInline(e.ref());
    }

    /** Keeps the bytes of a small artifact, which has no file. */
    private void addInline(ArtifactRef ref) throws SQLException {
      if (ref.isInline()) {
        inlineArtifact.setString(1, ref.sha256());
        inlineArtifact.setBytes(2, ref.inline());
        inlineArtifact.addBatch();
        inlineBatched = true;
      }
    }

    private static void setInt(PreparedStatement p, int i, Optional<Integer> v)
        throws SQLException {
      if (v.isPresent()) {
        p.setInt(i, v.get());
      } else {
        p.setNull(i, Types.INTEGER);
      }
    }

    private static void setInstant(PreparedStatement p, int i, Optional<Instant> v)
        throws SQLException {
      if (v.isPresent()) {
        p.setLong(i, v.get().toEpochMilli());
      } else {
        p.setNull(i, Types.INTEGER);
      }
    }

    private static String json(Map<String, ?> map) {
      try {
        return JSON.writeValueAsString(map);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write " + map + " as JSON", e);
      }
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement p :
          List.of(
              runStarted,
              runFinished,
              stageStarted,
              stageFinished,
              outputLinked,
              cacheEntry,
              inlineArtifact)) {
        p.close();
      }
    }
  }
}
