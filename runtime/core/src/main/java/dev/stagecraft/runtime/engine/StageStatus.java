package dev.stagecraft.runtime.engine;

/** The life of one stage execution: PENDING -> RUNNING -> one of the final states. */
public enum StageStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  SKIPPED,
  CACHED,
  UPSTREAM_FAILED,
  CANCELLED;

  /** Whether the stage produced (or reused) an output. */
  public boolean hasOutput() {
    return this == SUCCEEDED || this == CACHED;
  }

  /** Whether the state is final. */
  public boolean isFinal() {
    return this != PENDING && this != RUNNING;
  }
}
