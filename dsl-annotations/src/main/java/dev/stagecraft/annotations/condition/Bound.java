package dev.stagecraft.annotations.condition;

import java.util.List;
import java.util.Objects;

/**
 * The checked tree: every name resolved, every comparison given the kind of comparison it makes.
 * Only a tree without errors leaves the checker, to be compiled (the processor writes it as Java)
 * or evaluated.
 *
 * @param <T> the type representation of the {@link TypeModel}
 */
public sealed interface Bound<T> {

  /** The type of the value this node produces. */
  ValueType<T> type();

  /** A node that produces a primitive {@code boolean}. */
  sealed interface Test<T> extends Bound<T> {
    @Override
    default ValueType<T> type() {
      return ValueType.BooleanType.primitiveBoolean();
    }
  }

  /** {@code left && right} or {@code left || right}, short-circuiting as in Java. */
  record Logical<T>(LogicalOperator operator, Bound<T> left, Bound<T> right) implements Test<T> {}

  /** {@code !operand}. */
  record Not<T>(Bound<T> operand) implements Test<T> {}

  /** Numbers compared as {@code long} when both are integral, otherwise as {@code double}. */
  record NumberComparison<T>(
      ComparisonOperator operator, Bound<T> left, Bound<T> right, boolean integral)
      implements Test<T> {}

  /** Booleans compared with {@code ==} or {@code !=} after unboxing. */
  record BooleanComparison<T>(ComparisonOperator operator, Bound<T> left, Bound<T> right)
      implements Test<T> {}

  /** Values compared with {@code Objects.equals} (strings, other objects of one type). */
  record EqualsComparison<T>(ComparisonOperator operator, Bound<T> left, Bound<T> right)
      implements Test<T> {}

  /** References compared with {@code ==} (enum constants, null checks). */
  record IdentityComparison<T>(ComparisonOperator operator, Bound<T> left, Bound<T> right)
      implements Test<T> {}

  /** How {@code in} compares. */
  enum MembershipKind {
    /** Numbers compared as {@code long}. */
    INTEGRAL,
    /** Numbers compared as {@code double}. */
    DECIMAL,
    /** Values compared with {@code equals} (strings, booleans, enum constants). */
    OBJECT
  }

  /** {@code operand in [values]}. */
  record Membership<T>(Bound<T> operand, List<Bound<T>> values, MembershipKind kind)
      implements Test<T> {
    public Membership {
      values = List.copyOf(values);
    }
  }

  /** The value at the end of a path. */
  record Read<T>(ResolvedPath<T> path, ValueType<T> type) implements Bound<T> {
    public Read {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(type, "type");
    }
  }

  /** A literal. */
  record Constant<T>(Expr.Literal literal, ValueType<T> type) implements Bound<T> {}

  /** A string literal that names a constant of an enum compared with it. */
  record EnumConstant<T>(T enumType, String constant, ValueType<T> type) implements Bound<T> {}

  /** A node with an error already reported. */
  record Invalid<T>() implements Bound<T> {
    @Override
    public ValueType<T> type() {
      return new ValueType.ErrorType<>();
    }
  }
}
