package dev.stagecraft.runtime.server;

import dev.stagecraft.runtime.plan.optimize.PipelineHistory;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreSettings;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.submission.Submissions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tenant's part of the server: its own store ({@code STORE/tenants/ID}, with its runs,
 * artifacts, registry and scratch space, apart from every other tenant's), its queued runs in
 * priority order and its running ones. The queue and the running runs are guarded by the space
 * itself ({@code synchronized (space)}); the store is thread-safe.
 */
final class TenantSpace {
  /** Where tenants' stores live under the server's store. */
  static final String TENANTS_DIR = "tenants";

  final String tenant;
  final Store store;
  final Submissions submissions;
  final PriorityQueue<AcceptedRun> queued = new PriorityQueue<>(AcceptedRun.QUEUE_ORDER);
  final Map<String, Thread> running = new LinkedHashMap<>();

  /**
   * Running runs asked to cancel: interrupting a thread not started yet does nothing, so a run's
   * thread also looks here just before the run starts.
   */
  final Set<String> cancelRequested = new HashSet<>();

  /**
   * How old a pipeline's history may get once one of its runs ended: under load many runs end each
   * second, and reading the history costs milliseconds, so a plan may predict from a history up to
   * this old.
   */
  static final long HISTORY_MAX_AGE_NANOS = 1_000_000_000L;

  /** A pipeline's recent history, when it was read, and whether a run ended since. */
  private record CachedHistory(PipelineHistory history, long readAt, boolean changed) {}

  private final Map<String, CachedHistory> histories = new ConcurrentHashMap<>();

  private TenantSpace(String tenant, Store store) {
    this.tenant = tenant;
    this.store = store;
    this.submissions = new Submissions(store.database());
  }

  /** The directory of a tenant's store. */
  static Path directory(Path serverStore, String tenant) {
    return serverStore.resolve(TENANTS_DIR).resolve(tenant);
  }

  /** Opens (creating it if needed) the tenant's store. */
  static TenantSpace open(Path serverStore, String tenant, StoreSettings settings) {
    return new TenantSpace(tenant, Store.open(directory(serverStore, tenant), settings));
  }

  Path directory() {
    return store.directory();
  }

  /**
   * The pipeline's recent runs in this tenant's store, which its plans predict from: read again
   * when one of its runs ended since and what was read is older than {@link
   * #HISTORY_MAX_AGE_NANOS}.
   */
  PipelineHistory history(String pipeline) {
    return histories
        .compute(
            pipeline,
            (p, cached) ->
                cached == null
                        || cached.changed()
                            && System.nanoTime() - cached.readAt() > HISTORY_MAX_AGE_NANOS
                    ? new CachedHistory(
                        store.queries().pipelineHistory(p, HistoryQueries.RECENT_RUNS),
                        System.nanoTime(),
                        false)
                    : cached)
        .history();
  }

  /** A run of the pipeline ended: the next plan reads its history again, at most once a second. */
  void historyChanged(String pipeline) {
    histories.computeIfPresent(
        pipeline, (p, cached) -> new CachedHistory(cached.history(), cached.readAt(), true));
  }
}
