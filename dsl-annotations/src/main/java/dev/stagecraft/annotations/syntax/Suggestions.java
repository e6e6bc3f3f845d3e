package dev.stagecraft.annotations.syntax;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for a misspelt name, shared by the processor's diagnostics and the runtime's
 * errors so both suggest the same way: the candidate closest to the name by edit distance, ignoring
 * case, when it is close enough to be a likely typo.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code name} (optimal string alignment distance ignoring case: an
   * insertion, deletion, substitution or swap of neighbours each counts 1), if it is within a third
   * of the name's length (at least 1, at most 3 edits). A candidate equal to the name is never
   * suggested; ties go to the earlier candidate.
   */
  public static Optional<String> closest(String name, Iterable<String> candidates) {
    int limit = Math.min(3, Math.max(1, name.length() / 3));
    String lowerName = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = limit + 1;
    for (String candidate : candidates) {
      if (candidate.equals(name)) {
        continue;
      }
      int d = distance(lowerName, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code " (did you mean 'x'?)"} for the {@link #closest} candidate, or the empty string. */
  public static String didYouMean(String name, Iterable<String> candidates) {
    return closest(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /**
   * What to add after "unknown ... 'name'": {@code " (did you mean 'x'?)"} for the {@link #closest}
   * candidate, else {@code " (LABEL: a, b, c)"} listing every candidate in order; the empty string
   * when there are no candidates (say what there is instead).
   *
   * <pre>{@code
   * "unknown stage 'x'" + Suggestions.didYouMeanOrList("x", stages, "stages")
   * }</pre>
   */
  public static String didYouMeanOrList(String name, Collection<String> candidates, String label) {
    Optional<String> close = closest(name, candidates);
    if (close.isPresent()) {
      return " (did you mean '" + close.get() + "'?)";
    }
    return candidates.isEmpty() ? "" : " (" + label + ": " + String.join(", ", candidates) + ")";
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
