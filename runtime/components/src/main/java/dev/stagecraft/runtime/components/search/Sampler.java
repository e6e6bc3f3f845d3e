package dev.stagecraft.runtime.components.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes the parameter values of each trial of a {@link Study}. The study calls {@link #suggest}
 * once per trial, in trial-number order and never concurrently, so a sampler may keep state (a
 * random stream, the points it gave) without locking; it is seeded at construction, so the same
 * seed and the same history give the same proposals.
 */
public sealed interface Sampler permits RandomSampler, GridSampler, TpeSampler {

  /**
   * The values of trial {@code number}, or empty when the sampler has no new point to give (a small
   * space is exhausted), which ends the study.
   *
   * @param number the trial's number
   * @param history the finished trials this trial may learn from, in trial order (the study gives
   *     every trial of the earlier batches, see {@link Study})
   * @param direction whether smaller or larger values are better
   */
  Optional<Map<String, Object>> suggest(
      int number, List<FinishedTrial> history, Direction direction);
}
