package dev.stagecraft.annotations.condition;

/**
 * One problem in a {@code @When} expression. The message reads well after a {@code "@When: "}
 * prefix and before an {@code " at column N"} suffix.
 *
 * @param column 1-based position inside the expression string
 */
public record ConditionError(String message, int column) {

  /** The message with its column, as a processor reports it without the annotation prefix. */
  @Override
  public String toString() {
    return message + " at column " + column;
  }
}
