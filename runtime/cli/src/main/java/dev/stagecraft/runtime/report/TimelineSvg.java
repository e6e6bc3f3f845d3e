package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run's stage executions as a Gantt chart in inline SVG: one row per instance that started, a
 * bar from its start to its end coloured by its state, and a time axis from the run's start.
 */
final class TimelineSvg {
  private static final double LABEL_WIDTH = 210;
  private static final double CHART_WIDTH = 760;
  private static final double NOTE_WIDTH = 90;
  private static final double ROW = 24;
  private static final double AXIS = 28;

  private TimelineSvg() {}

  /** The chart; empty when no stage started. */
  static Optional<Svg> render(Instant runStart, Instant runEnd, List<StageExecution> executions) {
    List<StageExecution> started =
        executions.stream()
            .filter(e -> e.start().isPresent())
            .sorted(Comparator.comparing((StageExecution e) -> e.start().get()))
            .toList();
    if (started.isEmpty()) {
      return Optional.empty();
    }
    long t0 = runStart.toEpochMilli();
    for (StageExecution e : started) {
      t0 = Math.min(t0, e.start().get().toEpochMilli());
    }
    long tEnd = runEnd.toEpochMilli();
    for (StageExecution e : started) {
      tEnd = Math.max(tEnd, end(e, runEnd).toEpochMilli());
    }
    long span = Math.max(1, tEnd - t0);
    long step = tickStep(span);
    double width = LABEL_WIDTH + CHART_WIDTH + NOTE_WIDTH;
    double height = AXIS + started.size() * ROW + 8;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"timeline\" role=\"img\" aria-label=\"timeline of stage executions\" width=\"%.0f\""
                + " height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n",
            width,
            height,
            width,
            height));
    for (long t = 0; t <= span; t += step) {
      double x = LABEL_WIDTH + CHART_WIDTH * t / span;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e6ea\"/>"
                  + "<text x=\"%.1f\" y=\"16\" class=\"tick\" text-anchor=\"middle\">%s</text>\n",
              x,
              AXIS - 6,
              x,
              height - 4,
              x,
              t == 0 ? "0" : Html.escape(Format.millis(t))));
    }
    double y = AXIS;
    for (int i = 0; i < started.size(); i++) {
      StageExecution e = started.get(i);
      String status = e.status().name();
      long s = e.start().get().toEpochMilli() - t0;
      long f = end(e, runEnd).toEpochMilli() - t0;
      double x1 = LABEL_WIDTH + CHART_WIDTH * s / span;
      double w = Math.max(2, CHART_WIDTH * (f - s) / span);
      if (i % 2 == 0) {
        b.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"0\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" fill=\"#f6f8fa\"/>",
                y,
                width,
                ROW));
      }
      String label = e.instance() + e.item().map(it -> " (" + it + ")").orElse("");
      b.append("<g class=\"bar\" data-instance=\"").append(Html.escape(e.instance())).append("\">");
      b.append("<title>")
          .append(
              Html.escape(
                  e.instance()
                      + ": "
                      + StatusStyle.label(status)
                      + ", "
                      + Format.millis(f - s)
                      + " from "
                      + Format.millis(s)
                      + (e.attempts() > 1 ? ", " + e.attempts() + " attempts" : "")))
          .append("</title>");
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"8\" y=\"%.1f\" class=\"lane\">%s</text>",
              y + 16,
              Html.escape(Html.shorten(label, 30))));
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" rx=\"3\" fill=\"%s\" stroke=\"%s\"/>",
              x1,
              y + 5,
              w,
              ROW - 10,
              StatusStyle.stroke(status),
              StatusStyle.stroke(status)));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\">%s</text>",
              Math.min(x1 + w + 6, LABEL_WIDTH + CHART_WIDTH + 4),
              y + 16,
              Html.escape(Format.millis(f - s))));
      b.append("</g>\n");
      y += ROW;
    }
    b.append("</svg>");
    return Optional.of(new Svg(b.toString()));
  }

  private static Instant end(StageExecution e, Instant runEnd) {
    Instant start = e.start().get();
    Instant end = e.end().orElse(runEnd);
    return end.isBefore(start) ? start : end;
  }

  /** A round step (1, 2 or 5 times a power of ten ms, or whole minutes) giving 4 to 10 ticks. */
  static long tickStep(long spanMs) {
    long[] steps = {
      1,
      2,
      5,
      10,
      20,
      50,
      100,
      200,
      500,
      1000,
      2000,
      5000,
      10_000,
      15_000,
      30_000,
      60_000,
      120_000,
      300_000,
      600_000,
      900_000,
      1_800_000,
      3_600_000,
      7_200_000,
      14_400_000,
      28_800_000,
      86_400_000
    };
    for (long s : steps) {
      if (spanMs / s <= 8) {
        return s;
      }
    }
    return Math.max(1, spanMs / 8);
  }
}
