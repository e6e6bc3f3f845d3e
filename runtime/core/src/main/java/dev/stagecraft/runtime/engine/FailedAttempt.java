package dev.stagecraft.runtime.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of a stage execution that failed, with its error: an attempt that was retried, or the
 * last one of a stage that FAILED.
 *
 * @param attempt the attempt's number, from 1
 * @param start when the attempt began
 * @param end when it failed
 * @param reason the error, on one line ({@code IOException: connection reset})
 */
public record FailedAttempt(int attempt, Instant start, Instant end, String reason) {
  public FailedAttempt {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    reason = reason == null ? "" : reason;
  }

  /** How long the attempt ran. */
  public Duration duration() {
    return Duration.between(start, end);
  }
}
