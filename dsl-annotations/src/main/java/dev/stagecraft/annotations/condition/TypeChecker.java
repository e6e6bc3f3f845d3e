package dev.stagecraft.annotations.condition;

import dev.stagecraft.annotations.syntax.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the names of an {@link Expr} against the pipeline's parameters, stage outputs and the
 * run's profile facts ({@code profile.<fact>}, see {@link ProfileFacts}) and checks its types
 * through a {@link TypeModel}, turning it into a {@link Bound} tree. Keeps going after an error, so
 * errors in independent parts of the expression are all reported; a part with an error reports
 * nothing more about the expressions that contain it.
 */
final class TypeChecker<T> {
  private final TypeModel<T> model;
  private final Map<String, T> params;
  private final Map<String, T> stageOutputs;
  private final Set<String> fanOutStages;
  private final List<ConditionError> errors = new ArrayList<>();
  private final Set<String> usedStages = new LinkedHashSet<>();
  private final Set<String> usedParams = new LinkedHashSet<>();

  TypeChecker(
      TypeModel<T> model,
      Map<String, T> params,
      Map<String, T> stageOutputs,
      Set<String> fanOutStages) {
    this.model = model;
    this.params = params;
    this.stageOutputs = stageOutputs;
    this.fanOutStages = fanOutStages;
  }

  /** Checks a whole condition, which must be boolean. */
  Bound<T> checkCondition(Expr expr) {
    Bound<T> bound = check(expr);
    ValueType<T> type = bound.type();
    if (!(type instanceof ValueType.BooleanType) && !(type instanceof ValueType.ErrorType)) {
      error(
          "the condition must be boolean but " + subject(expr) + " is " + type.describe(),
          expr.start());
    }
    return bound;
  }

  /** The errors found so far. */
  List<ConditionError> errors() {
    return errors;
  }

  /** The stages the checked expression reads, in order of first use. */
  List<String> usedStages() {
    return List.copyOf(usedStages);
  }

  /** The parameters the checked expression reads, in order of first use. */
  List<String> usedParams() {
    return List.copyOf(usedParams);
  }

  private Bound<T> check(Expr expr) {
    if (expr instanceof Expr.Logical logical) {
      return logical(logical);
    }
    if (expr instanceof Expr.Not not) {
      return new Bound.Not<>(booleanOperand(not.operand(), "'!' needs a boolean"));
    }
    if (expr instanceof Expr.Comparison comparison) {
      return comparison(comparison);
    }
    if (expr instanceof Expr.Membership membership) {
      return membership(membership);
    }
    if (expr instanceof Expr.Path path) {
      return path(path);
    }
    Expr.Literal literal = (Expr.Literal) expr;
    return new Bound.Constant<>(literal, literalType(literal));
  }

  private Bound<T> logical(Expr.Logical logical) {
    String needs = "'" + logical.operator().symbol() + "' needs booleans";
    Bound<T> left = booleanOperand(logical.left(), needs);
    Bound<T> right = booleanOperand(logical.right(), needs);
    return new Bound.Logical<>(logical.operator(), left, right);
  }

  private Bound<T> booleanOperand(Expr operand, String needs) {
    Bound<T> bound = check(operand);
    ValueType<T> type = bound.type();
    if (!(type instanceof ValueType.BooleanType) && !(type instanceof ValueType.ErrorType)) {
      error(needs + " but " + subject(operand) + " is " + type.describe(), operand.start());
      return new Bound.Invalid<>();
    }
    return bound;
  }

