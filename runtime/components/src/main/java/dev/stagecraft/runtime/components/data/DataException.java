package dev.stagecraft.runtime.components.data;

import dev.stagecraft.runtime.UserInputException;

/**
 * Bad data or a bad data-preparation option: a malformed CSV, a missing target column, a column the
 * imputer cannot fill, an unknown option value. The message is one line saying what, where (file,
 * line, column when they apply) and how to fix it.
 */
public class DataException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** A one-line message: what is wrong, where, and how to fix it. */
  public DataException(String message) {
    super(message);
  }

  /** A one-line message with its underlying cause (kept for logs, never printed to users). */
  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
