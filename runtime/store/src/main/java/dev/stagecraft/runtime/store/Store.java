package dev.stagecraft.runtime.store;

import dev.stagecraft.runtime.engine.OutputStore;
import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunListener;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.cache.CacheKey;
import dev.stagecraft.runtime.store.db.Database;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.LeaseHolder;
import dev.stagecraft.runtime.store.history.RunHistory;
import dev.stagecraft.runtime.store.plan.PlanJson;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Stagecraft store: the run history in {@code stagecraft.db} (SQLite, WAL), stage outputs in
 * {@code artifacts/} and the scratch space of runs in {@code scratch/}. Several processes may use
 * one store at once; each run is leased to the process running it, so no two processes run or
 * resume the same run.
 *
 * <pre>{@code
 * try (Store store = Store.open(Store.defaultDirectory())) {
 *   // records the run, keeps outputs, serves cache hits, weights the critical path by history
 *   RunOptions options = store.attach(RunOptions.defaults(), definition.name());
 *   RunResult result = PipelineRunner.runText(definition, params, options);
 *   // later: continue a failed or killed run, reusing what it finished
 *   RunResult resumed = PipelineRunner.runText(definition, params,
 *       store.resume(store.attach(RunOptions.defaults(), definition.name()), result.runId()));
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
  /** The database's file name inside the store directory. */
  public static final String DATABASE_FILE = "stagecraft.db";

  /** The artifacts' directory name inside the store directory. */
  public static final String ARTIFACTS_DIR = "artifacts";

  /** The directory of the runs' scratch space inside the store directory. */
  public static final String SCRATCH_DIR = "scratch";

  private final StoreReader reader;
  private final RunHistory history;
  private final Map<String, ArtifactRef> recentCacheEntries = new ConcurrentHashMap<>();

  private Store(StoreReader reader, RunHistory history) {
    this.reader = reader;
    this.history = history;
  }

  /**
   * Opens the store in {@code directory} with the default settings, creating it when absent.
   *
   * @throws StoreException when it is damaged (saying how to repair it) or cannot be written: one
   *     line naming the path and the fix
   */
  public static Store open(Path directory) {
    return open(directory, StoreSettings.defaults());
  }

  /**
   * Opens the store in {@code directory} with these settings, creating it when absent; the database
   * is checked ({@code PRAGMA quick_check}) before anything is written.
   *
   * @throws StoreException when it is damaged (saying how to repair it) or cannot be written
   */
  public static Store open(Path directory, StoreSettings settings) {
    Path dir = directory.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StoreException(
          "the store "
              + dir
              + " is a file, not a directory; pass --store DIR"
              + " with a directory (it is created when absent)");
    }
    LeaseHolder holder;
    try {
      holder = LeaseHolder.thisProcess(settings.leaseTimeout());
    } catch (IllegalArgumentException e) {
      throw new StoreException(e.getMessage(), e);
    }
    Database db = Database.open(dir.resolve(DATABASE_FILE));
    ArtifactStore artifacts = new ArtifactStore(dir.resolve(ARTIFACTS_DIR), settings.codecs());
    return new Store(
        new StoreReader(dir, db, () -> artifacts),
        new RunHistory(db, settings.flushInterval(), holder));
  }

  /**
   * Whether a store exists in {@code directory} (has a database), so read-only commands can say "no
   * runs" instead of creating one.
   *
   * @throws StoreException when {@code directory} is a file
   */
  public static boolean exists(Path directory) {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new StoreException(
          "store "
              + directory
              + " is a file, not a directory: pass a directory with"
              + " --store or STAGECRAFT_HOME");
    }
    return Files.isRegularFile(directory.resolve(DATABASE_FILE));
  }

  /** {@code $STAGECRAFT_HOME} when set, else {@code ./.stagecraft}. */
  public static Path defaultDirectory() {
    return directory(null, System.getenv());
  }

  /**
   * {@code option} (the {@code --store DIR} given) when not null, else {@code STAGECRAFT_HOME} of
   * {@code env} when set, else {@code .stagecraft} in the working directory.
   */
  public static Path directory(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String home = env.get("STAGECRAFT_HOME");
    return home == null || home.isBlank() ? Path.of(".stagecraft") : Path.of(home);
  }

  /** The store's directory. */
  public Path directory() {
    return reader.directory();
  }

  /** The database. */
  public Database database() {
    return reader.database();
  }

  /** The run history to register as the engine's {@code RunListener}. */
  public RunHistory history() {
    return history;
  }

  /**
   * The options with this store attached for a run of {@code pipeline}: the history records the run
   * (leased to this process until it ends), a {@link StoreOutputStore} keeps the outputs and serves
   * cache hits, the critical path weighs each stage by its last successful duration in the history,
   * stages see the store's directory as {@code StageContext.storeDirectory()}, and their scratch
   * space is {@code STORE/scratch/RUN_ID/INSTANCE} (unless the options name another root).
   */
  public RunOptions attach(RunOptions options, String pipeline) {
    Map<String, Double> expected = new LinkedHashMap<>();
    for (Map.Entry<String, Duration> e : queries().expectedDurations(pipeline).entrySet()) {
      expected.put(e.getKey(), (double) Math.max(1, e.getValue().toMillis()));
    }
    RunOptions attached =
        options
            .withStoreDirectory(directory())
            .withListener(history)
            .withOutputStore(new StoreOutputStore(this))
            .withExpectedDurations(expected);
    return options.scratchRoot().isPresent()
        ? attached
        : attached.withScratchRoot(directory().resolve(SCRATCH_DIR));
  }

  /**
   * The options recording {@code plan} with the run when it starts: its JSON ({@link PlanJson}),
   * the template's absolute path, the environment whose overlay applied and the profile's data size
   * (which predictions of later runs fit their models on).
   */
  public RunOptions recordPlan(RunOptions options, Plan plan, Optional<Path> template) {
    String json = PlanJson.text(plan);
    String path = template.map(t -> t.toAbsolutePath().normalize().toString()).orElse(null);
    String environment = plan.template().flatMap(Plan.TemplateUse::environment).orElse(null);
    Long dataSize =
        plan.profile().dataSize().isPresent() ? plan.profile().dataSize().getAsLong() : null;
    return options.withListener(
        new RunListener() {
          @Override
          public void runStarted(RunInfo run) {
            history.planRecorded(run.runId(), path, environment, json, dataSize);
          }
        });
  }

  /**
   * The options for one run continuing the failed, cancelled or interrupted run {@code runId}: the
   * run is taken over first (atomically: of two processes resuming it, one wins), then the stored
   * outputs of its SUCCEEDED or CACHED instances are reused (they end CACHED) and the rest run. The
   * new run gets its id here (unless the options name one).
   *
   * @throws dev.stagecraft.runtime.store.history.RunLeaseException when a live process runs or
   *     resumes it (naming host and process), or it was resumed already
   */
  public RunOptions resume(RunOptions options, String runId) {
    String newRunId = options.runId().orElseGet(() -> PipelineRunner.newRunId(options.clock()));
    history.claimForResume(runId, newRunId);
    Map<String, OutputStore.StoredOutput> reused = new LinkedHashMap<>();
    loadOutputs(runId)
        .forEach((instance, value) -> reused.put(instance, new OutputStore.StoredOutput(value)));
    return options.withRunId(newRunId).withResume(runId, reused);
  }

  /** Queries on the run history. */
  public HistoryQueries queries() {
    return reader.queries();
  }

  /** The artifact store. */
  public ArtifactStore artifacts() {
    return reader.artifacts();
  }

  /**
   * Stores the output of a run's stage instance and records it for resume (call before reporting
   * the instance finished).
   *
   * @throws UnstorableOutputException when no codec can store it
   * @throws StoreException when the run history cannot be written: the run must not go on
   *     unrecorded
   */
  public ArtifactRef saveOutput(String runId, String instance, Object value) {
    history.ensureHealthy();
    ArtifactRef ref = artifacts().put(value, instance);
    history.outputStored(runId, instance, ref);
    return ref;
  }

  /**
   * Records an already stored output (a cache hit, or an output reused by a resume) for a run's
   * instance.
   */
  public void linkOutput(String runId, String instance, ArtifactRef ref) {
    history.outputStored(runId, instance, ref);
  }

  /** See {@link StoreReader#storedOutputs}. */
  public Map<String, ArtifactRef> storedOutputs(String runId) {
    return reader.storedOutputs(runId);
  }

  /** See {@link StoreReader#loadOutputs}. */
  public Map<String, Object> loadOutputs(String runId) {
    return reader.loadOutputs(runId);
  }

  /** Reads a stored output, as the declared type when the stored one does not fit it. */
  public Object read(ArtifactRef ref, Type expected) {
    return reader.read(ref, expected);
  }

  /** The output cached under the key, if any and its artifact is still there. */
  public Optional<ArtifactRef> cached(CacheKey key) {
    ArtifactRef ref = recentCacheEntries.get(key.hex());
    Optional<ArtifactRef> found = ref != null ? Optional.of(ref) : queries().cacheEntry(key.hex());
    return found.filter(artifacts()::contains);
  }

  /**
   * Stores a stage's output under its cache key.
   *
   * @throws UnstorableOutputException when no codec can store it
   */
  public ArtifactRef cache(CacheKey key, String pipeline, String stage, Object value) {
    ArtifactRef ref = artifacts().put(value, stage);
    cache(key, pipeline, stage, ref);
    return ref;
  }

  /** Records an already stored output under a cache key. */
  public void cache(CacheKey key, String pipeline, String stage, ArtifactRef ref) {
    recentCacheEntries.put(key.hex(), ref);
    history.cacheEntryAdded(key.hex(), pipeline, stage, ref);
  }

  /** Commits the queued history, releases the leases still held and stops the history's writer. */
  @Override
  public void close() {
    history.close();
  }
}
