package dev.stagecraft.runtime.engine;

/** A fan-out whose items are not a list; the stage FAILS with this message. */
final class FanOutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FanOutException(String message) {
    super(message, null, false, false);
  }
}
