package dev.stagecraft.processor.condition;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.stagecraft.annotations.condition.Bound;
import dev.stagecraft.annotations.condition.ComparisonOperator;
import dev.stagecraft.annotations.condition.Expr;
import dev.stagecraft.annotations.condition.ResolvedPath;
import dev.stagecraft.annotations.condition.TypeModel;
import dev.stagecraft.annotations.condition.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.type.TypeMirror;

/**
 * Writes a checked condition as one plain Java expression over a variable {@code scope} of type
 * {@code dev.stagecraft.runtime.graph.ConditionScope}. Parameters are read with {@code
 * scope.<T>param(name)}, stage outputs with {@code scope.<T>output(name)}, profile facts with
 * {@code scope.<T>profile(fact)} (null when absent, tested before use); every property read goes
 * through {@code scope.notNull(path, owner)} so navigating through null names the path, and every
 * value at the end of a path through {@code scope.saw(path, value)} so a false condition can say
 * what it saw. {@code &&}, {@code ||} and {@code !} are Java's, so evaluation short-circuits.
 */
final class CodeGenerator {
  private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  private static final ClassName LIST = ClassName.get("java.util", "List");

  private CodeGenerator() {}

  /** The Java expression for a checked condition without errors. */
  static CodeBlock generate(Bound<TypeMirror> condition) {
    return unboxed(condition);
  }

  private static final ClassName STAGE_PATH =
      ClassName.get("dev.stagecraft.runtime.graph", "Condition", "StagePath");
  private static final ClassName CONDITION_TYPE =
      ClassName.get("dev.stagecraft.runtime.graph", "ConditionType");
  private static final ClassName CATEGORY = CONDITION_TYPE.nestedClass("Category");

  /**
   * One {@code new Condition.StagePath(path, type, scope -> value)} per distinct path into a
   * stage's output, in order of first use: what the value compares as, and the same code that reads
   * it in the condition.
   */
  static List<CodeBlock> stagePaths(
      Bound<TypeMirror> condition, Function<TypeMirror, List<String>> enumConstants) {
    Map<String, Bound.Read<TypeMirror>> reads = new LinkedHashMap<>();
    collectStageReads(condition, reads);
    List<CodeBlock> paths = new ArrayList<>();
    for (Bound.Read<TypeMirror> read : reads.values()) {
      paths.add(
          CodeBlock.of(
              "new $T($S, $L, scope -> $L)",
              STAGE_PATH,
              read.path().source().text(),
              conditionType(read.type(), enumConstants),
              read(read.path())));
    }
    return paths;
  }

  private static void collectStageReads(
      Bound<TypeMirror> bound, Map<String, Bound.Read<TypeMirror>> reads) {
    if (bound instanceof Bound.Read<TypeMirror> read) {
      if (read.path().root() == ResolvedPath.Root.STAGE) {
        reads.putIfAbsent(read.path().source().text(), read);
      }
    } else if (bound instanceof Bound.Logical<TypeMirror> logical) {
      collectStageReads(logical.left(), reads);
      collectStageReads(logical.right(), reads);
    } else if (bound instanceof Bound.Not<TypeMirror> not) {
      collectStageReads(not.operand(), reads);
    } else if (bound instanceof Bound.NumberComparison<TypeMirror> c) {
      collectStageReads(c.left(), reads);
      collectStageReads(c.right(), reads);
    } else if (bound instanceof Bound.BooleanComparison<TypeMirror> c) {
      collectStageReads(c.left(), reads);
      collectStageReads(c.right(), reads);
    } else if (bound instanceof Bound.EqualsComparison<TypeMirror> c) {
      collectStageReads(c.left(), reads);
      collectStageReads(c.right(), reads);
    } else if (bound instanceof Bound.IdentityComparison<TypeMirror> c) {
      collectStageReads(c.left(), reads);
      collectStageReads(c.right(), reads);
    } else if (bound instanceof Bound.Membership<TypeMirror> m) {
      collectStageReads(m.operand(), reads);
    }
  }

