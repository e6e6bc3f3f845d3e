package dev.stagecraft.runtime.server;

import dev.stagecraft.runtime.plan.optimize.PipelineHistory;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreSettings;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.submission.Submissions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
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

  /** Each pipeline's recent history, read once and read again after one of its runs ended. */
  private final Map<String, PipelineHistory> histories = new ConcurrentHashMap<>();

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

  /** The pipeline's recent runs in this tenant's store, which its plans predict from. */
  PipelineHistory history(String pipeline) {
    return histories.computeIfAbsent(
        pipeline, p -> store.queries().pipelineHistory(p, HistoryQueries.RECENT_RUNS));
  }

  /** A run of the pipeline ended: its history is read again for the next plan. */
  void historyChanged(String pipeline) {
    histories.remove(pipeline);
  }
}
