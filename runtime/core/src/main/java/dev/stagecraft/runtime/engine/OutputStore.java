package dev.stagecraft.runtime.engine;

import java.util.Optional;

/**
 * Where the engine persists stage outputs and finds cached ones: the seam for the artifact store.
 * The engine wraps the one call into user code with it: before running a stage with {@code cache =
 * true} (and caching on) it asks {@link #lookup}; a hit makes the stage CACHED without executing.
 * After every successful execution it calls {@link #save}. Called from executor threads, so
 * implementations are thread-safe.
 */
public interface OutputStore {
  /**
   * A stored output for this key, if any; the value inside may be null for a {@code void} stage.
   */
  Optional<StoredOutput> lookup(StageKey key) throws Exception;

  /**
   * Persists the output of a successful execution.
   *
   * @throws Exception when no codec can store it: the stage then FAILS with this message
   */
  void save(StageKey key, Object output) throws Exception;

  /**
   * Makes sure that what run {@code runId} reported so far is durably recorded and that this
   * process still holds the run, before a stage causes an effect outside the store ({@code
   * StageContext.ensureRecorded()}). Does nothing by default (outputs kept in memory).
   *
   * @throws RuntimeException when the run cannot be recorded: the effect must not happen
   */
  default void ensureRecorded(String runId) {}

  /** An output read back from the store. */
  record StoredOutput(Object value) {}
}
