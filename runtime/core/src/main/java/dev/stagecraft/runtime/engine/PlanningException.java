package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.UserInputException;

/**
 * A run that cannot be planned, found before any stage starts: a stage whose resources can never
 * fit the executor's capacity.
 */
public class PlanningException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** The one-line message naming the stage, what it asks and what there is. */
  public PlanningException(String message) {
    super(message);
  }
}
