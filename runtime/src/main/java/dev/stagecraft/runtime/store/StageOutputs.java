package dev.stagecraft.runtime.store;

import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.cache.CacheKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store as the engine's output store: persists every stage output for resume, and for stages
 * with {@code cache = true} looks up and records cached outputs by {@link CacheKey}. Thread-safe.
 *
 * <p>The engine asks {@link #lookup} before running a cacheable stage and calls {@link #save} after
 * every successful execution; an output saved after a lookup is also cached under that lookup's key.
 * A hit is linked to the run, so resuming the run reuses it too.
 */
public final class StageOutputs {
  private final Store store;
  private final Map<String, CacheKey> pendingKeys = new ConcurrentHashMap<>();

  /** Outputs kept in this store. */
  public StageOutputs(Store store) {
    this.store = store;
  }

  /** A cached output (its value may be {@code null}, e.g. for a {@code void} stage). */
  public record Cached(Object value, ArtifactRef ref, CacheKey key) {}

  /**
   * The cached output of this stage for these inputs, params and item, if any.
   *
   * @throws UnstorableOutputException when an input, param or item has no codec (it cannot be part
   *     of a key)
   */
  public Optional<Cached> lookup(String runId, String pipeline, String stage, String instance, String version,
      Map<String, Object> inputs, Map<String, Object> params, Optional<Object> item) {
    CacheKey.Builder builder = CacheKey.builder(pipeline, stage, version);
    inputs.forEach(builder::input);
    params.forEach(builder::param);
    item.ifPresent(builder::item);
    CacheKey key = builder.build(store.artifacts().codecs());
    Optional<ArtifactRef> ref = store.cached(key);
    if (ref.isEmpty()) {
      pendingKeys.put(runId + '\u0000' + instance, key);
      return Optional.empty();
    }
    Object value = store.read(ref.get(), Object.class);
    store.linkOutput(runId, instance, ref.get());
    return Optional.of(new Cached(value, ref.get(), key));
  }

  /**
   * Stores the output of a successful execution for resume, and caches it when a lookup for the
   * same instance missed.
   *
   * @throws UnstorableOutputException when no codec can store it (the stage then fails with it)
   */
  public ArtifactRef save(String runId, String pipeline, String stage, String instance, Object output) {
    ArtifactRef ref = store.saveOutput(runId, instance, output);
    CacheKey key = pendingKeys.remove(runId + '\u0000' + instance);
    if (key != null) {
      store.cache(key, pipeline, stage, ref);
    }
    return ref;
  }
}
