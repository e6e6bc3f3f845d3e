package dev.stagecraft.processor.condition;

/** The boolean connectives {@code &&} and {@code ||}. */
enum LogicalOperator {
  AND("&&"),
  OR("||");

  private final String symbol;

  LogicalOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in source and in Java. */
  String symbol() {
    return symbol;
  }
}
