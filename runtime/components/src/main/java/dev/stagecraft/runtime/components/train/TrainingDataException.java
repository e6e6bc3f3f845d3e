package dev.stagecraft.runtime.components.train;

import dev.stagecraft.runtime.UserInputException;

/**
 * The data given to training cannot be trained on: a missing or non-numeric feature column, a
 * target with a single class, too few rows for the requested folds. Raised before any training.
 */
public final class TrainingDataException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** A one-line message: what is wrong, where, and how to fix it. */
  public TrainingDataException(String message) {
    super(message);
  }
}
