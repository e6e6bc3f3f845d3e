package dev.stagecraft.runtime.components.search;

import dev.stagecraft.runtime.UserInputException;

/**
 * A search space that cannot be searched: an empty or inverted range, a log scale that reaches
 * zero, no choices, or two parameters of one name. Raised when the space is built, before any
 * trial.
 */
public final class SearchSpaceException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** A one-line message: what is wrong, where, and how to fix it. */
  public SearchSpaceException(String message) {
    super(message);
  }
}
