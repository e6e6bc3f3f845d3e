package dev.stagecraft.processor.diagnostics;

import java.util.Optional;

/** "Did you mean" suggestions: the closest known name by edit distance, when it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate within a third of the name's length (at least 1, at most 3 edits). */
  public static Optional<String> closest(String name, Iterable<String> candidates) {
    int limit = Math.min(3, Math.max(1, name.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (Math.abs(c.length() - name.length()) > limit) {
        continue;
      }
      int d = distance(name, c, limit);
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code " (did you mean 'x'?)"} or the empty string. */
  public static String didYouMean(String name, Iterable<String> candidates) {
    return closest(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** Levenshtein distance, case-insensitive substitutions cost 1; stops early above {@code limit}. */
  static int distance(String a, String b, int limit) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return rowMin;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
