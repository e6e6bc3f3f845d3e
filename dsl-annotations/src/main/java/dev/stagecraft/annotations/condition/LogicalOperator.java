package dev.stagecraft.annotations.condition;

/** The boolean connectives {@code &&} and {@code ||}. */
public enum LogicalOperator {
  AND("&&"),
  OR("||");

  private final String symbol;

  LogicalOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in source and in Java. */
  public String symbol() {
    return symbol;
  }
}