  private Bound<T> comparison(Expr.Comparison comparison) {
    Bound<T> left = check(comparison.left());
    Bound<T> right = check(comparison.right());
    ValueType<T> lt = left.type();
    ValueType<T> rt = right.type();
    if (lt instanceof ValueType.ErrorType || rt instanceof ValueType.ErrorType) {
      return new Bound.Invalid<>();
    }
    ComparisonOperator operator = comparison.operator();
    int column = comparison.column();
    if (operator.isOrdering()) {
      if (lt instanceof ValueType.NumberType<T> ln && rt instanceof ValueType.NumberType<T> rn) {
        return new Bound.NumberComparison<>(operator, left, right, ln.integral() && rn.integral());
      }
      Expr offender = lt instanceof ValueType.NumberType ? comparison.right() : comparison.left();
      ValueType<T> offenderType = lt instanceof ValueType.NumberType ? rt : lt;
      error(
          "'"
              + operator.symbol()
              + "' compares numbers only, but "
              + subject(offender)
              + " is "
              + offenderType.describe(),
          column);
      return new Bound.Invalid<>();
    }
    if (lt instanceof ValueType.NullType || rt instanceof ValueType.NullType) {
      Expr other = lt instanceof ValueType.NullType ? comparison.right() : comparison.left();
      ValueType<T> otherType = lt instanceof ValueType.NullType ? rt : lt;
      if (otherType.primitive()) {
        error(
            "cannot compare "
                + subject(other)
                + " ("
                + otherType.describe()
                + ") with null: a primitive is never null",
            column);
        return new Bound.Invalid<>();
      }
      return new Bound.IdentityComparison<>(operator, left, right);
    }
    if (lt instanceof ValueType.NumberType<T> ln && rt instanceof ValueType.NumberType<T> rn) {
      return new Bound.NumberComparison<>(operator, left, right, ln.integral() && rn.integral());
    }
    if (lt instanceof ValueType.BooleanType && rt instanceof ValueType.BooleanType) {
      return new Bound.BooleanComparison<>(operator, left, right);
    }
    if (lt instanceof ValueType.StringType && rt instanceof ValueType.StringType) {
      boolean known = knownChoice(left, comparison.right()) & knownChoice(right, comparison.left());
      return known ? new Bound.EqualsComparison<>(operator, left, right) : new Bound.Invalid<>();
    }
    if (lt instanceof ValueType.EnumType<T> le
        && rt instanceof ValueType.StringType<T> rs
        && rs.literal()) {
      Bound<T> constant = enumConstant(le, (Expr.StringLiteral) comparison.right());
      return constant instanceof Bound.Invalid
          ? constant
          : new Bound.IdentityComparison<>(operator, left, constant);
    }
    if (rt instanceof ValueType.EnumType<T> re
        && lt instanceof ValueType.StringType<T> ls
        && ls.literal()) {
      Bound<T> constant = enumConstant(re, (Expr.StringLiteral) comparison.left());
      return constant instanceof Bound.Invalid
          ? constant
          : new Bound.IdentityComparison<>(operator, constant, right);
    }
    if (lt instanceof ValueType.EnumType<T> le
        && rt instanceof ValueType.EnumType<T> re
        && model.sameErasure(le.type(), re.type())) {
      return new Bound.IdentityComparison<>(operator, left, right);
    }
    if (lt instanceof ValueType.OtherType<T> lo
        && rt instanceof ValueType.OtherType<T> ro
        && !lo.primitive()
        && !ro.primitive()
        && model.sameErasure(lo.type(), ro.type())) {
      return new Bound.EqualsComparison<>(operator, left, right);
    }
    if (lt instanceof ValueType.OtherType<T> lo
        && rt instanceof ValueType.OtherType<T> ro
        && lo.primitive()
        && ro.primitive()) {
      return new Bound.IdentityComparison<>(operator, left, right);
    }
    error(
        "cannot compare "
            + subject(comparison.left())
            + " ("
            + lt.describe()
            + ") with "
            + subject(comparison.right())
            + " ("
            + rt.describe()
            + "): "
            + rule(lt, rt),
        column);
    return new Bound.Invalid<>();
  }

