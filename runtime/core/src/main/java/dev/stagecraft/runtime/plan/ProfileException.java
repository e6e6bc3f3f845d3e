package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.UserInputException;
import java.util.List;

/** Profile facts given on the command line that cannot be used: unknown facts, bad values. */
public class ProfileException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** Every problem found, each one line with a suggestion where one fits. */
  public ProfileException(List<String> problems) {
    super(problems);
  }
}
