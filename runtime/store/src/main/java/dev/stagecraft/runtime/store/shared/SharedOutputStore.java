package dev.stagecraft.runtime.store.shared;

import dev.stagecraft.runtime.engine.OutputStore;
import dev.stagecraft.runtime.engine.StageKey;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.cache.CacheKey;
import java.util.Optional;

/**
 * The engine's {@link OutputStore} for one stage process of an exported run: outputs go to the
 * shared, content-addressed artifacts; cache entries are files of their own ({@link SharedRuns}).
 * It remembers the output it saved, which the stage's record then names.
 */
public final class SharedOutputStore implements OutputStore {
  private final ArtifactStore artifacts;
  private final SharedRuns runs;
  private volatile CacheKey missed;
  private volatile ArtifactRef saved;

  public SharedOutputStore(ArtifactStore artifacts, SharedRuns runs) {
    this.artifacts = artifacts;
    this.runs = runs;
  }

  @Override
  public Optional<StoredOutput> lookup(StageKey key) {
    CacheKey cacheKey = CacheKey.of(key, artifacts.codecs());
    Optional<ArtifactRef> ref = runs.cached(cacheKey.hex()).filter(artifacts::contains);
    if (ref.isEmpty()) {
      missed = cacheKey;
      return Optional.empty();
    }
    saved = ref.get();
    return Optional.of(new StoredOutput(artifacts.get(ref.get(), Object.class)));
  }

  @Override
  public void save(StageKey key, Object output) {
    if (output == null) {
      return;
    }
    ArtifactRef ref = artifacts.put(output, key.instance());
    saved = ref;
    CacheKey cacheKey = missed;
    if (cacheKey != null) {
      runs.cache(cacheKey.hex(), ref);
    }
  }

  /** The output saved (or found in the cache) for this process's execution, if any. */
  public Optional<ArtifactRef> saved() {
    return Optional.ofNullable(saved);
  }
}
