package dev.stagecraft.runtime.components.deploy;

import dev.stagecraft.runtime.UserInputException;

/** A registry request that cannot be done: a bad target name, nothing to roll back to. */
public final class DeploymentException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** A one-line message: what is wrong, where, and how to fix it. */
  public DeploymentException(String message) {
    super(message);
  }
}
