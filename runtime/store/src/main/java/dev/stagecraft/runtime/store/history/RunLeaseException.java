package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.store.StoreException;

/**
 * A run cannot be taken: another live process holds it (it is still running, or being resumed), it
 * was resumed already, or this process lost it. The message names the holder (host and process) and
 * what to do.
 */
public final class RunLeaseException extends StoreException {
  private static final long serialVersionUID = 1L;

  /** The one-line message. */
  public RunLeaseException(String message) {
    super(message);
  }
}
