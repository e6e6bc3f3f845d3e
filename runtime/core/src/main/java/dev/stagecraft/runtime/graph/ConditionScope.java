package dev.stagecraft.runtime.graph;

/**
 * What a compiled condition reads: parameters, stage outputs and profile facts. It reports each
 * value it looked at with {@link #saw}, so a false condition can explain itself ({@code
 * abTest.confidence > 0.8 was false (abTest.confidence = 0.62)}).
 */
public interface ConditionScope {
  /** The value of a pipeline parameter. */
  <T> T param(String name);

  /** The output of a stage the condition references. */
  <T> T output(String stage);

  /**
   * A fact of the run's profile ({@code environment}, {@code data_size}, ...): a {@code String}, a
   * {@code Long} of bytes or a {@code Boolean}; null when the run does not give it.
   */
  <T> T profile(String fact);

  /** Records a value the condition read, and returns it. */
  <T> T saw(String path, T value);

  /**
   * Returns {@code value}, or fails the stage with a message naming {@code path} when it is null.
   */
  <T> T notNull(String path, T value);
}
