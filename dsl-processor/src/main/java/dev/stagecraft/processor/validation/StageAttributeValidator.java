package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.INVALID_DURATION;
import static dev.stagecraft.processor.diagnostics.Diagnostic.NEGATIVE_RETRIES;
import static dev.stagecraft.processor.diagnostics.Diagnostic.NON_POSITIVE_DURATION;

import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.Annotations;
import dev.stagecraft.processor.parse.StageModel;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** {@code @Stage} attributes: retries, backoff and timeout. */
final class StageAttributeValidator implements PipelineValidator {
  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    for (StageModel s : graph.model().stages()) {
      if (s.retries() < 0) {
        report.error(NEGATIVE_RETRIES, at(s, "retries"), s.retries());
      }
      parse(s.backoff())
          .ifPresentOrElse(
              d -> {
                if (d.isNegative()) {
                  report.error(
                      NON_POSITIVE_DURATION,
                      at(s, "backoff"),
                      "backoff",
                      s.backoff(),
                      "zero or positive");
                }
              },
              () -> report.error(INVALID_DURATION, at(s, "backoff"), "backoff", s.backoff()));
      if (!s.timeout().isEmpty()) {
        parse(s.timeout())
            .ifPresentOrElse(
                d -> {
                  if (d.isNegative() || d.isZero()) {
                    report.error(
                        NON_POSITIVE_DURATION,
                        at(s, "timeout"),
                        "timeout",
                        s.timeout(),
                        "positive");
                  }
                },
                () -> report.error(INVALID_DURATION, at(s, "timeout"), "timeout", s.timeout()));
      }
    }
    return report;
  }

  /** An ISO-8601 duration, case-insensitive, as the runtime reads it. */
  static Optional<Duration> parse(String text) {
    try {
      return Optional.of(Duration.parse(text.trim().toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Location at(StageModel s, String attribute) {
    return Location.of(s.method(), s.annotation(), Annotations.explicit(s.annotation(), attribute));
  }
}
