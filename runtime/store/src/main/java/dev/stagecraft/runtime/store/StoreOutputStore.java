package dev.stagecraft.runtime.store;

import dev.stagecraft.runtime.engine.OutputStore;
import dev.stagecraft.runtime.engine.StageKey;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.cache.CacheKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store as the engine's {@link OutputStore}: every non-null stage output is kept for resume,
 * and stages with {@code cache = true} are looked up and recorded by {@link CacheKey}. Thread-safe.
 *
 * <p>The engine asks {@link #lookup} before running a cacheable stage and calls {@link #save} after
 * every successful execution; an output saved after a lookup missed is cached under that lookup's
 * key. A hit is linked to the run, so resuming the run reuses it too. A {@code void} stage (a null
 * output) stores nothing: a resume runs it again.
 */
public final class StoreOutputStore implements OutputStore {
  private final Store store;
  private final Map<String, CacheKey> pendingKeys = new ConcurrentHashMap<>();

  /** Outputs kept in this store. */
  public StoreOutputStore(Store store) {
    this.store = store;
  }

  /**
   * The cached output of this stage for its inputs, params and item, if any.
   *
   * @throws UnstorableOutputException when an input, param or item has no codec (it cannot be part
   *     of a key)
   */
  @Override
  public Optional<StoredOutput> lookup(StageKey key) {
    CacheKey cacheKey = CacheKey.of(key, store.artifacts().codecs());
    Optional<ArtifactRef> ref = store.cached(cacheKey);
    if (ref.isEmpty()) {
      pendingKeys.put(pendingId(key), cacheKey);
      return Optional.empty();
    }
    Object value = store.read(ref.get(), Object.class);
    store.linkOutput(key.runId(), key.instance(), ref.get());
    return Optional.of(new StoredOutput(value));
  }

  /**
   * Stores the output of a successful execution for resume, and caches it when a lookup for the
   * same instance missed.
   *
   * @throws UnstorableOutputException when no codec can store it (the stage then fails with it)
   */
  @Override
  public void save(StageKey key, Object output) {
    CacheKey cacheKey = pendingKeys.remove(pendingId(key));
    if (output == null) {
      return;
    }
    ArtifactRef ref = store.saveOutput(key.runId(), key.instance(), output);
    if (cacheKey != null) {
      store.cache(cacheKey, key.pipeline(), key.stage(), ref);
    }
  }

  /**
   * Commits the run's history and checks that this process still holds the run.
   *
   * @throws StoreException when the history cannot be written or another process took the run
   */
  @Override
  public void ensureRecorded(String runId) {
    store.history().ensureRecorded(runId);
  }

  private static String pendingId(StageKey key) {
    return key.runId() + '\u0000' + key.instance();
  }
}
