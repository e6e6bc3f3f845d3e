package dev.stagecraft.runtime.engine;

import java.time.Clock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A stage's logger: forwards every call to the SLF4J logger of the stage, and keeps INFO and above
 * (DEBUG and TRACE when the SLF4J logger has them on) in the execution's {@link StageLog}, whatever
 * the logging backend does with them.
 */
final class CapturingLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient Logger delegate;
  private final transient StageLog log;
  private final transient IntSupplier attempt;
  private final transient Clock clock;
  private final transient SecretMask secrets;

  CapturingLogger(
      Logger delegate, StageLog log, IntSupplier attempt, Clock clock, SecretMask secrets) {
    this.delegate = delegate;
    this.log = log;
    this.attempt = attempt;
    this.clock = clock;
    this.secrets = secrets;
    this.name = delegate.getName();
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate.isTraceEnabled();
  }

  @Override
  public boolean isDebugEnabled() {
    return delegate.isDebugEnabled();
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable error) {
    if (!secrets.isEmpty()) {
      // a secret was read: what reaches the backend and the history is the masked text, and an
      // exception's stack trace goes as masked text too
      String message = secrets.apply(MessageFormatter.basicArrayFormat(pattern, arguments));
      String trace = error == null ? "" : "\n" + secrets.apply(StageLog.stackTrace(error));
      if (delegate.isEnabledForLevel(level)) {
        delegate.atLevel(level).log(message + trace);
      }
      log.add(attempt.getAsInt(), clock.instant(), level.name(), message + trace, null);
      return;
    }
    if (delegate.isEnabledForLevel(level)) {
      if (arguments == null) {
        delegate.atLevel(level).setCause(error).log(pattern);
      } else {
        delegate.atLevel(level).setCause(error).log(pattern, arguments);
      }
    }
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    log.add(attempt.getAsInt(), clock.instant(), level.name(), message, error);
  }
}
