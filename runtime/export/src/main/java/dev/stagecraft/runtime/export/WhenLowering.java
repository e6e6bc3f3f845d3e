package dev.stagecraft.runtime.export;

import dev.stagecraft.annotations.condition.Bound;
import dev.stagecraft.annotations.condition.CheckedCondition;
import dev.stagecraft.annotations.condition.ComparisonOperator;
import dev.stagecraft.annotations.condition.Conditions;
import dev.stagecraft.annotations.condition.Expr;
import dev.stagecraft.annotations.condition.LogicalOperator;
import dev.stagecraft.annotations.condition.ResolvedPath;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.ConditionType;
import dev.stagecraft.runtime.graph.ParamSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lowers a {@code @When} condition to an Argo expression (the body of a {@code {{= ... }}} tag,
 * evaluated by expr-lang over the workflow's variables): the condition is checked again by the
 * shared checker over the types the processor recorded ({@link PathTypes}), then each node is
 * written with the generated Java's semantics. Values come from output parameters as text ({@link
 * ConditionValues}) and are compared as variables, so no value is ever substituted into the
 * expression's text; literals are quoted by this class. Profile facts and the parameters a plan's
 * rules read are constants of the export and are folded.
 *
 * <p>Where the generated Java would fail the stage (navigating through null, unboxing a null number
 * or boolean), the lowered expression is true, so that the stage's task runs and its entrypoint,
 * which evaluates the compiled condition itself, fails it with the message naming the path: the
 * result is {@code fails || holds}, where {@code fails} follows Java's short-circuit order.
 */
final class WhenLowering {
  /** A lowered boolean: an expr-lang expression, {@code true} or {@code false}. */
  private record Lowered(String holds, String fails) {}

  /** An operand: a constant of the export, or a reference to a value as text. */
  private sealed interface Operand {}

  /**
   * A constant: a {@code Long}, {@code Double}, {@code String} (enum constants by name), {@code
   * Boolean} or null.
   */
  private record Fixed(Object value, boolean profile) implements Operand {}

  /**
   * A value read at run time as text, of this type; {@code navigates} when it may be unreadable.
   */
  private record Ref(String expr, ConditionType type, boolean navigates) implements Operand {}

  private final Map<String, Object> fixedParams;
  private final Map<String, Object> profile;
  private final Function<String, String> paramRef;
  private final Function<String, String> pathRef;

  /**
   * @param fixedParams the typed values of the parameters that are constants of the export
   * @param profile the profile's facts
   * @param paramRef the expression reading a parameter's canonical text
   * @param pathRef the expression reading the text of a path into a stage's output
   */
  WhenLowering(
      Map<String, Object> fixedParams,
      Map<String, Object> profile,
      Function<String, String> paramRef,
      Function<String, String> pathRef) {
    this.fixedParams = fixedParams;
    this.profile = profile;
    this.paramRef = paramRef;
    this.pathRef = pathRef;
  }

  /**
   * The expression for {@code condition}, or {@code true}/{@code false} when it is decided at
   * export.
   *
   * @throws ExportException when the condition reads what a workflow cannot pass on
   */
  String lower(String stage, Condition condition, List<ParamSpec> params) {
    Map<String, ConditionType> ends = new LinkedHashMap<>();
    for (Condition.StagePath p : condition.paths()) {
      ends.put(p.path(), p.type());
    }
    for (String read : condition.stages()) {
      if (condition.paths().stream().noneMatch(p -> p.stage().equals(read))) {
        throw new ExportException(
            "stage '"
                + stage
                + "' has @When(\""
                + condition.source()
                + "\"), whose definition does not say how to read stage '"
                + read
                + "' (a condition built by hand): compile the pipeline with the Stagecraft"
                + " processor to export it");
      }
    }
    PathTypes types = new PathTypes(ends);
    Map<String, PathTypes.Node> paramTypes = new LinkedHashMap<>();
    for (ParamSpec p : params) {
      paramTypes.put(
          p.name(), new PathTypes.Node(p.name(), Optional.of(ConditionType.of(p.type()))));
    }
    Map<String, PathTypes.Node> stageTypes = new LinkedHashMap<>();
    condition.stages().forEach(s -> stageTypes.put(s, types.stage(s)));
    CheckedCondition<PathTypes.Node> checked =
        Conditions.check(condition.source(), types, paramTypes, stageTypes);
    if (checked instanceof CheckedCondition.Invalid<PathTypes.Node> invalid) {
      throw new IllegalStateException(
          "the @When(\""
              + condition.source()
              + "\") of stage '"
              + stage
              + "' does not check against its recorded types: "
              + invalid.errors());
    }
    Bound<PathTypes.Node> bound = ((CheckedCondition.Valid<PathTypes.Node>) checked).condition();
    Lowered l = test(bound, stage, condition.source());
    return or(l.fails(), l.holds());
  }

