package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.condition.Bound;
import dev.stagecraft.annotations.condition.ComparisonOperator;
import dev.stagecraft.annotations.condition.Expr;
import dev.stagecraft.annotations.condition.LogicalOperator;
import dev.stagecraft.annotations.condition.ResolvedPath;
import dev.stagecraft.annotations.condition.ValueType;
import dev.stagecraft.runtime.graph.ConditionType;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a checked condition ({@link Bound}, from the shared checker) on a run's parameter
 * values and profile: a walk over the checked tree, never code from text. It gives the answers the
 * processor's generated Java gives: numbers compare as {@code long} when both sides are integral,
 * else as {@code double}; an absent profile fact is null, {@code ==}/{@code !=} compare with it,
 * ordering and {@code in} are false, and a boolean fact on its own is true only when given as true.
 */
final class ConditionEvaluator {
  private final Map<String, Object> params;
  private final Profile profile;

  ConditionEvaluator(Map<String, Object> params, Profile profile) {
    this.params = params;
    this.profile = profile;
  }

  /** Whether the condition holds. */
  boolean test(Bound<ConditionType> bound) {
    if (bound instanceof Bound.Logical<ConditionType> logical) {
      boolean left = test(logical.left());
      return logical.operator() == LogicalOperator.AND
          ? left && test(logical.right())
          : left || test(logical.right());
    }
    if (bound instanceof Bound.Not<ConditionType> not) {
      return !test(not.operand());
    }
    if (bound instanceof Bound.NumberComparison<ConditionType> c) {
      return compare(c.operator(), value(c.left()), value(c.right()), c.integral());
    }
    if (bound instanceof Bound.BooleanComparison<ConditionType> c) {
      return equality(c.operator(), value(c.left()), value(c.right()));
    }
    if (bound instanceof Bound.EqualsComparison<ConditionType> c) {
      return equality(c.operator(), value(c.left()), value(c.right()));
    }
    if (bound instanceof Bound.IdentityComparison<ConditionType> c) {
      return equality(c.operator(), value(c.left()), value(c.right()));
    }
    if (bound instanceof Bound.Membership<ConditionType> m) {
      Object operand = value(m.operand());
      if (operand == null) {
        return false;
      }
      for (Bound<ConditionType> candidate : m.values()) {
        Object v = value(candidate);
        boolean hit =
            switch (m.kind()) {
              case INTEGRAL -> ((Number) operand).longValue() == ((Number) v).longValue();
              case DECIMAL -> ((Number) operand).doubleValue() == ((Number) v).doubleValue();
              case OBJECT -> operand.equals(v);
            };
        if (hit) {
          return true;
        }
      }
      return false;
    }
    return Boolean.TRUE.equals(value(bound));
  }

  /**
   * The value of a node: a number, a string, a boolean, an enum constant's name, null; the result
   * of a test for the boolean nodes.
   */
  private Object value(Bound<ConditionType> bound) {
    if (bound instanceof Bound.Read<ConditionType> read) {
      ResolvedPath<ConditionType> path = read.path();
      Object v =
          switch (path.root()) {
            case PARAM -> params.get(path.name());
            case PROFILE -> profile.fact(path.name()).orElse(null);
            case STAGE ->
                throw new IllegalStateException(
                    "a plan's condition cannot read stage '" + path.name() + "'");
          };
      return v instanceof Enum<?> e ? e.name() : v;
    }
    if (bound instanceof Bound.EnumConstant<ConditionType> constant) {
      return constant.constant();
    }
    if (bound instanceof Bound.Constant<ConditionType> constant) {
      Expr.Literal literal = constant.literal();
      if (literal instanceof Expr.NumberLiteral number) {
        return number.integral() ? (Object) number.longValue() : (Object) number.doubleValue();
      }
      if (literal instanceof Expr.StringLiteral string) {
        return string.value();
      }
      return literal instanceof Expr.BooleanLiteral b ? (Object) b.value() : null;
    }
    if (bound.type() instanceof ValueType.BooleanType) {
      return test(bound);
    }
    throw new IllegalStateException("a checked condition has no node " + bound);
  }

  private static boolean compare(
      ComparisonOperator operator, Object left, Object right, boolean integral) {
    if (left == null || right == null) {
      return !operator.isOrdering() && equality(operator, left, right);
    }
    if (integral) {
      long l = ((Number) left).longValue();
      long r = ((Number) right).longValue();
      return switch (operator) {
        case EQ -> l == r;
        case NE -> l != r;
        case LT -> l < r;
        case LE -> l <= r;
        case GT -> l > r;
        case GE -> l >= r;
      };
    }
    double l = ((Number) left).doubleValue();
    double r = ((Number) right).doubleValue();
    return switch (operator) {
      case EQ -> l == r;
      case NE -> l != r;
      case LT -> l < r;
      case LE -> l <= r;
      case GT -> l > r;
      case GE -> l >= r;
    };
  }

  private static boolean equality(ComparisonOperator operator, Object left, Object right) {
    boolean equal = Objects.equals(left, right);
    return operator == ComparisonOperator.EQ ? equal : !equal;
  }
}
