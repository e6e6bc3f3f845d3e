package dev.stagecraft.runtime.store.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.LogLine;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunListener;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineFingerprint;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Records runs and stage executions in the store's SQLite database, as a {@link RunListener}: every
 * execution with its failed attempts and what it logged, and a lease per run.
 *
 * <p>Listener calls only queue an event on a lock-free queue (tens of nanoseconds on the executor's
 * threads, no wake-up). One writer thread drains the queue once per flush interval and writes
 * everything queued in one transaction, so a 10,000-stage run costs a handful of transactions.
 * {@link #runStarted} waits until the run and its lease are committed, and {@link #runFinished}
 * until the run's rows are, so a finished run is durable; the periodic commits keep what finished
 * when a process is killed.
 *
 * <p>Leases: each run this history records is leased to its {@link LeaseHolder} (host, process, a
 * token). The writer renews the leases every {@link LeaseHolder#heartbeatInterval()}; the end of a
 * run releases its lease, and closing the history releases them all. A process that dies stops
 * renewing: its RUNNING runs read as INTERRUPTED once the lease timeout passes, and {@link
 * #claimForResume} lets another process take such a run over.
 */
public final class RunHistory implements RunListener, AutoCloseable {
  /** How often queued rows are committed while a run goes on. */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);

  private static final ObjectMapper JSON = JsonMappers.create();

  private final Database db;
  private final long flushIntervalNanos;
  private final LeaseHolder holder;
  private final Queue<HistoryEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong seq = new AtomicLong();

  /** The runs whose leases this history holds: its own running runs and runs it resumes. */
  private final Set<String> leased = ConcurrentHashMap.newKeySet();

  /** The run each resuming run took over, by the resuming run's id. */
  private final Map<String, String> resumes = new ConcurrentHashMap<>();

  private final Thread writer;
  private final HeapSampler memory = new HeapSampler();
  private volatile StoreException failure;
  private volatile boolean closed;

  /**
   * A history on the database committing every {@link #DEFAULT_FLUSH_INTERVAL}, leasing runs for
   * {@link LeaseHolder#DEFAULT_TIMEOUT}.
   */
  public RunHistory(Database db) {
    this(db, DEFAULT_FLUSH_INTERVAL, LeaseHolder.thisProcess(LeaseHolder.DEFAULT_TIMEOUT));
  }

  /**
   * A history on the database committing queued rows at most once per {@code flushInterval},
   * leasing its runs to {@code holder}.
   */
  public RunHistory(Database db, Duration flushInterval, LeaseHolder holder) {
    this.db = db;
    this.flushIntervalNanos =
        Math.min(flushInterval.toNanos(), holder.heartbeatInterval().toNanos());
    this.holder = holder;
    this.writer = new Thread(this::drainLoop, "stagecraft-history-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Who holds the leases of the runs this history records. */
  public LeaseHolder holder() {
    return holder;
  }

  /**
   * Records the start of the run with its lease, and waits until both are committed.
   *
   * @throws StoreException when the history could not be written
   */
  @Override
  public void runStarted(RunInfo run) {
    leased.add(run.runId());
    enqueue(new HistoryEvent.RunStarted(run));
    flush();
  }

  @Override
  public void attemptFailed(
      String runId, String instance, FailedAttempt attempt, Optional<Duration> retryIn) {
    enqueue(new HistoryEvent.AttemptFailed(runId, instance, attempt));
  }

  @Override
  public void stageLogged(String runId, String instance, LogLine line) {
    enqueue(new HistoryEvent.Logged(runId, instance, line, seq.incrementAndGet()));
  }

  @Override
  public void stageStarted(String runId, String instance, int attempt, Instant at) {
    memory.started(runId, instance);
    enqueue(new HistoryEvent.StageStarted(runId, instance, attempt, at, seq.incrementAndGet()));
  }

  /** Queues the message; a batch writes only the latest message of each instance. */
  @Override
  public void stageProgress(String runId, String instance, String message, Instant at) {
    enqueue(new HistoryEvent.StageProgress(runId, instance, message, at));
  }

  /**
   * Queues the execution with the memory the heap sampler measured for it ({@link HeapSampler}).
   */
  @Override
  public void stageFinished(String runId, StageExecution execution) {
    enqueue(
        new HistoryEvent.StageFinished(
            runId, execution, seq.incrementAndGet(), memory.finished(runId, execution.instance())));
  }

  /**
   * Records the end of the run, releases its lease (and that of the run it resumed), and waits
   * until everything queued for it is committed.
   *
   * @throws StoreException when the history could not be written
   */
  @Override
  public void runFinished(String runId, RunStatus status, Instant end) {
    enqueue(new HistoryEvent.RunFinished(runId, status, end));
    try {
      flush();
    } finally {
      leased.remove(runId);
      String resumed = resumes.remove(runId);
      if (resumed != null) {
        leased.remove(resumed);
      }
    }
  }

  /**
   * Takes run {@code runId} over for a resume that runs as {@code resumingRunId}: atomically, when
   * no live process holds it and it was not resumed before, marks it resumed by the new run (a
   * RUNNING run whose holder died becomes INTERRUPTED) and leases it to this history until the new
   * run ends. Of two processes resuming one run at once, exactly one succeeds.
   *
   * @throws UnknownRunException when there is no such run
   * @throws RunLeaseException when a live process holds it (naming host and process), or it was
   *     resumed already (naming the run that resumed it)
   */
  public void claimForResume(String runId, String resumingRunId) {
    checkHealthy();
    try (Connection c = db.connect()) {
      db.write(c, tx -> RunClaims.claim(tx, runId, resumingRunId, holder));
    } catch (SQLException e) {
      throw db.failure(e);
    }
    leased.add(runId);
    resumes.put(resumingRunId, runId);
  }

  /**
   * Makes sure the run is recorded and still leased to this history before a stage causes an effect
   * outside the store: commits everything queued, then checks the lease.
   *
   * @throws StoreException when the history cannot be written
   * @throws RunLeaseException when another process took the run over (its heartbeats stalled)
   */
  public void ensureRecorded(String runId) {
    flush();
    Optional<Lease> lease;
    try (Connection c = db.connect()) {
      lease = RunClaims.lease(c, runId);
    } catch (SQLException e) {
      throw db.failure(e);
    }
    if (lease.isEmpty() || !lease.get().token().equals(holder.token())) {
      throw new RunLeaseException(
          "run "
              + runId
              + " is no longer held by this process"
              + lease.map(l -> " (" + l.holder() + " holds it)").orElse("")
              + ", so its stage does not publish anything; see: stagecraft show "
              + runId);
    }
  }

  /**
   * Throws the failure that stopped the writer, if any: a stage about to store an output calls it,
   * so a run whose history cannot be written fails instead of going on unrecorded.
   *
   * @throws StoreException when writing the history failed
   */
  public void ensureHealthy() {
    checkHealthy();
  }

  /**
   * Records a run's summary lines (what its outputs say of themselves, as the command line prints
   * them) and waits until they are committed.
   *
   * @throws StoreException when the history could not be written
   */
  public void summary(String runId, List<String> lines) {
    enqueue(new HistoryEvent.RunSummaryLines(runId, List.copyOf(lines)));
    flush();
  }

  /** Records where the output of a run's instance is stored (read back on resume). */
  public void outputStored(String runId, String instance, ArtifactRef ref) {
    enqueue(new HistoryEvent.OutputLinked(runId, instance, ref, seq.incrementAndGet()));
  }

  /**
   * Records the plan a run follows: its JSON, the template's path, the environment whose overlay
   * applied and the profile's data size (each null when none).
   */
  public void planRecorded(
      String runId, String template, String environment, String planJson, Long dataSize) {
    enqueue(new HistoryEvent.PlanRecorded(runId, template, environment, planJson, dataSize));
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

  /** Commits what is queued, releases every lease still held, and stops the writer thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      if (!leased.isEmpty()) {
        enqueue(new HistoryEvent.ReleaseLeases());
      }
      flush();
    } finally {
      memory.close();
      leased.clear();
      resumes.clear();
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
    long heartbeatNanos = holder.heartbeatInterval().toNanos();
    long lastHeartbeat = System.nanoTime();
    try (Connection c = db.connect();
        Statements st = new Statements(c, holder)) {
      while (true) {
        boolean stopping = closed;
        for (HistoryEvent e = queue.poll(); e != null; e = queue.poll()) {
          batch.add(e);
        }
        boolean heartbeat =
            !leased.isEmpty() && System.nanoTime() - lastHeartbeat >= heartbeatNanos;
        if (!batch.isEmpty() || heartbeat) {
          write(st, batch, heartbeat);
          batch.clear();
          if (heartbeat) {
            lastHeartbeat = System.nanoTime();
          }
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

  private void write(Statements st, List<HistoryEvent> events, boolean heartbeat) {
    if (failure == null) {
      try {
        db.write(
            st.connection,
            c -> {
              st.write(events);
              if (heartbeat) {
                st.heartbeat();
              }
            });
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
    final LeaseHolder holder;
    final PreparedStatement runStarted;
    final PreparedStatement definition;

    /**
     * The definition whose fingerprint was recorded last, by identity, and that fingerprint: a
     * pipeline run again and again is fingerprinted and stored once.
     */
    private PipelineDefinition lastDefinition;

    private String lastFingerprint;
    final PreparedStatement leaseTaken;
    final PreparedStatement runFinished;
    final PreparedStatement leaseReleased;
    final PreparedStatement heartbeat;
    final PreparedStatement leasesReleased;
    final PreparedStatement stageStarted;
    final PreparedStatement stageFinished;
    final PreparedStatement attemptFailed;
    final PreparedStatement logged;
    final PreparedStatement outputLinked;
    final PreparedStatement cacheEntry;
    final PreparedStatement inlineArtifact;
    final PreparedStatement planRecorded;
    final PreparedStatement progress;
    final PreparedStatement summary;

    /** Whether {@link #inlineArtifact} holds rows not yet executed. */
    private boolean inlineBatched;

    Statements(Connection c, LeaseHolder holder) throws SQLException {
      this.connection = c;
      this.holder = holder;
      runStarted =
          c.prepareStatement(
              "INSERT INTO runs (id, pipeline, params, status, started_at, ended_at, resumed_from,"
                  + " definition) VALUES (?, ?, ?, 'RUNNING', ?, NULL, ?, ?)"
                  + " ON CONFLICT(id) DO UPDATE SET pipeline = excluded.pipeline, params = excluded.params,"
                  + " status = 'RUNNING', started_at = excluded.started_at, ended_at = NULL,"
                  + " resumed_from = excluded.resumed_from, definition = excluded.definition");
      definition =
          c.prepareStatement(
              "INSERT INTO pipeline_definitions (fingerprint, pipeline, definition) VALUES (?, ?, ?)"
                  + " ON CONFLICT(fingerprint) DO NOTHING");
      leaseTaken = c.prepareStatement(RunClaims.TAKE_LEASE);
      runFinished = c.prepareStatement("UPDATE runs SET status = ?, ended_at = ? WHERE id = ?");
      // the run's own lease, and the one it holds on the run it resumes
      leaseReleased =
          c.prepareStatement(
              "DELETE FROM run_leases WHERE token = ? AND (run_id = ?"
                  + " OR run_id = (SELECT resumed_from FROM runs WHERE id = ?))");
      heartbeat = c.prepareStatement("UPDATE run_leases SET heartbeat_at = ? WHERE token = ?");
      leasesReleased = c.prepareStatement("DELETE FROM run_leases WHERE token = ?");
      attemptFailed =
          c.prepareStatement(
              "INSERT INTO stage_attempts (run_id, instance, attempt, started_at, ended_at, reason)"
                  + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(run_id, instance, attempt) DO UPDATE SET"
                  + " started_at = excluded.started_at, ended_at = excluded.ended_at,"
                  + " reason = excluded.reason");
      logged =
          c.prepareStatement(
              "INSERT INTO stage_logs (run_id, instance, seq, attempt, logged_at, level, message)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
      stageStarted =
          c.prepareStatement(
              "INSERT INTO stage_executions (run_id, instance, stage, fan_index, status, attempts, started_at, seq)"
                  + " VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)"
                  + " ON CONFLICT(run_id, instance) DO UPDATE SET status = 'RUNNING', attempts = excluded.attempts");
      stageFinished =
          c.prepareStatement(
              "INSERT INTO stage_executions (run_id, instance, stage, fan_index, item, status, attempts,"
                  + " started_at, ended_at, wall_ms, cpu_ns, allocated_bytes, metrics, reason, seq,"
                  + " artifact_sha256, artifact_codec, artifact_size, peak_memory_bytes)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT(run_id, instance) DO UPDATE SET stage = excluded.stage,"
                  + " fan_index = excluded.fan_index, item = excluded.item, status = excluded.status,"
                  + " attempts = excluded.attempts,"
                  + " started_at = COALESCE(excluded.started_at, stage_executions.started_at),"
                  + " ended_at = excluded.ended_at, wall_ms = excluded.wall_ms, cpu_ns = excluded.cpu_ns,"
                  + " allocated_bytes = excluded.allocated_bytes, metrics = excluded.metrics,"
                  + " reason = excluded.reason, peak_memory_bytes = excluded.peak_memory_bytes,"
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
      planRecorded =
          c.prepareStatement(
              "INSERT INTO run_plans (run_id, template, environment, plan, data_size)"
                  + " VALUES (?, ?, ?, ?, ?) ON CONFLICT(run_id) DO UPDATE SET"
                  + " template = excluded.template, environment = excluded.environment,"
                  + " plan = excluded.plan, data_size = excluded.data_size");
      progress =
          c.prepareStatement(
              "UPDATE stage_executions SET progress = ?, progress_at = ?"
                  + " WHERE run_id = ? AND instance = ?");
      summary = c.prepareStatement("UPDATE runs SET summary = ? WHERE id = ?");
    }

    void write(List<HistoryEvent> events) throws SQLException {
      // A start followed by the finish of the same instance in one batch needs only the finish.
      // The finish then keeps the start's place in the run's order.
      // An output stored for an instance that finishes in the same batch goes into the finish's
      // row.
      Set<String> finished = new HashSet<>();
      Map<String, Long> firstSeen = new HashMap<>();
      Map<String, ArtifactRef> outputsOf = new HashMap<>();
      Map<String, HistoryEvent.StageProgress> latestProgress = new LinkedHashMap<>();
      for (HistoryEvent e : events) {
        if (e instanceof HistoryEvent.StageFinished f) {
          finished.add(f.runId() + '\u0000' + f.execution().instance());
        } else if (e instanceof HistoryEvent.StageStarted s) {
          firstSeen.putIfAbsent(s.runId() + '\u0000' + s.instance(), s.seq());
        } else if (e instanceof HistoryEvent.StageProgress p) {
          latestProgress.put(p.runId() + '\u0000' + p.instance(), p);
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
      boolean attempts = false;
      boolean logs = false;
      for (HistoryEvent e : events) {
        if (e instanceof HistoryEvent.RunStarted r) {
          executeBatches(starts, finishes, outputs, caches);
          starts = finishes = outputs = caches = false;
          addRunStarted(r.run());
        } else if (e instanceof HistoryEvent.AttemptFailed a) {
          addAttempt(a.runId(), a.instance(), a.attempt());
          attempts = true;
        } else if (e instanceof HistoryEvent.Logged l) {
          addLogged(l);
          logs = true;
        } else if (e instanceof HistoryEvent.ReleaseLeases) {
          leasesReleased.setString(1, holder.token());
          leasesReleased.executeUpdate();
        } else if (e instanceof HistoryEvent.StageStarted s) {
          if (!finished.contains(s.runId() + '\u0000' + s.instance())) {
            addStageStarted(s);
            starts = true;
          }
        } else if (e instanceof HistoryEvent.StageFinished f) {
          String key = f.runId() + '\u0000' + f.execution().instance();
          addStageFinished(f, firstSeen.getOrDefault(key, f.seq()), outputsOf.get(key));
          finishes = true;
          for (FailedAttempt a : f.execution().failedAttempts()) {
            addAttempt(f.runId(), f.execution().instance(), a);
            attempts = true;
          }
        } else if (e instanceof HistoryEvent.OutputLinked o) {
          if (!finished.contains(o.runId() + '\u0000' + o.instance())) {
            addOutput(o);
            outputs = true;
          }
        } else if (e instanceof HistoryEvent.CacheEntryAdded ce) {
          addCacheEntry(ce);
          caches = true;
        } else if (e instanceof HistoryEvent.PlanRecorded pr) {
          planRecorded.setString(1, pr.runId());
          planRecorded.setString(2, pr.template());
          planRecorded.setString(3, pr.environment());
          planRecorded.setString(4, pr.plan());
          if (pr.dataSize() == null) {
            planRecorded.setNull(5, Types.INTEGER);
          } else {
            planRecorded.setLong(5, pr.dataSize());
          }
          planRecorded.executeUpdate();
        } else if (e instanceof HistoryEvent.RunSummaryLines r) {
          summary.setString(1, json(r.lines()));
          summary.setString(2, r.runId());
          summary.executeUpdate();
        } else if (e instanceof HistoryEvent.RunFinished r) {
          executeBatches(starts, finishes, outputs, caches);
          starts = finishes = outputs = caches = false;
          runFinished.setString(1, r.status().name());
          runFinished.setLong(2, r.end().toEpochMilli());
          runFinished.setString(3, r.runId());
          runFinished.executeUpdate();
          leaseReleased.setString(1, holder.token());
          leaseReleased.setString(2, r.runId());
          leaseReleased.setString(3, r.runId());
          leaseReleased.executeUpdate();
        }
      }
      executeBatches(starts, finishes, outputs, caches);
      if (attempts) {
        attemptFailed.executeBatch();
      }
      if (logs) {
        logged.executeBatch();
      }
      // after the rows they update exist: a stage's start comes before its progress
      for (HistoryEvent.StageProgress p : latestProgress.values()) {
        progress.setString(1, p.message());
        progress.setLong(2, p.at().toEpochMilli());
        progress.setString(3, p.runId());
        progress.setString(4, p.instance());
        progress.addBatch();
      }
      if (!latestProgress.isEmpty()) {
        progress.executeBatch();
      }
    }

    /** Renews every lease this history holds. */
    void heartbeat() throws SQLException {
      heartbeat.setLong(1, System.currentTimeMillis());
      heartbeat.setString(2, holder.token());
      heartbeat.executeUpdate();
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
      String fingerprint = null;
      if (run.definition().isPresent()) {
        PipelineDefinition def = run.definition().get();
        if (def != lastDefinition) {
          PipelineFingerprint print = PipelineFingerprint.of(def);
          String text = print.text();
          String hash = PipelineFingerprint.hash(text);
          if (!hash.equals(lastFingerprint)) {
            definition.setString(1, hash);
            definition.setString(2, run.pipeline());
            definition.setString(3, text);
            definition.executeUpdate();
          }
          lastDefinition = def;
          lastFingerprint = hash;
        }
        fingerprint = lastFingerprint;
      }
      runStarted.setString(1, run.runId());
      runStarted.setString(2, run.pipeline());
      runStarted.setString(3, json(new TreeMap<>(run.params())));
      runStarted.setLong(4, run.start().toEpochMilli());
      runStarted.setString(5, run.resumedFrom().orElse(null));
      runStarted.setString(6, fingerprint);
      runStarted.executeUpdate();
      RunClaims.bindLease(leaseTaken, run.runId(), holder, System.currentTimeMillis());
      leaseTaken.executeUpdate();
    }

    private void addAttempt(String runId, String instance, FailedAttempt a) throws SQLException {
      attemptFailed.setString(1, runId);
      attemptFailed.setString(2, instance);
      attemptFailed.setInt(3, a.attempt());
      attemptFailed.setLong(4, a.start().toEpochMilli());
      attemptFailed.setLong(5, a.end().toEpochMilli());
      attemptFailed.setString(6, a.reason());
      attemptFailed.addBatch();
    }

    private void addLogged(HistoryEvent.Logged l) throws SQLException {
      LogLine line = l.line();
      logged.setString(1, l.runId());
      logged.setString(2, l.instance());
      logged.setLong(3, l.seq());
      logged.setInt(4, line.attempt());
      logged.setLong(5, line.at().toEpochMilli());
      logged.setString(6, line.level());
      logged.setString(7, line.message());
      logged.addBatch();
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
      if (f.peakMemory().isPresent()) {
        p.setLong(19, f.peakMemory().getAsLong());
      } else {
        p.setNull(19, Types.INTEGER);
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

    private static String json(Object value) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write " + value + " as JSON", e);
      }
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement p :
          List.of(
              runStarted,
              definition,
              leaseTaken,
              runFinished,
              leaseReleased,
              heartbeat,
              leasesReleased,
              stageStarted,
              stageFinished,
              attemptFailed,
              logged,
              outputLinked,
              cacheEntry,
              inlineArtifact,
              planRecorded,
              progress,
              summary)) {
        p.close();
      }
    }
  }
}
