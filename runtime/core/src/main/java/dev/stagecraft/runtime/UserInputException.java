package dev.stagecraft.runtime;

/**
 * Bad input the user must fix: a malformed CSV, an unknown parameter, an impossible resource
 * request. The message is one line that says what, where and how to fix it; the CLI prints it and
 * exits 2. Subclasses name the area ({@code DataException}, {@code ParamException}, ...).
 */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A one-line message: what is wrong, where, and how to fix it. */
  public UserInputException(String message) {
    super(message);
  }

  /** A one-line message with the underlying cause (kept for logs, never printed to users). */
  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
