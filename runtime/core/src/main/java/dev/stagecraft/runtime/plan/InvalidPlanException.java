package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.UserInputException;

/** A run refused because its plan has problems; each problem is one line of {@link #problems()}. */
public class InvalidPlanException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** The plan's problems (at least one). */
  public InvalidPlanException(Plan plan) {
    super(plan.problems());
  }
}
