package dev.stagecraft.runtime.store;

import dev.stagecraft.runtime.UserInputException;

/**
 * The store cannot be used: its database is corrupt or not a database, its directory is not
 * writable, an artifact is missing. The message is one line naming the path and what to do.
 */
public class StoreException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** A one-line message naming the path and the fix. */
  public StoreException(String message) {
    super(message);
  }

  /** A one-line message naming the path and the fix, with its cause (kept for logs). */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
