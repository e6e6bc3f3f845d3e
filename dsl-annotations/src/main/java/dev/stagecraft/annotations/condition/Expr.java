package dev.stagecraft.annotations.condition;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of a {@code @When} expression, as parsed and before any name is resolved. Every
 * node knows its 1-based column inside the expression: operators at the operator, values at their
 * first character; {@link #start()} is the column where the node's text begins.
 */
public sealed interface Expr {

  /** Column of the node's operator or, for a value, of its first character. */
  int column();

  /** Column where the node's source text begins. */
  default int start() {
    return column();
  }

  /** {@code left && right} or {@code left || right}. */
  record Logical(LogicalOperator operator, Expr left, Expr right, int column) implements Expr {
    public Logical {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public int start() {
      return left.start();
    }
  }

  /** {@code !operand}. */
  record Not(Expr operand, int column) implements Expr {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code left OP right} for one of {@code == != < <= > >=}. */
  record Comparison(ComparisonOperator operator, Expr left, Expr right, int column)
      implements Expr {
    public Comparison {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public int start() {
      return left.start();
    }
  }

  /** {@code operand in [v1, v2, ...]}; {@code column} is that of {@code in}. */
  record Membership(Expr operand, List<Literal> values, int column) implements Expr {
    public Membership {
      Objects.requireNonNull(operand, "operand");
      values = List.copyOf(values);
    }

    @Override
    public int start() {
      return operand.start();
    }
  }

  /** A dotted path {@code name.property.property}; {@code columns} holds each segment's column. */
  record Path(List<String> segments, List<Integer> columns) implements Expr {
    public Path {
      segments = List.copyOf(segments);
      columns = List.copyOf(columns);
      if (segments.isEmpty() || segments.size() != columns.size()) {
        throw new IllegalArgumentException("a path needs one column per segment");
      }
    }

    @Override
    public int column() {
      return columns.get(0);
    }

    /** The first {@code count} segments joined by dots. */
    public String prefix(int count) {
      return String.join(".", segments.subList(0, count));
    }

    /** The whole path, as written. */
    public String text() {
      return prefix(segments.size());
    }
  }

  /** A constant: a number, a string, {@code true}, {@code false} or {@code null}. */
  sealed interface Literal extends Expr {
    /** How the literal reads in a message. */
    String describe();
  }

  /**
   * A number literal.
   *
   * @param text as written, e.g. {@code 1e9}
   * @param integral whether it has neither fraction nor exponent and fits a {@code long}
   */
  record NumberLiteral(String text, boolean integral, int column) implements Literal {
    public NumberLiteral {
      Objects.requireNonNull(text, "text");
    }

    /** The value as a double. */
    public double doubleValue() {
      return Double.parseDouble(text);
    }

    /** The value as a long; only for integral literals. */
    public long longValue() {
      return Long.parseLong(text);
    }

    @Override
    public String describe() {
      return text;
    }
  }

  /** A string literal, already decoded. */
  record StringLiteral(String value, int column) implements Literal {
    public StringLiteral {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
      return "'" + value + "'";
    }
  }

  /** {@code true} or {@code false}. */
  record BooleanLiteral(boolean value, int column) implements Literal {
    @Override
    public String describe() {
      return Boolean.toString(value);
    }
  }

  /** {@code null}. */
  record NullLiteral(int column) implements Literal {
    @Override
    public String describe() {
      return "null";
    }
  }
}
