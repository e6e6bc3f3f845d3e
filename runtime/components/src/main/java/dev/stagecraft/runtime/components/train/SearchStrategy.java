package dev.stagecraft.runtime.components.train;

/** How a hyperparameter search picks the points it evaluates. */
public enum SearchStrategy {
  /**
   * {@code nTrials} distinct points drawn from the space with the seed (fewer when the space has
   * fewer distinct points).
   */
  RANDOM,
  /**
   * The cartesian product of each domain's grid (choices as listed, ranges at both ends and the
   * middle). When it has more than {@code nTrials} points, a seeded sample of {@code nTrials} of
   * them, kept in grid order.
   */
  GRID
}
