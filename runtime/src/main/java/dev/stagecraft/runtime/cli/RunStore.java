package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.OutputStore;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.StageKey;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.cache.CacheKey;
import dev.stagecraft.runtime.store.codec.Codecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store a {@code run} or {@code resume} writes to, attached to the engine: its run history
 * records the run, and its artifacts keep every output (for caching and resume). Expected stage
 * durations for the critical path come from the history's last successful runs.
 */
final class RunStore implements AutoCloseable {
  private final Store store;

  private RunStore(Store store) {
    this.store = store;
  }

  /**
   * {@code --store DIR}, else {@code $STAGECRAFT_HOME}, else {@code .stagecraft} in the working
   * directory.
   */
  static Path directory(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String home = env.get("STAGECRAFT_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(".stagecraft");
  }

  /**
   * Opens (or creates) the store.
   *
   * @throws dev.stagecraft.runtime.store.StoreException when it is corrupt or cannot be written
   */
  static RunStore open(Path dir) {
    return new RunStore(Store.open(dir));
  }

  Store store() {
    return store;
  }

  /** The options with the history as a listener, the artifacts as output store, and durations. */
  RunOptions attach(RunOptions options, String pipeline) {
    Map<String, Double> expected = new LinkedHashMap<>();
    for (Map.Entry<String, Duration> e : store.queries().expectedDurations(pipeline).entrySet()) {
      expected.put(e.getKey(), (double) Math.max(1, e.getValue().toMillis()));
    }
    return options
        .withListener(store.history())
        .withOutputStore(new Outputs(store))
        .withExpectedDurations(expected);
  }

  @Override
  public void close() {
    store.close();
  }

  /**
   * The engine's {@link OutputStore} over the artifact store: outputs are saved for the run (what
   * resume reuses); a cacheable stage's key is computed on lookup and its output cached under it.
   */
  static final class Outputs implements OutputStore {
    private final Store store;
    private final Codecs codecs = Codecs.standard();
    private final Map<String, CacheKey> pendingKeys = new ConcurrentHashMap<>();

    Outputs(Store store) {
      this.store = store;
    }

    @Override
    public Optional<StoredOutput> lookup(StageKey k) {
      CacheKey key = cacheKey(k);
      Optional<ArtifactRef> ref = store.cached(key);
      if (ref.isEmpty()) {
        pendingKeys.put(k.runId() + "/" + k.instance(), key);
        return Optional.empty();
      }
      store.linkOutput(k.runId(), k.instance(), ref.get());
      return Optional.of(new StoredOutput(store.read(ref.get(), Object.class)));
    }

    @Override
    public void save(StageKey k, Object output) {
      CacheKey key = pendingKeys.remove(k.runId() + "/" + k.instance());
      if (output == null) {
        return; // a void stage: nothing to keep, it runs again on resume
      }
      ArtifactRef ref = store.saveOutput(k.runId(), k.instance(), output);
      if (key != null) {
        store.cache(key, k.pipeline(), k.stage(), ref);
      }
    }

    private CacheKey cacheKey(StageKey k) {
      CacheKey.Builder b = CacheKey.builder(k.pipeline(), k.stage(), k.version());
      k.inputs().forEach(b::input);
      k.params().forEach(b::param);
      k.item().ifPresent(b::item);
      return b.build(codecs);
    }
  }
}
