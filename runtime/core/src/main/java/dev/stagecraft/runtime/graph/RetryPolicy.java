package dev.stagecraft.runtime.graph;

import dev.stagecraft.annotations.Stage;
import java.time.Duration;

/** How often a failed stage is retried and how long it waits first (doubling per attempt). */
public record RetryPolicy(int retries, Duration backoff) {
  /** The defaults of {@link Stage}: no retries, its default backoff. */
  public static final RetryPolicy NONE =
      new RetryPolicy(Stage.DEFAULT_RETRIES, Duration.parse(Stage.DEFAULT_BACKOFF));

  public RetryPolicy {
    if (retries < 0) {
      throw new IllegalArgumentException("retries " + retries + " must not be negative");
    }
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff " + backoff + " must not be negative");
    }
  }
}
