package dev.stagecraft.processor.condition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Compiles a {@code @When} expression into a Java boolean expression over a variable {@code scope}
 * ({@code dev.stagecraft.runtime.graph.ConditionScope}), or into the list of its errors.
 *
 * <p>Language (the grammar is in the Javadoc of {@code @When}): {@code || && !}, comparisons {@code
 * == != < <= > >=}, {@code x in [literal, ...]}, parentheses, number literals ({@code 1e9}),
 * 'single' or "double" quoted strings, {@code true false null}, and dotted paths. The first segment
 * of a path is a parameter or a stage name; a name that is both is an error asking to rename one.
 * Later segments are record components, public no-argument getters ({@code getX}, {@code isX}) or
 * public fields of the static type, inherited ones included. Numbers compare with numbers (as
 * {@code long} when both are integral, else as {@code double}), strings with strings ({@code ==} is
 * {@code Objects.equals}), booleans with booleans, an enum with a string literal naming one of its
 * constants, any reference with {@code null}; {@code < <= > >=} need numbers; the whole expression
 * must be boolean.
 *
 * <p>Syntax errors stop at the first one; type errors are all reported. A path through a type that
 * javac could not resolve (kind {@code ERROR}) is reported as such: a processor should defer
 * pipelines whose types are not yet resolved before compiling their conditions. Each {@link
 * ConditionError} reads well as {@code "@When: " + message + " at column " + column}.
 */
public final class ConditionCompiler {
  private final Types types;
  private final Elements elements;

  public ConditionCompiler(Types types, Elements elements) {
    this.types = Objects.requireNonNull(types, "types");
    this.elements = Objects.requireNonNull(elements, "elements");
  }

  /**
   * Compiles one condition.
   *
   * @param source the expression text of the {@code @When}
   * @param params every {@code @Param} of the pipeline and its type
   * @param stageOutputs every stage and its output type ({@code List<R>} for fan-out stages, the
   *     {@code void} NoType for stages that return nothing)
   */
  public ConditionResult compile(
      String source, Map<String, TypeMirror> params, Map<String, TypeMirror> stageOutputs) {
    Expr expr;
    try {
      expr = Parser.parse(source);
    } catch (ConditionSyntaxException syntax) {
      return new ConditionResult.Failed(List.of(syntax.error()));
    }
    TypeChecker checker = new TypeChecker(types, elements, params, stageOutputs);
    Bound bound;
    try {
      bound = checker.checkCondition(expr);
    } catch (RuntimeException unexpected) {
      // never crash javac: a type the model cannot handle becomes an error on the condition
      return new ConditionResult.Failed(
          List.of(
              new ConditionError(
                  "cannot check this condition (" + unexpected + "); please report it",
                  expr.start())));
    }
    if (!checker.errors().isEmpty()) {
      List<ConditionError> errors = new ArrayList<>(checker.errors());
      errors.sort(Comparator.comparingInt(ConditionError::column));
      return new ConditionResult.Failed(errors);
    }
    return new ConditionResult.Compiled(
        CodeGenerator.generate(bound), checker.usedStages(), checker.usedParams());
  }
}
