package dev.stagecraft.runtime.graph;

/**
 * One {@code @Input} of a stage: the producing stage, and whether the parameter is an {@code
 * Optional} (then a skipped producer gives {@code Optional.empty()} instead of skipping the
 * consumer).
 */
public record InputSpec(String stage, boolean optional) {
  /** A required input. */
  public static InputSpec of(String stage) {
    return new InputSpec(stage, false);
  }

  /** An {@code Optional<T>} input. */
  public static InputSpec optionalOf(String stage) {
    return new InputSpec(stage, true);
  }
}
