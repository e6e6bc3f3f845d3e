package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.store.StoreException;

/** A run id (or id prefix) that names no run, or more than one. */
public class UnknownRunException extends StoreException {
  private static final long serialVersionUID = 1L;

  /** The one-line message. */
  public UnknownRunException(String message) {
    super(message);
  }
}