  /** {@code new ConditionType(Category.X, display, boxed, List.of(constants))}. */
  private static CodeBlock conditionType(
      ValueType<TypeMirror> type, Function<TypeMirror, List<String>> enumConstants) {
    String category;
    boolean boxed;
    List<String> constants = List.of();
    if (type instanceof ValueType.NumberType<TypeMirror> n) {
      category = n.integral() ? "INTEGRAL" : "DECIMAL";
      boxed = n.boxed();
    } else if (type instanceof ValueType.BooleanType<TypeMirror> b) {
      category = "BOOLEAN";
      boxed = b.boxed();
    } else if (type instanceof ValueType.StringType) {
      category = "STRING";
      boxed = true;
    } else if (type instanceof ValueType.EnumType<TypeMirror> e) {
      category = "ENUM";
      boxed = true;
      constants = enumConstants.apply(e.type());
    } else {
      category = "OTHER";
      boxed = !type.primitive();
    }
    List<CodeBlock> names = new ArrayList<>();
    constants.forEach(c -> names.add(CodeBlock.of("$S", c)));
    return CodeBlock.of(
        "new $T($T.$L, $S, $L, $T.of($L))",
        CONDITION_TYPE,
        CATEGORY,
        category,
        type.describe(),
        boxed,
        LIST,
        CodeBlock.join(names, ", "));
  }

  private static CodeBlock nested(Bound<TypeMirror> bound) {
    CodeBlock code = unboxed(bound);
    return bound instanceof Bound.Logical
            || bound instanceof Bound.NumberComparison
            || bound instanceof Bound.BooleanComparison
            || bound instanceof Bound.IdentityComparison
            || (bound instanceof Bound.EqualsComparison<TypeMirror> equals
                && equals.operator() == ComparisonOperator.NE)
            || (bound instanceof Bound.Membership<TypeMirror> membership
                && isProfile(membership.operand()))
        ? CodeBlock.of("($L)", code)
        : code;
  }

  /**
   * The value of {@code bound}; a boxed number or boolean read is checked to be non-null, except a
   * boolean profile fact, which is true only when given as true.
   */
  private static CodeBlock unboxed(Bound<TypeMirror> bound) {
    if (isProfile(bound)) {
      return bound.type() instanceof ValueType.BooleanType
          ? CodeBlock.of("$T.TRUE.equals($L)", Boolean.class, value(bound))
          : value(bound);
    }
    if (bound instanceof Bound.Read<TypeMirror> read && isBoxed(read.type())) {
      return CodeBlock.of("scope.notNull($S, $L)", read.path().source().text(), read(read.path()));
    }
    return value(bound);
  }

  private static boolean isBoxed(ValueType<TypeMirror> type) {
    return (type instanceof ValueType.NumberType number && number.boxed())
        || (type instanceof ValueType.BooleanType bool && bool.boxed());
  }

  private static CodeBlock value(Bound<TypeMirror> bound) {
    if (bound instanceof Bound.Logical<TypeMirror> logical) {
      return CodeBlock.of(
          "$L $L $L", nested(logical.left()), logical.operator().symbol(), nested(logical.right()));
    }
    if (bound instanceof Bound.Not<TypeMirror> not) {
      return CodeBlock.of("!$L", nested(not.operand()));
    }
    if (bound instanceof Bound.NumberComparison<TypeMirror> comparison) {
      return nullSafe(
          comparison.operator(),
          comparison.left(),
          comparison.right(),
          CodeBlock.of(
              "$L $L $L",
              number(comparison.left(), comparison.integral()),
              comparison.operator().symbol(),
              number(comparison.right(), comparison.integral())));
    }
    if (bound instanceof Bound.BooleanComparison<TypeMirror> comparison) {
      return nullSafe(
          comparison.operator(),
          comparison.left(),
          comparison.right(),
          CodeBlock.of(
              "$L $L $L",
              bool(comparison.left()),
              comparison.operator().symbol(),
              bool(comparison.right())));
    }
    if (bound instanceof Bound.EqualsComparison<TypeMirror> comparison) {
      return CodeBlock.of(
          "$L$T.equals($L, $L)",
          comparison.operator() == ComparisonOperator.NE ? "!" : "",
          OBJECTS,
          value(comparison.left()),
          value(comparison.right()));
    }
    if (bound instanceof Bound.IdentityComparison<TypeMirror> comparison) {
      return CodeBlock.of(
          "$L $L $L",
          value(comparison.left()),
          comparison.operator().symbol(),
          value(comparison.right()));
    }
    if (bound instanceof Bound.Membership<TypeMirror> membership) {
      return membership(membership);
    }
    if (bound instanceof Bound.Read<TypeMirror> read) {
      return read(read.path());
    }
    if (bound instanceof Bound.EnumConstant<TypeMirror> constant) {
      return CodeBlock.of("$T.$N", TypeName.get(constant.enumType()), constant.constant());
    }
    if (bound instanceof Bound.Constant<TypeMirror> constant) {
      return literal(constant.literal(), false);
    }
    throw new IllegalStateException("a condition with errors cannot be generated: " + bound);
  }

