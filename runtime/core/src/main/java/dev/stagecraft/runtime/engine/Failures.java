package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.NonRetryableException;
import dev.stagecraft.runtime.UserInputException;
import java.util.IdentityHashMap;
import java.util.Map;

/** How a failure is worded in a stage's reason, and whether it may be retried. */
final class Failures {
  private Failures() {}

  /**
   * How a failure reads, on one line: the message of the {@link UserInputException} it is or was
   * caused by (bad input reads the same in the stage table, the progress, the history and the error
   * line), else {@code IllegalStateException: boom} for the root cause.
   */
  static String reason(Throwable t) {
    UserInputException badInput = userInput(t);
    if (badInput != null && badInput.getMessage() != null) {
      return oneLine(badInput.getMessage());
    }
    Throwable root = rootCause(t);
    String name =
        root.getClass().getSimpleName().isEmpty()
            ? root.getClass().getName()
            : root.getClass().getSimpleName();
    String message = root.getMessage();
    return oneLine(message == null || message.isBlank() ? name : name + ": " + message);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** The deepest cause, guarding against cycles. */
  static Throwable rootCause(Throwable t) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable current = t;
    while (current.getCause() != null && seen.put(current, Boolean.TRUE) == null) {
      current = current.getCause();
    }
    return current;
  }

  /**
   * The {@link UserInputException} that {@code t} is or was caused by, else null: bad input, which
   * retrying cannot fix and the CLI reports as a usage error.
   */
  static UserInputException userInput(Throwable t) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable c = t; c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
      if (c instanceof UserInputException input) {
        return input;
      }
    }
    return null;
  }

  /** Whether {@code t} or one of its causes is a {@link NonRetryableException}. */
  static boolean isNonRetryable(Throwable t) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable c = t; c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
      if (c instanceof NonRetryableException) {
        return true;
      }
    }
    return false;
  }
}
