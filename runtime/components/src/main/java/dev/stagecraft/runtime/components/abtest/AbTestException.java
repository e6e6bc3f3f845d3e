package dev.stagecraft.runtime.components.abtest;

import dev.stagecraft.runtime.UserInputException;

/** Two models cannot be compared: their predictions are not on the same test examples. */
public final class AbTestException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** A one-line message: what is wrong, where, and how to fix it. */
  public AbTestException(String message) {
    super(message);
  }
}
