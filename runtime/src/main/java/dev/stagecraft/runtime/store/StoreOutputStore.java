package dev.stagecraft.runtime.store;

import dev.stagecraft.runtime.engine.OutputStore;
import dev.stagecraft.runtime.engine.StageKey;
import java.util.Optional;

/** The store as the engine's {@link OutputStore}: outputs kept for resume, cacheable ones by {@code CacheKey}. */
public final class StoreOutputStore implements OutputStore {
  private final StageOutputs outputs;

  /** Outputs kept in this store. */
  public StoreOutputStore(Store store) {
    this.outputs = new StageOutputs(store);
  }

  @Override
  public Optional<StoredOutput> lookup(StageKey key) {
    return outputs.lookup(key.runId(), key.pipeline(), key.stage(), key.instance(), key.version(),
            key.inputs(), key.params(), key.item())
        .map(cached -> new StoredOutput(cached.value()));
  }

  @Override
  public void save(StageKey key, Object output) {
    outputs.save(key.runId(), key.pipeline(), key.stage(), key.instance(), output);
  }
}
