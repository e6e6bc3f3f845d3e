package dev.stagecraft.runtime.io;

import dev.stagecraft.runtime.UserInputException;

/**
 * A file that could not be written: its folder is missing, it is a directory, or the disk refused.
 */
public class FileWriteException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** One line naming the file and what to do. */
  public FileWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
