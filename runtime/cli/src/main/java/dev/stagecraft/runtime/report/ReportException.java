package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.UserInputException;

/**
 * A report that cannot be written: the output path is a directory, or its folder is missing or
 * read-only.
 */
public class ReportException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** The one-line message. */
  public ReportException(String message) {
    super(message);
  }
}
