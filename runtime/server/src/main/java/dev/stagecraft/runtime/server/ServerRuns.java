package dev.stagecraft.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.config.tenants.Tenant;
import dev.stagecraft.runtime.config.tenants.TenantSecrets;
import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.RunTenancy;
import dev.stagecraft.runtime.engine.SharedCapacity;
import dev.stagecraft.runtime.engine.TenantUsage;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlannedRun;
import dev.stagecraft.runtime.store.history.HistoryJson;
import dev.stagecraft.runtime.store.history.RunLeaseException;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.submission.Submission;
import dev.stagecraft.runtime.store.submission.SubmissionState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of every tenant: admission (permissions, plan with the tenant's defaults and quota), the
 * durable queue (a submission is committed to the tenant's store before it is answered), one thread
 * per running run, at most the tenant's {@code concurrentRuns} at once and the tenant's queued runs
 * in priority order; after a restart, queued submissions start and interrupted ones are resumed,
 * reusing what their finished stages stored.
 */
final class ServerRuns implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRuns.class);

  private final ServerOptions options;
  private final PipelineSource pipelines;
  private final TenantsFile tenants;
  private final TenantSpaces spaces;
  private final RunViews views;
  private final Admission admission;

  /** The one executor every tenant's stages reserve from, with fair share between tenants. */
  private final SharedCapacity pool;

  private final ObjectMapper json = HistoryJson.JSON;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Map<RunStatus, LongAdder>> ended = new ConcurrentHashMap<>();
  private final ScheduledExecutorService retries;
  private volatile boolean closed;

  ServerRuns(
      ServerOptions options,
      PipelineSource pipelines,
      TenantsFile tenants,
      TenantSpaces spaces,
      RunViews views,
      SharedCapacity pool) {
    this.options = options;
    this.pipelines = pipelines;
    this.tenants = tenants;
    this.spaces = spaces;
    this.views = views;
    this.admission = new Admission(options, pipelines);
    this.pool = pool;
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stagecraft-server-retries");
              t.setDaemon(true);
              return t;
            });
  }

  // ---------------------------------------------------------------- submitting

  /** A submission accepted: the run, whether it started at once, and when it should end. */
  record Accepted(AcceptedRun run, String status, Instant estimatedCompletion) {}

  /**
   * Checks and plans a submission, records it in the tenant's store, then queues or starts it.
   *
   * @throws HttpError 400, 403 or 404 when it is not accepted (nothing is recorded then)
   */
  Accepted submit(Tenant tenant, SubmissionRequest request) {
    TenantSpace space = spaces.space(tenant.id());
    Admission.Admitted admitted = admission.admit(tenant, request, space);
    PipelineDefinition def = admitted.definition();
    Plan plan = admitted.plan();
    Instant now = clock.instant();
    Submission submission =
        new Submission(
            PipelineRunner.newRunId(clock),
            def.name(),
            request.toJson(json),
            AcceptedRun.priority(plan),
            now,
            SubmissionState.QUEUED,
            Optional.empty());
    space.submissions.add(submission); // durable before the answer
    AcceptedRun run = new AcceptedRun(tenant.id(), submission, def, plan, Optional.empty());
    Accepted accepted;
    List<Thread> starting;
    int limit = concurrentRuns(space.tenant);
    synchronized (space) {
      space.queued.add(run);
      starting = takeStartable(space, limit);
      boolean started = space.running.containsKey(run.id());
      accepted =
          new Accepted(
              run,
              started ? "RUNNING" : "QUEUED",
              now.plusMillis(Math.round(1000 * (waitSeconds(space, run, limit) + makespan(plan)))));
    }
    starting.forEach(Thread::start);
    return accepted;
  }

  private static double makespan(Plan plan) {
    return plan.predicted().makespanSeconds().orElse(plan.predicted().criticalPathSeconds());
  }

  /**
   * How long {@code run} should wait before it starts: the predicted makespans of the tenant's
   * running runs and of its queued runs ahead of it, shared by its {@code concurrentRuns}.
   */
  private double waitSeconds(TenantSpace space, AcceptedRun run, int limit) {
    if (space.running.containsKey(run.id())) {
      return 0;
    }
    double ahead = 0;
    for (AcceptedRun q : space.queued) {
      if (AcceptedRun.QUEUE_ORDER.compare(q, run) < 0) {
        ahead += makespan(q.plan());
      }
    }
    ahead += space.running.size() * 0.5 * makespan(run.plan());
    return ahead / Math.max(1, Math.min(limit, 64));
  }

  // ---------------------------------------------------------------- running

  private int concurrentRuns(String tenant) {
    return tenants.current().tenant(tenant).map(t -> t.quota().concurrentRuns()).orElse(0);
  }

  /** Starts queued runs while the tenant's limit on runs at once allows. */
  private void dispatch(TenantSpace space) {
    int limit = concurrentRuns(space.tenant);
    List<Thread> starting;
    synchronized (space) {
      starting = takeStartable(space, limit);
    }
    starting.forEach(Thread::start);
  }

  /**
   * Moves the queued runs the tenant's limit allows to running, each with its thread, not started:
   * the caller starts them after leaving the lock (starting a thread waits until the system has
   * scheduled it, which on a busy machine takes long). Under the space's lock.
   */
  private List<Thread> takeStartable(TenantSpace space, int limit) {
    List<Thread> starting = new ArrayList<>();
    if (closed) {
      return starting;
    }
    while (space.running.size() < limit && !space.queued.isEmpty()) {
      AcceptedRun run = space.queued.poll();
      Thread t = new Thread(() -> execute(space, run), "stagecraft-run-" + run.id());
      t.setDaemon(true);
      space.running.put(run.id(), t);
      starting.add(t);
    }
    return starting;
  }

  /** Runs one accepted run to its end on this thread, recording it in the tenant's store. */
  private void execute(TenantSpace space, AcceptedRun run) {
    try {
      Tenant tenant =
          tenants
              .current()
              .tenant(run.tenant())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "tenant '" + run.tenant() + "' is no longer in the tenants file"));
      RunOptions o =
          RunOptions.defaults()
              .withSharedCapacity(pool, tenant.id(), run.submission().priority())
              .withTenancy(tenancy(tenant))
              .withClassLoader(pipelines.classLoader());
      if (run.resumes().isEmpty()) {
        o = o.withRunId(run.id());
      }
      o =
          space.store.recordPlan(
              space.store.attach(o, run.definition().name()),
              run.plan(),
              admission.templateFile(run.definition()));
      if (run.resumes().isPresent()) {
        o = space.store.resume(o, run.resumes().get());
      }
      space.submissions.started(run.id(), o.runId().orElseThrow());
      synchronized (space) {
        if (space.cancelRequested.contains(run.id())) {
          Thread.currentThread().interrupt(); // the engine cancels the run at once
        }
      }
      RunResult result = PlannedRun.run(run.definition(), run.plan(), o);
      Thread.interrupted(); // a cancel interrupted this thread: the run ended CANCELLED
      List<String> summary = result.summaryLines();
      if (!summary.isEmpty()) {
        space.store.history().summary(result.runId(), summary);
      }
      space.store.history().flush();
      space.historyChanged(run.definition().name());
      space.submissions.ended(run.id(), clock.instant());
      count(space.tenant, result.status());
    } catch (RunLeaseException e) {
      // after a restart, a run whose old process may still live: try again when its lease ends
      LOG.info("run {} of tenant {} waits: {}", run.id(), space.tenant, e.getMessage());
      retryLater(space, run);
    } catch (RuntimeException e) {
      LOG.error("run {} of tenant {} could not run", run.id(), space.tenant, e);
      if (!closed) {
        space.submissions.ended(run.id(), clock.instant());
        count(space.tenant, RunStatus.FAILED);
      }
    } finally {
      synchronized (space) {
        space.running.remove(run.id());
        space.cancelRequested.remove(run.id());
      }
      dispatch(space);
    }
  }

  /**
   * What the tenant's stages see through their context: its environment, its secrets (read from the
   * server's environment or files when asked for) and the deployment targets it may use (any, for
   * the single tenant of a server without a tenants file).
   */
  private RunTenancy tenancy(Tenant tenant) {
    return new RunTenancy(
        tenant.id(),
        tenant.environment(),
        TenantSecrets.of(tenant, options.processEnvironment()),
        tenants.fromFile()
            ? Optional.of(Set.copyOf(tenant.permissions().deploymentTargets()))
            : Optional.empty());
  }

  private void retryLater(TenantSpace space, AcceptedRun run) {
    retries.schedule(
        () -> {
          synchronized (space) {
            space.queued.add(run);
          }
          dispatch(space);
        },
        options.storeSettings().leaseTimeout().toMillis() / 4 + 250,
        TimeUnit.MILLISECONDS);
  }

  private void count(String tenant, RunStatus status) {
    ended
        .computeIfAbsent(tenant, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, k -> new LongAdder())
        .increment();
  }

  // ---------------------------------------------------------------- restart

  /**
   * Takes up what the store says was accepted and not ended: queued submissions queue again;
   * started ones whose run did not end are resumed (their finished stages are not run again); a
   * started one whose run ended is marked ended.
   */
  void recover() {
    for (String id : spaces.withStores()) {
      Optional<Tenant> tenant = tenants.current().tenant(id);
      if (tenant.isEmpty()) {
        continue;
      }
      TenantSpace space = spaces.space(id);
      for (Submission s : space.submissions.unfinished()) {
        recover(tenant.get(), space, s);
      }
      dispatch(space);
    }
  }

  private void recover(Tenant tenant, TenantSpace space, Submission s) {
    Optional<String> resumes = Optional.empty();
    if (s.state() == SubmissionState.STARTED && s.runId().isPresent()) {
      Optional<RunRecord> run = space.store.queries().run(s.runId().get());
      if (run.isPresent()) {
        RunStatus status = run.get().status();
        if (status != RunStatus.RUNNING && status != RunStatus.INTERRUPTED) {
          space.submissions.ended(s.id(), run.get().end().orElse(clock.instant()));
          return;
        }
        resumes = Optional.of(s.runId().get());
      }
    }
    try {
      SubmissionRequest request =
          SubmissionRequest.parse(
              s.request().getBytes(java.nio.charset.StandardCharsets.UTF_8), json);
      Admission.Admitted admitted = admission.admit(tenant, request, space);
      PipelineDefinition def = admitted.definition();
      Plan plan = admitted.plan();
      synchronized (space) {
        space.queued.add(new AcceptedRun(tenant.id(), s, def, plan, resumes));
      }
      LOG.info(
          "{} run {} of tenant {}",
          resumes.isPresent() ? "resuming" : "queueing again",
          s.id(),
          tenant.id());
    } catch (HttpError e) {
      LOG.warn(
          "submission {} of tenant {} cannot run any more: {}",
          s.id(),
          tenant.id(),
          e.getMessage());
      space.submissions.ended(s.id(), clock.instant());
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Cancels a run: a queued one ends CANCELLED at once, a running one is interrupted (its running
   * stages are cancelled, finished ones kept). 409 when it already ended.
   */
  ObjectNode cancel(Optional<String> tenant, String id) {
    RunViews.Located at = views.locate(tenant, id);
    TenantSpace space = at.space();
    ObjectNode answer = json.createObjectNode();
    String submissionId = at.submission().map(Submission::id).orElse(id);
    synchronized (space) {
      AcceptedRun queued =
          space.queued.stream().filter(r -> r.id().equals(submissionId)).findFirst().orElse(null);
      if (queued != null) {
        space.queued.remove(queued);
        space.submissions.ended(submissionId, clock.instant());
        count(space.tenant, RunStatus.CANCELLED);
        answer.put("runId", id);
        answer.put("status", RunStatus.CANCELLED.name());
        return answer;
      }
      Thread running = space.running.get(submissionId);
      if (running != null) {
        space.cancelRequested.add(submissionId);
        running.interrupt();
        answer.put("runId", id);
        answer.put("status", "CANCELLING");
        return answer;
      }
    }
    String status = views.document(tenant, id).path("status").asText();
    throw HttpError.conflict("run " + id + " already ended " + status + "; nothing to cancel");
  }

  // ---------------------------------------------------------------- figures

  /** How many of the tenant's runs are queued and running now. */
  record Load(int queued, int running) {}

  Load load(String tenant) {
    TenantSpace space = spaces.ifOpen(tenant).orElse(null);
    if (space == null) {
      return new Load(0, 0);
    }
    synchronized (space) {
      return new Load(space.queued.size(), space.running.size());
    }
  }

  /** Runs ended since the server started, by tenant and status, sorted. */
  Map<String, Map<RunStatus, Long>> endedCounts() {
    Map<String, Map<RunStatus, Long>> copy = new TreeMap<>();
    ended.forEach(
        (t, m) -> {
          Map<RunStatus, Long> counts = new TreeMap<>();
          m.forEach((status, n) -> counts.put(status, n.sum()));
          copy.put(t, counts);
        });
    return copy;
  }

  /** Each tenant's part of the shared executor now. */
  Map<String, TenantUsage> usages() {
    return pool.usages();
  }

  @Override
  public void close() {
    closed = true;
    retries.shutdownNow();
    pool.close();
    for (TenantSpace space : spaces.open()) {
      try {
        space.store.history().flush();
        space.submissions.close();
      } catch (RuntimeException e) {
        LOG.warn("cannot flush the history of tenant {}: {}", space.tenant, e.getMessage());
      }
    }
  }
}
