package dev.stagecraft.runtime.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a stage logged through {@code StageContext.logger()}, as the run history keeps it.
 *
 * @param attempt the attempt that logged it, from 1
 * @param level {@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG} or {@code TRACE}
 * @param message the formatted message, followed by the stack trace of an exception logged with it
 */
public record LogLine(int attempt, Instant at, String level, String message) {
  public LogLine {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(level, "level");
    message = message == null ? "" : message;
  }
}
