package dev.stagecraft.runtime;

import java.util.List;

/**
 * Bad input the user must fix: a malformed CSV, an unknown parameter, an impossible resource
 * request. The message is one line that says what, where and how to fix it; the CLI prints it and
 * exits 2. Subclasses name the area ({@code DataException}, {@code ParamException}, ...). Input
 * with several problems found at once (a template file, a plan) carries each as a line of its own
 * in {@link #problems()}.
 */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** A one-line message: what is wrong, where, and how to fix it. */
  public UserInputException(String message) {
    super(message);
    this.problems = List.of(message);
  }

  /** A one-line message with the underlying cause (kept for logs, never printed to users). */
  public UserInputException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of(message);
  }

  /**
   * Several problems found at once, each a one-line message; the exception's message is the first,
   * with how many more follow.
   */
  public UserInputException(List<String> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, each one line; a single one for most input errors. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an input error needs at least one problem");
    }
    int more = problems.size() - 1;
    return problems.get(0)
        + (more == 0 ? "" : " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")");
  }
}
