package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.UserInputException;
import java.util.Comparator;
import java.util.List;

/**
 * A configuration file (a template, a profile) with problems: every one found, in file order, each
 * naming the file, the line and the key. The command line prints one per line and exits 2.
 */
public class ConfigException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** Every problem found (at least one); {@link #problems()} lists them in file order. */
  public ConfigException(List<ConfigProblem> problems) {
    super(
        problems.stream()
            .sorted(Comparator.comparing(ConfigProblem::file).thenComparingInt(ConfigProblem::line))
            .map(ConfigProblem::toString)
            .toList());
  }
}