  private Lowered test(Bound<PathTypes.Node> b, String stage, String source) {
    if (b instanceof Bound.Logical<PathTypes.Node> logical) {
      Lowered left = test(logical.left(), stage, source);
      Lowered right = test(logical.right(), stage, source);
      if (logical.operator() == LogicalOperator.AND) {
        return new Lowered(
            and(left.holds(), right.holds()), or(left.fails(), and(left.holds(), right.fails())));
      }
      return new Lowered(
          or(left.holds(), right.holds()), or(left.fails(), and(not(left.holds()), right.fails())));
    }
    if (b instanceof Bound.Not<PathTypes.Node> not) {
      Lowered operand = test(not.operand(), stage, source);
      return new Lowered(not(operand.holds()), operand.fails());
    }
    if (b instanceof Bound.NumberComparison<PathTypes.Node> c) {
      return numbers(c.operator(), operand(c.left()), operand(c.right()), c.integral());
    }
    if (b instanceof Bound.BooleanComparison<PathTypes.Node> c) {
      return booleans(c.operator(), c.left(), c.right(), stage, source);
    }
    if (b instanceof Bound.EqualsComparison<PathTypes.Node> c) {
      return equality(c.operator(), operand(c.left()), operand(c.right()), stage, source);
    }
    if (b instanceof Bound.IdentityComparison<PathTypes.Node> c) {
      return equality(c.operator(), operand(c.left()), operand(c.right()), stage, source);
    }
    if (b instanceof Bound.Membership<PathTypes.Node> m) {
      return membership(m);
    }
    if (b instanceof Bound.Constant<PathTypes.Node> c
        && c.literal() instanceof Expr.BooleanLiteral bool) {
      return decided(bool.value());
    }
    if (b instanceof Bound.Read<PathTypes.Node>) {
      Operand o = operand(b);
      if (o instanceof Fixed f) {
        return decided(Boolean.TRUE.equals(f.value()));
      }
      Ref r = (Ref) o;
      return new Lowered(r.expr() + " == 'true'", unreadable(r, true));
    }
    throw new IllegalStateException("cannot lower " + b + " of " + source);
  }

  /** Numbers compared as long or double; an absent profile fact makes only {@code !=} true. */
  private Lowered numbers(ComparisonOperator op, Operand left, Operand right, boolean integral) {
    if (isAbsentFact(left) || isAbsentFact(right)) {
      return decided(op == ComparisonOperator.NE);
    }
    if (left instanceof Fixed l && right instanceof Fixed r) {
      return decided(compare(op, (Number) l.value(), (Number) r.value(), integral));
    }
    return new Lowered(
        number(left, integral) + " " + op.symbol() + " " + number(right, integral),
        or(unreadable(left, true), unreadable(right, true)));
  }

  private Lowered booleans(
      ComparisonOperator op,
      Bound<PathTypes.Node> left,
      Bound<PathTypes.Node> right,
      String stage,
      String source) {
    if (left instanceof Bound.Read && isAbsentFact(operand(left))
        || right instanceof Bound.Read && isAbsentFact(operand(right))) {
      return decided(op == ComparisonOperator.NE);
    }
    Lowered l = test(left, stage, source);
    Lowered r = test(right, stage, source);
    if (isConstant(l.holds()) && isConstant(r.holds())) {
      boolean equal = l.holds().equals(r.holds());
      return decided(op == ComparisonOperator.EQ ? equal : !equal);
    }
    return new Lowered(
        "(" + l.holds() + ") " + op.symbol() + " (" + r.holds() + ")", or(l.fails(), r.fails()));
  }

  /** {@code Objects.equals} or {@code ==} on values: compared as their texts. */
  private Lowered equality(
      ComparisonOperator op, Operand left, Operand right, String stage, String source) {
    if (left instanceof Fixed l && right instanceof Fixed r) {
      boolean equal = Objects.equals(l.value(), r.value());
      return decided(op == ComparisonOperator.EQ ? equal : !equal);
    }
    String text;
    if (left instanceof Ref l && right instanceof Ref r) {
      if (l.type().category() == ConditionType.Category.OTHER) {
        throw new ExportException(
            "stage '"
                + stage
                + "' has @When(\""
                + source
                + "\"), which compares two "
                + l.type().display()
                + " values: an exported workflow passes such values only as null or set;"
                + " compare their properties instead");
      }
      text = l.expr() + " " + op.symbol() + " " + r.expr();
    } else {
      Ref ref = (Ref) (left instanceof Ref ? left : right);
      Fixed fixed = (Fixed) (left instanceof Fixed ? left : right);
      text =
          ref.expr()
              + " "
              + op.symbol()
              + " "
              + quote(ConditionValues.text(ref.type(), fixed.value()));
    }
    return new Lowered(text, or(unreadable(left, false), unreadable(right, false)));
  }

