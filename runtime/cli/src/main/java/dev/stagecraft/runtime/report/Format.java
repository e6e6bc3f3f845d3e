package dev.stagecraft.runtime.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How times, durations and numbers read wherever people see them: the report, and the {@code runs}
 * and {@code show} commands.
 */
public final class Format {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Format() {}

  /** {@code 2026-01-02 03:04:05Z}. */
  public static String instant(Instant t) {
    return TIME.format(t);
  }

  /** {@code 0 ms}, {@code 450 ms}, {@code 1.2 s}, {@code 12.5 s}, {@code 1m05s}, {@code 2h03m}. */
  public static String millis(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    Duration d = Duration.ofMillis(ms);
    if (ms < 3_600_000) {
      return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
    return String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart());
  }

  /** Seconds as {@link #millis} prints them, rounded to the millisecond. */
  public static String seconds(double s) {
    return millis(Math.round(s * 1000));
  }

  /** A metric: integers as integers, else four significant digits (scientific below 1e-4). */
  public static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a < 1e-4 || a >= 1e9) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(a >= 1000 ? 7 : 4));
    return d.stripTrailingZeros().toPlainString();
  }
}
