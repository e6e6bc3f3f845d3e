package dev.stagecraft.annotations.condition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks conditions written in the {@code @When} language (its grammar is in the Javadoc of {@link
 * dev.stagecraft.annotations.When}): parses the text, resolves every name against the parameters
 * and stage outputs given and the profile facts ({@link ProfileFacts}), and checks the types
 * through a {@link TypeModel}. The processor compiles the result into Java; the runtime uses the
 * same checker for conditions it reads from files. Nothing is ever evaluated as code.
 *
 * <p>Syntax errors stop at the first one; type errors are all reported. A path through a type the
 * model reports unresolved is an error saying so: a processor should defer such pipelines. Each
 * {@link ConditionError} reads well as {@code "@When: " + message + " at column " + column}.
 *
 * <pre>{@code
 * CheckedCondition<MyType> c = Conditions.check("abTest.confidence > 0.8", model, params, stages);
 * }</pre>
 */
public final class Conditions {
  private Conditions() {}

  /**
   * Checks one condition, which must be boolean.
   *
   * @param source the expression text
   * @param model what the checker knows of the types
   * @param params every parameter that may be read, with its type
   * @param stageOutputs every stage that may be read, with its output type ({@code List<R>} for
   *     fan-out stages, a void type for stages that return nothing)
   */
  public static <T> CheckedCondition<T> check(
      String source, TypeModel<T> model, Map<String, T> params, Map<String, T> stageOutputs) {
    return check(source, model, params, stageOutputs, Set.of());
  }

  /**
   * Checks one condition, which must be boolean, knowing which stages fan out (their output is the
   * list of their instances' outputs, which messages then say).
   *
   * @param fanOutStages the stages of {@code stageOutputs} that fan out ({@code @ForEach})
   */
  public static <T> CheckedCondition<T> check(
      String source,
      TypeModel<T> model,
      Map<String, T> params,
      Map<String, T> stageOutputs,
      Set<String> fanOutStages) {
    Objects.requireNonNull(model, "model");
    Expr expr;
    try {
      expr = Parser.parse(source);
    } catch (ConditionSyntaxException syntax) {
      return new CheckedCondition.Invalid<>(List.of(syntax.error()));
    }
    TypeChecker<T> checker = new TypeChecker<>(model, params, stageOutputs, fanOutStages);
    Bound<T> bound;
    try {
      bound = checker.checkCondition(expr);
    } catch (RuntimeException unexpected) {
      // never crash the caller (javac): a type the model cannot handle becomes an error
      return new CheckedCondition.Invalid<>(
          List.of(
              new ConditionError(
                  "cannot check this condition (" + unexpected + "); please report it",
                  expr.start())));
    }
    if (!checker.errors().isEmpty()) {
      List<ConditionError> errors = new ArrayList<>(checker.errors());
      errors.sort(Comparator.comparingInt(ConditionError::column));
      return new CheckedCondition.Invalid<>(errors);
    }
    return new CheckedCondition.Valid<>(bound, checker.usedStages(), checker.usedParams());
  }
}
