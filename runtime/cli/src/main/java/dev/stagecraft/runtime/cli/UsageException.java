package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.UserInputException;

/**
 * A command line that cannot be carried out: an unknown pipeline, a bad quantity, a bad classpath.
 */
public class UsageException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** The one-line message. */
  public UsageException(String message) {
    super(message);
  }
}
