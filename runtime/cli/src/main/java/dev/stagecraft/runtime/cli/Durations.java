package dev.stagecraft.runtime.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line: {@code 30d}, {@code 12h}, {@code 2.5s}. */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses {@code 500ms}, {@code 3s}, {@code 90m}, {@code 12h}, {@code 30d} or an ISO-8601 duration
   * ({@code PT3S}).
   *
   * @throws UsageException naming {@code what} and the accepted forms
   */
  static Duration parse(String what, String text) {
    String t = text.strip();
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      double value = Double.parseDouble(m.group(1));
      long unitMillis =
          switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
          };
      return Duration.ofMillis(Math.round(value * unitMillis));
    }
    try {
      Duration d = Duration.parse(t);
      if (!d.isNegative()) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new UsageException(
        what + " '" + text + "' is not a duration; write e.g. 30d, 12h, 90m, 3s, 500ms or PT3S");
  }
}