  private static String rule(ValueType<?> left, ValueType<?> right) {
    if (left instanceof ValueType.EnumType || right instanceof ValueType.EnumType) {
      return "an enum compares with a string literal naming one of its constants";
    }
    if (left instanceof ValueType.NumberType) {
      return "numbers compare only with numbers";
    }
    if (left instanceof ValueType.BooleanType) {
      return "booleans compare only with booleans";
    }
    if (left instanceof ValueType.StringType) {
      return "strings compare only with strings";
    }
    return left.describe()
        + " compares only with "
        + left.describe()
        + (left.primitive() ? "" : " or null");
  }

  private Bound<T> enumConstant(ValueType.EnumType<T> type, Expr.StringLiteral literal) {
    List<String> constants = model.enumConstants(type.type());
    if (!constants.contains(literal.value())) {
      error(
          type.describe()
              + " has no constant '"
              + literal.value()
              + "' (constants: "
              + String.join(", ", constants)
              + ")",
          literal.column());
      return new Bound.Invalid<>();
    }
    return new Bound.EnumConstant<>(type.type(), literal.value(), type);
  }

  private Bound<T> membership(Expr.Membership membership) {
    Bound<T> operand = check(membership.operand());
    Optional<String> listKind = listKind(membership.values());
    ValueType<T> type = operand.type();
    if (type instanceof ValueType.ErrorType || listKind.isEmpty()) {
      return new Bound.Invalid<>();
    }
    String kind = listKind.get();
    List<Bound<T>> values = new ArrayList<>();
    if (type instanceof ValueType.NumberType<T> number && kind.equals("number")) {
      boolean integral = number.integral();
      for (Expr.Literal literal : membership.values()) {
        integral &= ((Expr.NumberLiteral) literal).integral();
        values.add(new Bound.Constant<>(literal, literalType(literal)));
      }
      return new Bound.Membership<>(
          operand, values, integral ? Bound.MembershipKind.INTEGRAL : Bound.MembershipKind.DECIMAL);
    }
    if ((type instanceof ValueType.StringType && kind.equals("string"))
        || (type instanceof ValueType.BooleanType && kind.equals("boolean"))) {
      boolean known = true;
      for (Expr.Literal literal : membership.values()) {
        known &= knownChoice(operand, literal);
        values.add(new Bound.Constant<>(literal, literalType(literal)));
      }
      return known
          ? new Bound.Membership<>(operand, values, Bound.MembershipKind.OBJECT)
          : new Bound.Invalid<>();
    }
    if (type instanceof ValueType.EnumType<T> enumType && kind.equals("string")) {
      boolean valid = true;
      for (Expr.Literal literal : membership.values()) {
        Bound<T> constant = enumConstant(enumType, (Expr.StringLiteral) literal);
        valid &= !(constant instanceof Bound.Invalid);
        values.add(constant);
      }
      return valid
          ? new Bound.Membership<>(operand, values, Bound.MembershipKind.OBJECT)
          : new Bound.Invalid<>();
    }
    String list = "a list of " + plural(kind);
    if (type instanceof ValueType.NumberType
        || type instanceof ValueType.StringType
        || type instanceof ValueType.BooleanType
        || type instanceof ValueType.EnumType) {
      error(
          "cannot test whether "
              + subject(membership.operand())
              + " ("
              + type.describe()
              + ") is in "
              + list
              + ": "
              + rule(type, new ValueType.NullType<>()),
          membership.column());
    } else {
      error(
          "'in' needs a number, string, boolean or enum but "
              + subject(membership.operand())
              + " is "
              + type.describe(),
          membership.column());
    }
    return new Bound.Invalid<>();
  }

  /** The one kind of literal in an {@code in} list, or empty after reporting a mixed list. */
  private Optional<String> listKind(List<Expr.Literal> values) {
    String kind = null;
    for (Expr.Literal literal : values) {
      if (literal instanceof Expr.NullLiteral) {
        error("null cannot be in an 'in' list: test '== null' separately", literal.column());
        return Optional.empty();
      }
      String current = literalKind(literal);
      if (kind == null) {
        kind = current;
      } else if (!kind.equals(current)) {
        error(
            "the 'in' list mixes "
                + plural(kind)
                + " and "
                + plural(current)
                + ": use values of one type",
            literal.column());
        return Optional.empty();
      }
    }
    return Optional.of(kind);
  }

