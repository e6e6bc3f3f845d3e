package dev.stagecraft.processor.condition;

import com.palantir.javapoet.CodeBlock;
import dev.stagecraft.annotations.condition.ConditionError;
import java.util.List;
import java.util.Objects;

/** The outcome of compiling one {@code @When} expression: Java code, or the errors found. */
public sealed interface ConditionResult {

  /**
   * A valid condition.
   *
   * @param expression a boolean Java expression over a variable {@code scope} of type {@code
   *     dev.stagecraft.runtime.graph.ConditionScope}
   * @param stages the stages the condition reads, in order of first use (they become dependencies)
   * @param params the parameters the condition reads, in order of first use
   * @param paths one {@code dev.stagecraft.runtime.graph.Condition.StagePath} expression per
   *     distinct path into a stage's output, in order of first use
   */
  record Compiled(
      CodeBlock expression, List<String> stages, List<String> params, List<CodeBlock> paths)
      implements ConditionResult {
    public Compiled {
      Objects.requireNonNull(expression, "expression");
      stages = List.copyOf(stages);
      params = List.copyOf(params);
      paths = List.copyOf(paths);
    }
  }

  /** An invalid condition, with every error found (at least one), ordered by column. */
  record Failed(List<ConditionError> errors) implements ConditionResult {
    public Failed {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a failed condition needs at least one error");
      }
    }
  }

  /**
   * A condition that failed on a type javac has not resolved yet (one another processor may
   * generate in a later round): try again then; its errors are final only in the last round.
   */
  record Unresolved(List<ConditionError> errors) implements ConditionResult {
    public Unresolved {
      errors = List.copyOf(errors);
    }
  }
}
