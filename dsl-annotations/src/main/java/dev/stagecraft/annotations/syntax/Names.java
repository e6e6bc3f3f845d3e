package dev.stagecraft.annotations.syntax;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What stage and parameter names may be: ASCII letters, digits, {@code _} and {@code -}, starting
 * with a letter. Such a name reads the same on the command line ({@code -p name=value}), in
 * {@code @When} paths (without {@code -}), in instance names ({@code train[0]}) and in Mermaid and
 * dot drawings.
 *
 * <pre>{@code
 * Names.problem("announce it!");   // Optional["it has ' ', '!'"]
 * }</pre>
 */
public final class Names {
  /** The rule, as messages say it. */
  public static final String RULE = "use letters, digits, '_' and '-', starting with a letter";

  private Names() {}

  /** Why {@code name} is not a valid name ({@code "it is empty"}, ...); empty when it is. */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("it is empty");
    }
    Set<String> bad = new LinkedHashSet<>();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
        bad.add("'" + c + "'");
      }
    }
    if (!bad.isEmpty()) {
      return Optional.of("it has " + String.join(", ", bad));
    }
    if (!isLetter(name.charAt(0))) {
      return Optional.of("it starts with '" + name.charAt(0) + "'");
    }
    return Optional.empty();
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
