package dev.stagecraft.runtime.components.search;

/** Whether a study looks for the smallest or the largest value. */
public enum Direction {
  /** Smaller is better, as for a loss. */
  MINIMIZE,
  /** Larger is better, as for an accuracy. */
  MAXIMIZE;

  /** Whether {@code a} is strictly better than {@code b}; NaN is never better. */
  public boolean better(double a, double b) {
    return this == MINIMIZE ? a < b : a > b;
  }

  /** The value as a loss (smaller is better): itself, negated when maximizing; NaN as +infinity. */
  double loss(double value) {
    if (Double.isNaN(value)) {
      return Double.POSITIVE_INFINITY;
    }
    return this == MINIMIZE ? value : -value;
  }
}
