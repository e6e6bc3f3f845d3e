package dev.stagecraft.processor.condition;

import dev.stagecraft.annotations.condition.CheckedCondition;
import dev.stagecraft.annotations.condition.ConditionError;
import dev.stagecraft.annotations.condition.Conditions;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Compiles a {@code @When} expression into a Java boolean expression over a variable {@code scope}
 * ({@code dev.stagecraft.runtime.graph.ConditionScope}), or into the list of its errors. The
 * language is checked by the shared {@link Conditions} over javac's types; this class adds the Java
 * code.
 *
 * <p>Language (the grammar is in the Javadoc of {@code @When}): {@code || && !}, comparisons {@code
 * == != < <= > >=}, {@code x in [literal, ...]}, parentheses, number literals ({@code 1e9}),
 * 'single' or "double" quoted strings, {@code true false null}, and dotted paths. The first segment
 * of a path is a parameter or a stage name; a name that is both is an error asking to rename one.
 * {@code profile.<fact>} reads a fact of the run's profile ({@code String}, {@code Long} or {@code
 * Boolean}, null when the run does not give it: compared null-safely, a string literal must be one
 * of the fact's values). Later segments are record components, public no-argument getters ({@code
 * getX}, {@code isX}) or public fields of the static type, inherited ones included. Numbers compare
 * with numbers (as {@code long} when both are integral, else as {@code double}), strings with
 * strings ({@code ==} is {@code Objects.equals}), booleans with booleans, an enum with a string
 * literal naming one of its constants, any reference with {@code null}; {@code < <= > >=} need
 * numbers; the whole expression must be boolean.
 *
 * <p>Syntax errors stop at the first one; type errors are all reported. A path through a type that
 * javac could not resolve (kind {@code ERROR}) gives {@link ConditionResult.Unresolved}: the
 * processor defers the pipeline to a later round, and reports the errors only in the last. Each
 * {@link ConditionError} reads well as {@code "@When: " + message + " at column " + column}.
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
    return compile(source, params, stageOutputs, Set.of());
  }

  /**
   * Compiles one condition knowing which stages fan out (reading a property of their output, a
   * list, is an error that says so).
   *
   * @param fanOutStages the stages of {@code stageOutputs} that fan out
   * @return the code, the errors, or {@link ConditionResult.Unresolved} when an error may be due to
   *     a type javac has not resolved yet
   */
  public ConditionResult compile(
      String source,
      Map<String, TypeMirror> params,
      Map<String, TypeMirror> stageOutputs,
      Set<String> fanOutStages) {
    JavacTypeModel model = new JavacTypeModel(types, elements);
    CheckedCondition<TypeMirror> checked =
        Conditions.check(source, model, params, stageOutputs, fanOutStages);
    if (checked instanceof CheckedCondition.Invalid<TypeMirror> invalid) {
      return model.sawUnresolved()
          ? new ConditionResult.Unresolved(invalid.errors())
          : new ConditionResult.Failed(invalid.errors());
    }
    CheckedCondition.Valid<TypeMirror> valid = (CheckedCondition.Valid<TypeMirror>) checked;
    return new ConditionResult.Compiled(
        CodeGenerator.generate(valid.condition()),
        valid.stages(),
        valid.params(),
        CodeGenerator.stagePaths(valid.condition(), model::enumConstants));
  }
}
