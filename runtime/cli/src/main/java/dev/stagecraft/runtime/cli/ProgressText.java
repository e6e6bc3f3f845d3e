package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.FailedAttempt;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Progress lines both progress displays print the same way. */
final class ProgressText {
  private ProgressText() {}

  /**
   * {@code load attempt 1 failed: IOException: reset; retrying in 1.2 s}, or without the retry when
   * it was the last attempt.
   */
  static String attemptFailed(String instance, FailedAttempt attempt, Optional<Duration> retryIn) {
    return instance
        + " attempt "
        + attempt.attempt()
        + " failed: "
        + attempt.reason()
        + retryIn
            .map(d -> String.format(Locale.ROOT, "; retrying in %.1f s", d.toMillis() / 1000.0))
            .orElse("");
  }
}
