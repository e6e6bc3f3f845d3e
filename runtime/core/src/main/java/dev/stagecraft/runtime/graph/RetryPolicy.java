package dev.stagecraft.runtime.graph;

import java.time.Duration;

/** How often a failed stage is retried and how long it waits first (doubling per attempt). */
public record RetryPolicy(int retries, Duration backoff) {
  /** No retries, with the DSL's default backoff of one second. */
  public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ofSeconds(1));

  public RetryPolicy {
    if (retries < 0) {
      throw new IllegalArgumentException("retries " + retries + " must not be negative");
    }
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff " + backoff + " must not be negative");
    }
  }
}
