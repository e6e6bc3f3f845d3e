package dev.stagecraft.processor.diagnostics;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic.Kind;

/**
 * The errors a check found. Checks record and keep going, so one compilation shows every problem;
 * the processor prints a report once and generates only from a clean one.
 */
public final class Report {
  private final List<Problem> problems = new ArrayList<>();

  /** Records an error. */
  public Report error(Diagnostic diagnostic, Location at, Object... args) {
    problems.add(new Problem(diagnostic, diagnostic.format(args), at));
    return this;
  }

  /** Adds every problem of another report. */
  public Report addAll(Report other) {
    problems.addAll(other.problems);
    return this;
  }

  /** Whether nothing was found. */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /** The problems in the order they were found. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Prints every problem as a compile error on its most precise location. */
  public void printTo(Messager messager) {
    for (Problem p : problems) {
      Location at = p.location();
      if (at.value() != null) {
        messager.printMessage(Kind.ERROR, p.message(), at.element(), at.mirror(), at.value());
      } else if (at.mirror() != null) {
        messager.printMessage(Kind.ERROR, p.message(), at.element(), at.mirror());
      } else {
        messager.printMessage(Kind.ERROR, p.message(), at.element());
      }
    }
  }
}
