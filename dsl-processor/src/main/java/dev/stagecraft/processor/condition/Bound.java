package dev.stagecraft.processor.condition;

import java.util.List;
import java.util.Objects;
import javax.lang.model.element.TypeElement;

/**
 * The checked tree: every name resolved, every comparison given the kind of Java code it compiles
 * to. Only a tree without errors reaches the {@link CodeGenerator}.
 */
sealed interface Bound {

  /** The type of the value this node produces. */
  ValueType type();

  /** A node that produces a primitive {@code boolean}. */
  sealed interface Test extends Bound {
    @Override
    default ValueType type() {
      return ValueType.BooleanType.PRIMITIVE;
    }
  }

  /** {@code left && right} or {@code left || right}, short-circuiting as in Java. */
  record Logical(LogicalOperator operator, Bound left, Bound right) implements Test {}

  /** {@code !operand}. */
  record Not(Bound operand) implements Test {}

  /** Numbers compared as {@code long} when both are integral, otherwise as {@code double}. */
  record NumberComparison(ComparisonOperator operator, Bound left, Bound right, boolean integral)
      implements Test {}

  /** Booleans compared with {@code ==} or {@code !=} after unboxing. */
  record BooleanComparison(ComparisonOperator operator, Bound left, Bound right) implements Test {}

  /** Values compared with {@code Objects.equals} (strings, other objects of one type). */
  record EqualsComparison(ComparisonOperator operator, Bound left, Bound right) implements Test {}

  /** References compared with {@code ==} (enum constants, null checks). */
  record IdentityComparison(ComparisonOperator operator, Bound left, Bound right) implements Test {}

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
  record Membership(Bound operand, List<Bound> values, MembershipKind kind) implements Test {
    public Membership {
      values = List.copyOf(values);
    }
  }

  /** The value at the end of a path. */
  record Read(ResolvedPath path, ValueType type) implements Bound {
    public Read {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(type, "type");
    }
  }

  /** A literal. */
  record Constant(Expr.Literal literal, ValueType type) implements Bound {}

  /** A string literal that names a constant of an enum compared with it. */
  record EnumConstant(TypeElement enumType, String constant, ValueType type) implements Bound {}

  /** A node with an error already reported. */
  record Invalid() implements Bound {
    @Override
    public ValueType type() {
      return new ValueType.ErrorType();
    }
  }
}
