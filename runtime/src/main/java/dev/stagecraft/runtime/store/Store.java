package dev.stagecraft.runtime.store;

import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.cache.CacheKey;
import dev.stagecraft.runtime.store.codec.Codecs;
import dev.stagecraft.runtime.store.db.Database;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.RunHistory;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Stagecraft store: the run history in {@code stagecraft.db} (SQLite, WAL) and stage outputs in
 * {@code artifacts/}. Several processes may use one store at once.
 *
 * <pre>{@code
 * try (Store store = Store.open(Store.defaultDirectory())) {
 *   RunOptions options = RunOptions.defaults()
 *       .withListener(store.history())      // records the run
 *       .withOutputStore(store.outputs());  // keeps outputs, serves cache hits
 *   ArtifactRef out = store.saveOutput(runId, "train[0]", model);
 *   Map<String, Object> reused = store.loadOutputs(failedRunId); // resume
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
  /** The database's file name inside the store directory. */
  public static final String DATABASE_FILE = "stagecraft.db";

  /** The artifacts' directory name inside the store directory. */
  public static final String ARTIFACTS_DIR = "artifacts";

  private final Path directory;
  private final Database db;
  private final RunHistory history;
  private final HistoryQueries queries;
  private final ArtifactStore artifacts;
  private final Map<String, ArtifactRef> recentCacheEntries = new ConcurrentHashMap<>();
  private final StoreOutputStore outputs;

  private Store(Path directory, Database db, Codecs codecs, Duration flushInterval) {
    this.directory = directory;
    this.db = db;
    this.artifacts = new ArtifactStore(directory.resolve(ARTIFACTS_DIR), codecs);
    this.queries = new HistoryQueries(db);
    this.history = new RunHistory(db, flushInterval);
    this.outputs = new StoreOutputStore(this);
  }

  /**
   * Opens the store in {@code directory}, creating it when absent, with the standard codecs.
   *
   * @throws StoreException when it is corrupt or cannot be written: one line naming the path and
   *     the fix
   */
  public static Store open(Path directory) {
    return open(directory, Codecs.standard(), RunHistory.DEFAULT_FLUSH_INTERVAL);
  }

  /** Opens the store with these codecs, committing history at most once per {@code flushInterval}. */
  public static Store open(Path directory, Codecs codecs, Duration flushInterval) {
    Path dir = directory.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StoreException("the store " + dir + " is a file, not a directory; pass --store DIR"
          + " with a directory (it is created when absent)");
    }
    Database db = Database.open(dir.resolve(DATABASE_FILE));
    return new Store(dir, db, codecs, flushInterval);
  }

  /**
   * Whether a store exists in {@code directory} (has a database), so read-only commands can say
   * "no runs" instead of creating one.
   */
  public static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve(DATABASE_FILE));
  }

  /** {@code $STAGECRAFT_HOME} when set, else {@code ./.stagecraft}. */
  public static Path defaultDirectory() {
    String home = System.getenv("STAGECRAFT_HOME");
    return home == null || home.isBlank() ? Path.of(".stagecraft") : Path.of(home);
  }

  /** The store's directory. */
  public Path directory() {
    return directory;
  }

  /** The database. */
  public Database database() {
    return db;
  }

  /** The run history to register as the engine's {@code RunListener}. */
  public RunHistory history() {
    return history;
  }

  /**
   * The store as the engine's output store ({@code RunOptions.withOutputStore}): every output kept
   * for resume, {@code cache = true} stages looked up and recorded by {@link CacheKey}.
   */
  public dev.stagecraft.runtime.engine.OutputStore outputs() {
    return outputs;
  }

  /** Queries on the run history. */
  public HistoryQueries queries() {
    return queries;
  }

  /** The artifact store. */
  public ArtifactStore artifacts() {
    return artifacts;
  }

  /**
   * Stores the output of a run's stage instance and records it for resume (call before reporting
   * the instance finished).
   *
   * @throws UnstorableOutputException when no codec can store it
   */
  public ArtifactRef saveOutput(String runId, String instance, Object value) {
    ArtifactRef ref = artifacts.put(value, instance);
    history.outputStored(runId, instance, ref);
    return ref;
  }

  /** Records an already stored output (a cache hit, or an output reused by a resume) for a run's instance. */
  public void linkOutput(String runId, String instance, ArtifactRef ref) {
    history.outputStored(runId, instance, ref);
  }

  /**
   * Where the outputs of the run's SUCCEEDED or CACHED instances are stored, by instance name;
   * an instance whose artifact file is gone is left out (a resume runs it again).
   */
  public Map<String, ArtifactRef> storedOutputs(String runId) {
    Map<String, ArtifactRef> outputs = new LinkedHashMap<>(queries.storedOutputs(runId));
    outputs.values().removeIf(ref -> !artifacts.contains(ref));
    return outputs;
  }

  /**
   * The outputs of the run's SUCCEEDED or CACHED instances, read back with their stored types:
   * what {@code resume} reuses.
   */
  public Map<String, Object> loadOutputs(String runId) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, ArtifactRef> e : storedOutputs(runId).entrySet()) {
      values.put(e.getKey(), artifacts.get(e.getValue(), Object.class));
    }
    return values;
  }

  /** Reads a stored output, as the declared type when the stored one does not fit it. */
  public Object read(ArtifactRef ref, Type expected) {
    return artifacts.get(ref, expected);
  }

  /** The output cached under the key, if any and its artifact is still there. */
  public Optional<ArtifactRef> cached(CacheKey key) {
    ArtifactRef ref = recentCacheEntries.get(key.hex());
    Optional<ArtifactRef> found = ref != null ? Optional.of(ref) : queries.cacheEntry(key.hex());
    return found.filter(artifacts::contains);
  }

  /**
   * Stores a stage's output under its cache key.
   *
   * @throws UnstorableOutputException when no codec can store it
   */
  public ArtifactRef cache(CacheKey key, String pipeline, String stage, Object value) {
    ArtifactRef ref = artifacts.put(value, stage);
    cache(key, pipeline, stage, ref);
    return ref;
  }

  /** Records an already stored output under a cache key. */
  public void cache(CacheKey key, String pipeline, String stage, ArtifactRef ref) {
    recentCacheEntries.put(key.hex(), ref);
    history.cacheEntryAdded(key.hex(), pipeline, stage, ref);
  }

  /** Commits the queued history and stops its writer. */
  @Override
  public void close() {
    history.close();
  }
}
