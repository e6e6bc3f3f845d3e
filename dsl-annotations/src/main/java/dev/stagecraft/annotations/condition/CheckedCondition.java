package dev.stagecraft.annotations.condition;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one condition: its checked tree, or every error found.
 *
 * @param <T> the type representation of the {@link TypeModel}
 */
public sealed interface CheckedCondition<T> {

  /**
   * A valid condition.
   *
   * @param condition the checked tree, boolean
   * @param stages the stages the condition reads, in order of first use
   * @param params the parameters the condition reads, in order of first use
   */
  record Valid<T>(Bound<T> condition, List<String> stages, List<String> params)
      implements CheckedCondition<T> {
    public Valid {
      Objects.requireNonNull(condition, "condition");
      stages = List.copyOf(stages);
      params = List.copyOf(params);
    }
  }

  /** An invalid condition, with every error found (at least one), ordered by column. */
  record Invalid<T>(List<ConditionError> errors) implements CheckedCondition<T> {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid condition needs at least one error");
      }
    }
  }
}
