package dev.stagecraft.runtime.components.train;

import dev.stagecraft.runtime.UserInputException;

/**
 * A training configuration that cannot run: an unknown model type, metric or hyperparameter name,
 * or a hyperparameter value outside its valid range. Raised before any training.
 */
public final class TrainingConfigException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** A one-line message: what is wrong, where, and how to fix it. */
  public TrainingConfigException(String message) {
    super(message);
  }
}
