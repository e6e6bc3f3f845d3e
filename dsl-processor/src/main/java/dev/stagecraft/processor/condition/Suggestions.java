package dev.stagecraft.processor.condition;

import java.util.Collection;
import java.util.Optional;

/** Finds the "did you mean" candidate for a misspelt name by edit distance. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code name}, if it is close enough to be a likely typo (at most a
   * third of the name's length in edits, at least one, at most three). Ties go to the first.
   */
  static Optional<String> closest(String name, Collection<String> candidates) {
    int limit = Math.max(1, Math.min(3, name.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = candidate.equalsIgnoreCase(name) ? 0 : distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
