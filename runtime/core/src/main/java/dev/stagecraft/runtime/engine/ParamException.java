package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.UserInputException;

/**
 * A pipeline parameter that cannot be used: unknown (with a suggestion), of the wrong type, or
 * required and missing. One line; the CLI prints it and exits 2.
 */
public class ParamException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** The one-line message. */
  public ParamException(String message) {
    super(message);
  }
}
