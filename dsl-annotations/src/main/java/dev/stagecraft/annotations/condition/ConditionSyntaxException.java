package dev.stagecraft.annotations.condition;

/** Stops lexing or parsing at the first syntax error; never escapes the package. */
final class ConditionSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ConditionError error;

  ConditionSyntaxException(String message, int column) {
    super(message + " at column " + column, null, false, false);
    this.error = new ConditionError(message, column);
  }

  ConditionError error() {
    return error;
  }
}
