package dev.stagecraft.annotations.condition;

/** The comparison operators; the ordering ones need numbers. */
public enum ComparisonOperator {
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in source and in Java. */
  public String symbol() {
    return symbol;
  }

  /** Whether this is {@code < <= > >=}, which only numbers support. */
  public boolean isOrdering() {
    return this != EQ && this != NE;
  }

  static ComparisonOperator of(TokenKind kind) {
    return switch (kind) {
      case EQ -> EQ;
      case NE -> NE;
      case LT -> LT;
      case LE -> LE;
      case GT -> GT;
      case GE -> GE;
      default -> null;
    };
  }
}
