package dev.stagecraft.runtime.components.train;

import java.util.function.IntConsumer;

/**
 * How one model is fitted: the threads it may use and whom to tell about its progress.
 *
 * @param threads the threads the learner may use (at least 1); results do not depend on it
 * @param onStep told the number of boosting rounds or solver iterations done so far
 */
record FitOptions(int threads, IntConsumer onStep) {
  /** One thread, no progress. */
  static final FitOptions SEQUENTIAL = new FitOptions(1, step -> {});

  /** Checks the threads. */
  FitOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }
}
