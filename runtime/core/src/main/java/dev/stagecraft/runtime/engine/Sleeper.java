package dev.stagecraft.runtime.engine;

import java.time.Duration;

/** Waits between retry attempts; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps with {@link Thread#sleep}. */
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /** Waits for {@code duration}; an interrupt ends the wait early. */
  void sleep(Duration duration) throws InterruptedException;
}
