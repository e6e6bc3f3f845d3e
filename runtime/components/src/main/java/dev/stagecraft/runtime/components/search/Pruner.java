package dev.stagecraft.runtime.components.search;

import java.util.List;

/**
 * Decides, after each intermediate value a running trial reports, whether to stop it early. Like a
 * {@link Sampler} it sees only the history the {@link Study} gives the trial (the trials of earlier
 * batches), so its decisions do not depend on thread timing.
 */
public sealed interface Pruner permits MedianPruner, Pruner.Never {

  /** A pruner that lets every trial run to the end. */
  Pruner NEVER = new Never();

  /**
   * Whether to stop the trial now.
   *
   * @param intermediateValues the trial's values at steps 0 to the current one
   * @param history the finished trials the trial may be compared with, in trial order
   * @param direction whether smaller or larger values are better
   */
  boolean shouldPrune(
      List<Double> intermediateValues, List<FinishedTrial> history, Direction direction);

  /** Never prunes. */
  record Never() implements Pruner {
    @Override
    public boolean shouldPrune(
        List<Double> intermediateValues, List<FinishedTrial> history, Direction direction) {
      return false;
    }
  }
}