  private Lowered membership(Bound.Membership<PathTypes.Node> m) {
    Operand operand = operand(m.operand());
    if (isAbsentFact(operand)) {
      return decided(false);
    }
    boolean numeric = m.kind() != Bound.MembershipKind.OBJECT;
    boolean integral = m.kind() == Bound.MembershipKind.INTEGRAL;
    List<Object> candidates = new ArrayList<>();
    for (Bound<PathTypes.Node> v : m.values()) {
      candidates.add(((Fixed) operand(v)).value());
    }
    if (operand instanceof Fixed f) {
      for (Object c : candidates) {
        if (numeric
            ? compare(ComparisonOperator.EQ, (Number) f.value(), (Number) c, integral)
            : Objects.equals(f.value(), c)) {
          return decided(true);
        }
      }
      return decided(false);
    }
    Ref ref = (Ref) operand;
    String any = "false";
    for (Object c : candidates) {
      any =
          or(
              any,
              numeric
                  ? number(ref, integral) + " == " + number(new Fixed(c, false), integral)
                  : ref.expr() + " == " + quote(ConditionValues.text(ref.type(), c)));
    }
    return new Lowered(any, unreadable(ref, numeric));
  }

  /** A read, a literal or an enum constant as an operand. */
  private Operand operand(Bound<PathTypes.Node> b) {
    if (b instanceof Bound.EnumConstant<PathTypes.Node> constant) {
      return new Fixed(constant.constant(), false);
    }
    if (b instanceof Bound.Constant<PathTypes.Node> constant) {
      Expr.Literal literal = constant.literal();
      if (literal instanceof Expr.NumberLiteral n) {
        return new Fixed(n.integral() ? (Object) n.longValue() : (Object) n.doubleValue(), false);
      }
      if (literal instanceof Expr.StringLiteral s) {
        return new Fixed(s.value(), false);
      }
      if (literal instanceof Expr.BooleanLiteral bool) {
        return new Fixed(bool.value(), false);
      }
      return new Fixed(null, false);
    }
    Bound.Read<PathTypes.Node> read = (Bound.Read<PathTypes.Node>) b;
    ResolvedPath<PathTypes.Node> path = read.path();
    ConditionType type = path.type().type().orElseThrow();
    return switch (path.root()) {
      case PROFILE -> new Fixed(profile.get(path.name()), true);
      case PARAM ->
          fixedParams.containsKey(path.name())
              ? new Fixed(constant(type, fixedParams.get(path.name())), false)
              : new Ref(paramRef.apply(path.name()), type, false);
      case STAGE -> new Ref(pathRef.apply(path.source().text()), type, !path.steps().isEmpty());
    };
  }

  /** A parameter's value as the constants of this class are: enum constants by name. */
  private static Object constant(ConditionType type, Object value) {
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Number n && type.category() == ConditionType.Category.INTEGRAL) {
      return n.longValue();
    }
    if (value instanceof Number n && type.category() == ConditionType.Category.DECIMAL) {
      return n.doubleValue();
    }
    return value;
  }

  private static boolean isAbsentFact(Operand o) {
    return o instanceof Fixed f && f.profile() && f.value() == null;
  }

  /**
   * When reading {@code o} fails the condition: it navigates through null, or (unboxed) it is a
   * null box.
   */
  private static String unreadable(Operand o, boolean unboxed) {
    if (!(o instanceof Ref r)) {
      return "false";
    }
    String fails = r.navigates() ? r.expr() + " == " + quote(ConditionValues.UNREADABLE) : "false";
    if (unboxed && r.type().boxed()) {
      fails = or(fails, r.expr() + " == " + quote(ConditionValues.NULL));
    }
    return fails;
  }

  private static String number(Operand o, boolean integral) {
    if (o instanceof Fixed f) {
      Number n = (Number) f.value();
      return integral
          ? Long.toString(n.longValue())
          : BigDecimal.valueOf(n.doubleValue()).toPlainString();
    }
    Ref r = (Ref) o;
    return (integral ? "asInt(" : "asFloat(") + r.expr() + ")";
  }

  private static boolean compare(
      ComparisonOperator op, Number left, Number right, boolean integral) {
    int c =
        integral
            ? Long.compare(left.longValue(), right.longValue())
            : Double.compare(left.doubleValue(), right.doubleValue());
    if (!integral && (Double.isNaN(left.doubleValue()) || Double.isNaN(right.doubleValue()))) {
      return op == ComparisonOperator.NE;
    }
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
    };
  }

  private static Lowered decided(boolean value) {
    return new Lowered(Boolean.toString(value), "false");
  }

  private static boolean isConstant(String expr) {
    return expr.equals("true") || expr.equals("false");
  }

  static String and(String a, String b) {
    if (a.equals("false") || b.equals("false")) {
      return "false";
    }
    if (a.equals("true")) {
      return b;
    }
    return b.equals("true") ? a : "(" + a + " && " + b + ")";
  }

  static String or(String a, String b) {
    if (a.equals("true") || b.equals("true")) {
      return "true";
    }
    if (a.equals("false")) {
      return b;
    }
    return b.equals("false") ? a : "(" + a + " || " + b + ")";
  }

  private static String not(String a) {
    return a.equals("true") ? "false" : a.equals("false") ? "true" : "!(" + a + ")";
  }

  /**
   * An expr-lang string literal: single quotes, with backslashes, quotes and braces escaped (a
   * {@code }}} would end Argo's tag).
   */
  static String quote(String text) {
    StringBuilder b = new StringBuilder("'");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\'' -> b.append("\\'");
        case '{' -> b.append("\\u007b");
        case '}' -> b.append("\\u007d");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('\'').toString();
  }
}
