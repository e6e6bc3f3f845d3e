package dev.stagecraft.runtime.components.search;

/** How a finished trial ended. */
public enum TrialState {
  /** Evaluated to the end: its value is final. */
  COMPLETE,
  /** Stopped early by the pruner: its value is the last intermediate one, never the best. */
  PRUNED
}
