package dev.stagecraft.runtime.engine;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Exponential backoff with "equal jitter": before retry {@code n} (after failed attempt {@code n})
 * the wait is {@code d/2 + random(0, d/2)} where {@code d = backoff * 2^(n-1)}.
 */
final class Backoff {
  private Backoff() {}

  static Duration delay(Duration backoff, int failedAttempt, SplittableRandom random) {
    long base = backoff.toNanos();
    int shift = Math.min(failedAttempt - 1, 30);
    long d = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
    long half = d / 2;
    return Duration.ofNanos(half + (long) (random.nextDouble() * (d - half)));
  }
}