  private static String literalKind(Expr.Literal literal) {
    if (literal instanceof Expr.NumberLiteral) {
      return "number";
    }
    if (literal instanceof Expr.StringLiteral) {
      return "string";
    }
    return literal instanceof Expr.BooleanLiteral ? "boolean" : "null";
  }

  private static String plural(String kind) {
    return kind + "s";
  }

  private ValueType<T> literalType(Expr.Literal literal) {
    if (literal instanceof Expr.NumberLiteral number) {
      return new ValueType.NumberType<>("number", number.integral(), false);
    }
    if (literal instanceof Expr.StringLiteral) {
      return new ValueType.StringType<>(true);
    }
    return literal instanceof Expr.BooleanLiteral
        ? ValueType.BooleanType.primitiveBoolean()
        : new ValueType.NullType<>();
  }

  /**
   * Whether {@code other} is not a string literal compared with a profile fact that has a fixed set
   * of values, or is one of them; reports it otherwise ({@code 'prodution'}).
   */
  private boolean knownChoice(Bound<T> read, Expr other) {
    if (!(read instanceof Bound.Read<T> r)
        || r.path().root() != ResolvedPath.Root.PROFILE
        || !(other instanceof Expr.StringLiteral literal)) {
      return true;
    }
    ProfileFact fact = ProfileFacts.find(r.path().name()).orElseThrow();
    if (fact.values().contains(literal.value())) {
      return true;
    }
    error(
        r.path().source().text()
            + " has no value '"
            + literal.value()
            + "'"
            + Suggestions.closest(literal.value(), fact.values())
                .map(c -> " (did you mean '" + c + "'?)")
                .orElse(" (values: " + String.join(", ", fact.values()) + ")"),
        literal.column());
    return false;
  }

  private Bound<T> path(Expr.Path path) {
    String name = path.segments().get(0);
    int column = path.column();
    boolean isParam = params.containsKey(name);
    boolean isStage = stageOutputs.containsKey(name);
    if (name.equals(ProfileFacts.ROOT)) {
      if (isParam || isStage) {
        error(
            "'"
                + name
                + "' is both a "
                + (isParam ? "@Param" : "stage")
                + " and the run's profile: rename the "
                + (isParam ? "@Param" : "stage"),
            column);
        return new Bound.Invalid<>();
      }
      return profileFact(path);
    }
    if (isParam && isStage) {
      error("'" + name + "' is both a @Param and a stage: rename one of them", column);
      return new Bound.Invalid<>();
    }
    if (!isParam && !isStage) {
      error("unknown name '" + name + "'" + unknownNameHint(name), column);
      return new Bound.Invalid<>();
    }
    T rootType = isParam ? params.get(name) : stageOutputs.get(name);
    if (isStage && model.isVoid(rootType)) {
      error(
          path.segments().size() > 1
              ? "stage '" + name + "' returns void: it has no properties"
              : "stage '" + name + "' returns void: it has no value to test",
          column);
      return new Bound.Invalid<>();
    }
    (isParam ? usedParams : usedStages).add(name);
    List<TypeModel.Property<T>> steps = new ArrayList<>();
    T current = rootType;
    for (int i = 1; i < path.segments().size(); i++) {
      String property = path.segments().get(i);
      int propertyColumn = path.columns().get(i);
      if (model.isUnresolved(current)) {
        error(
            path.prefix(i)
                + " has type "
                + model.display(current)
                + ", which javac could not resolve",
            path.columns().get(i - 1));
        return new Bound.Invalid<>();
      }
      if (!model.hasProperties(current)) {
        error(
            path.prefix(i)
                + " is "
                + model.display(current)
                + ", which has no property '"
                + property
                + "'",
            propertyColumn);
        return new Bound.Invalid<>();
      }
      Optional<TypeModel.Property<T>> step = model.property(current, property);
      if (step.isEmpty() && i == 1 && isStage && fanOutStages.contains(name)) {
        error(
            "stage '"
                + name
                + "' fans out (@ForEach), so its output is a list, "
                + model.display(current)
                + " with one element per item, which has no property '"
                + property
                + "'; test a stage that reads the list and returns one value",
            propertyColumn);
        return new Bound.Invalid<>();
      }
      if (step.isEmpty()) {
        error(
            "unknown property '"
                + property
                + "' of "
                + model.display(current)
                + unknownPropertyHint(current, property),
            propertyColumn);
        return new Bound.Invalid<>();
      }
      steps.add(step.get());
      current = model.upperBound(step.get().type());
    }
    ResolvedPath<T> resolved =
        new ResolvedPath<>(
            path, isParam ? ResolvedPath.Root.PARAM : ResolvedPath.Root.STAGE, rootType, steps);
    return new Bound.Read<>(resolved, model.classify(current));
  }