  /**
   * A comparison that reads a profile fact, which is null when the run does not give it: {@code ==}
   * and the ordering operators are false with null, {@code !=} is true; two facts compare as {@code
   * Objects.equals}.
   */
  private static CodeBlock nullSafe(
      ComparisonOperator operator,
      Bound<TypeMirror> left,
      Bound<TypeMirror> right,
      CodeBlock comparison) {
    boolean l = isProfile(left);
    boolean r = isProfile(right);
    if (!l && !r) {
      return comparison;
    }
    if (l && r && !operator.isOrdering()) {
      return CodeBlock.of(
          "$L$T.equals($L, $L)",
          operator == ComparisonOperator.NE ? "!" : "",
          OBJECTS,
          value(left),
          value(right));
    }
    String test = operator == ComparisonOperator.NE ? "$L == null || " : "$L != null && ";
    CodeBlock.Builder b = CodeBlock.builder();
    if (l) {
      b.add(test, value(left));
    }
    if (r) {
      b.add(test, value(right));
    }
    return b.add("$L", comparison).build();
  }

  /** Whether {@code bound} reads a profile fact. */
  private static boolean isProfile(Bound<TypeMirror> bound) {
    return bound instanceof Bound.Read<TypeMirror> read
        && read.path().root() == ResolvedPath.Root.PROFILE;
  }

  private static CodeBlock membership(Bound.Membership<TypeMirror> membership) {
    CodeBlock test = contains(membership);
    return isProfile(membership.operand())
        ? CodeBlock.of("$L != null && $L", value(membership.operand()), test)
        : test;
  }

  private static CodeBlock contains(Bound.Membership<TypeMirror> membership) {
    List<CodeBlock> values = new ArrayList<>();
    boolean integral = membership.kind() == Bound.MembershipKind.INTEGRAL;
    for (Bound<TypeMirror> value : membership.values()) {
      values.add(
          membership.kind() == Bound.MembershipKind.OBJECT
              ? value(value)
              : number(value, integral));
    }
    CodeBlock list = CodeBlock.join(values, ", ");
    if (membership.kind() == Bound.MembershipKind.OBJECT) {
      return CodeBlock.of("$T.asList($L).contains($L)", ARRAYS, list, value(membership.operand()));
    }
    return CodeBlock.of(
        "$T.of($L).contains($L)", LIST, list, number(membership.operand(), integral));
  }

  /**
   * A number as {@code long} or {@code double}, without boxes, for a comparison (a profile fact is
   * unboxed as it is: {@link #nullSafe} tests it first).
   */
  private static CodeBlock number(Bound<TypeMirror> bound, boolean integral) {
    if (bound instanceof Bound.Constant<TypeMirror> constant) {
      return literal(constant.literal(), !integral);
    }
    return CodeBlock.of(
        "($L) $L", integral ? "long" : "double", isProfile(bound) ? value(bound) : unboxed(bound));
  }

  private static CodeBlock bool(Bound<TypeMirror> bound) {
    if (bound instanceof Bound.Read) {
      return CodeBlock.of("(boolean) $L", isProfile(bound) ? value(bound) : unboxed(bound));
    }
    return nested(bound);
  }

  private static CodeBlock literal(Expr.Literal literal, boolean asDouble) {
    if (literal instanceof Expr.NumberLiteral number) {
      return number.integral() && !asDouble
          ? CodeBlock.of("$LL", number.longValue())
          : CodeBlock.of("$L", Double.toString(number.doubleValue()));
    }
    if (literal instanceof Expr.StringLiteral string) {
      return CodeBlock.of("$S", string.value());
    }
    if (literal instanceof Expr.BooleanLiteral bool) {
      return CodeBlock.of("$L", bool.value());
    }
    return CodeBlock.of("null");
  }

  private static CodeBlock read(ResolvedPath<TypeMirror> path) {
    Expr.Path source = path.source();
    CodeBlock value =
        CodeBlock.of(
            "scope.<$T>$L($S)",
            TypeName.get(path.rootType()).box(),
            switch (path.root()) {
              case PARAM -> "param";
              case STAGE -> "output";
              case PROFILE -> "profile";
            },
            path.name());
    for (int i = 0; i < path.steps().size(); i++) {
      TypeModel.Property<TypeMirror> step = path.steps().get(i);
      value =
          CodeBlock.of(
              "scope.notNull($S, $L).$N$L",
              source.prefix(i + 1),
              value,
              step.member(),
              step.field() ? "" : "()");
    }
    return CodeBlock.of("scope.saw($S, $L)", source.text(), value);
  }
}
