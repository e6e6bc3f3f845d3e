package dev.stagecraft.runtime.engine;

/** How a run ended; a run SUCCEEDS when no stage FAILED. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
