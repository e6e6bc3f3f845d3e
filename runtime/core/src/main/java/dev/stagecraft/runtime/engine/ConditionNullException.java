package dev.stagecraft.runtime.engine;

/** A condition navigated through a null value; the stage FAILS with this message. */
final class ConditionNullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConditionNullException(String message) {
    super(message, null, false, false);
  }
}
