package dev.stagecraft.runtime.export;

import dev.stagecraft.runtime.UserInputException;

/** A pipeline, plan or option the export cannot lower; the message says what and how to fix it. */
public final class ExportException extends UserInputException {
  private static final long serialVersionUID = 1L;

  public ExportException(String message) {
    super(message);
  }
}