  /** {@code profile.<fact>}: a fact of the run's profile, which has no properties. */
  private Bound<T> profileFact(Expr.Path path) {
    List<String> facts = ProfileFacts.names();
    if (path.segments().size() == 1) {
      error(
          "'profile' needs a fact, e.g. profile.environment (facts: "
              + String.join(", ", facts)
              + ")",
          path.column());
      return new Bound.Invalid<>();
    }
    String name = path.segments().get(1);
    Optional<ProfileFact> fact = ProfileFacts.find(name);
    if (fact.isEmpty()) {
      error(
          "unknown profile fact '"
              + name
              + "'"
              + Suggestions.closest(name, facts)
                  .map(c -> " (did you mean '" + c + "'?)")
                  .orElse(" (facts: " + String.join(", ", facts) + ")"),
          path.columns().get(1));
      return new Bound.Invalid<>();
    }
    T type = model.profileFactType(fact.get().kind());
    if (path.segments().size() > 2) {
      error(
          path.prefix(2)
              + " is a profile fact ("
              + model.display(type)
              + "), which has no property '"
              + path.segments().get(2)
              + "'",
          path.columns().get(2));
      return new Bound.Invalid<>();
    }
    ResolvedPath<T> resolved = new ResolvedPath<>(path, ResolvedPath.Root.PROFILE, type, List.of());
    return new Bound.Read<>(resolved, model.classify(type));
  }

  private String unknownNameHint(String name) {
    Set<String> candidates = new LinkedHashSet<>(params.keySet());
    candidates.addAll(stageOutputs.keySet());
    List<String> withProfile = new ArrayList<>(candidates);
    withProfile.add(ProfileFacts.ROOT);
    Optional<String> suggestion = Suggestions.closest(name, withProfile);
    if (suggestion.isPresent()) {
      return " (did you mean '" + suggestion.get() + "'?)";
    }
    return candidates.isEmpty()
        ? ": the pipeline has no parameters or stages"
        : Suggestions.didYouMeanOrList(name, candidates, "parameters and stages");
  }

  private String unknownPropertyHint(T owner, String property) {
    List<String> names = model.propertyNames(owner);
    return names.isEmpty()
        ? " (it has no record components, public getters or public fields)"
        : Suggestions.didYouMeanOrList(property, names, "properties");
  }

  private static String subject(Expr expr) {
    if (expr instanceof Expr.Path path) {
      return path.text();
    }
    if (expr instanceof Expr.Literal literal) {
      return literal.describe();
    }
    if (expr instanceof Expr.Logical logical) {
      return "the '" + logical.operator().symbol() + "' at column " + logical.column();
    }
    if (expr instanceof Expr.Comparison comparison) {
      return "the '"
          + comparison.operator().symbol()
          + "' comparison at column "
          + comparison.column();
    }
    return expr instanceof Expr.Not
        ? "the '!' at column " + expr.column()
        : "the 'in' test at column " + expr.column();
  }

  private void error(String message, int column) {
    errors.add(new ConditionError(message, column));
  }
}
