package dev.stagecraft.runtime.engine;

/**
 * How to run a pipeline: where the store is, capacity, caching, fail-fast, progress. Start from
 * {@link #defaults()}.
 */
public record RunOptions(boolean failFast) {
  /** Defaults: the machine's capacity, no fail-fast. */
  public static RunOptions defaults() {
    return new RunOptions(false);
  }
}
