package dev.stagecraft.runtime.engine;

/**
 * How a run ended; a run SUCCEEDS when no stage FAILED. The engine returns SUCCEEDED, FAILED or
 * CANCELLED; a run history also shows RUNNING (still going) and INTERRUPTED (the process running it
 * died without ending it: its lease expired).
 */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  INTERRUPTED
}
