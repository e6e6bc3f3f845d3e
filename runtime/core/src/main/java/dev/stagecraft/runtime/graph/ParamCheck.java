package dev.stagecraft.runtime.graph;

/**
 * A check of a run's parameter values together, after each value passed its own checks and before
 * any stage starts. The generated class of a pipeline with a {@code @Parameters} record constructs
 * the record here, so its compact constructor can reject a combination of values.
 *
 * <pre>{@code
 * def.paramCheck(values -> new TrainPipeline.Params(values.<Integer>get("folds")));
 * }</pre>
 */
@FunctionalInterface
public interface ParamCheck {
  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException (or a {@code UserInputException}) saying what to change: the
   *     run does not start, and the command line prints the message and exits 2
   */
  void check(Values values);

  /** A run's typed parameter values. */
  interface Values {
    /** The value of parameter {@code name}. */
    <T> T get(String name);
  }
}
