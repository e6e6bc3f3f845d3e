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

  private final transient List<ConfigProblem> found;

  /** Every problem found (at least one). */
  public ConfigException(List<ConfigProblem> problems) {
    super(lines(problems));
    this.found = sorted(problems);
  }

  /** The problems with their places, in file order. */
  public List<ConfigProblem> configProblems() {
    return found;
  }

  private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
    return problems.stream()
        .sorted(Comparator.comparing(ConfigProblem::file).thenComparingInt(ConfigProblem::line))
        .toList();
  }

  private static List<String> lines(List<ConfigProblem> problems) {
    return sorted(problems).stream().map(ConfigProblem::toString).toList();
  }
}
