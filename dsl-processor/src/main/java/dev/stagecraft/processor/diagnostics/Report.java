package dev.stagecraft.processor.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * The errors and warnings a check found. Checks record and keep going, so one compilation shows
 * every problem; the processor prints a report once and generates only from one without errors.
 */
public final class Report {
  private final List<Problem> problems = new ArrayList<>();

  /** Records an error. */
  public Report error(Diagnostic diagnostic, Location at, Object... args) {
    return add(Kind.ERROR, diagnostic, at, args);
  }

  /** Records a warning. */
  public Report warning(Diagnostic diagnostic, Location at, Object... args) {
    return add(Kind.WARNING, diagnostic, at, args);
  }

  private Report add(Kind kind, Diagnostic diagnostic, Location at, Object... args) {
    if (diagnostic.kind() != kind) {
      throw new IllegalArgumentException(diagnostic + " is not a " + kind);
    }
    problems.add(new Problem(diagnostic, diagnostic.format(args), at));
    return this;
  }

  /** Adds every problem of another report. */
  public Report addAll(Report other) {
    problems.addAll(other.problems);
    return this;
  }

  /** Whether no error was found (warnings may have been). */
  public boolean isClean() {
    return problems.stream().noneMatch(p -> p.diagnostic().kind() == Kind.ERROR);
  }

  /** The problems in the order they were found. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /**
   * Prints every problem, as an error or a warning, on its most precise location; a warning is left
   * out where {@code @SuppressWarnings} with its id is on the element or one around it.
   */
  public void printTo(Messager messager) {
    for (Problem p : problems) {
      Location at = p.location();
      Kind kind = p.diagnostic().kind();
      if (kind == Kind.WARNING && suppressed(at.element(), p.diagnostic().id())) {
        continue;
      }
      if (at.value() != null) {
        messager.printMessage(kind, p.message(), at.element(), at.mirror(), at.value());
      } else if (at.mirror() != null) {
        messager.printMessage(kind, p.message(), at.element(), at.mirror());
      } else {
        messager.printMessage(kind, p.message(), at.element());
      }
    }
  }

  private static boolean suppressed(Element element, String id) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null && Arrays.asList(suppress.value()).contains(id)) {
        return true;
      }
    }
    return false;
  }
}
