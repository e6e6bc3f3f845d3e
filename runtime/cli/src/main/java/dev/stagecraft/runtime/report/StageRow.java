package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A row of the stage executions table, its times and metrics formatted.
 *
 * @param item the fan-out item, empty for other stages
 * @param start {@code +1.2 s} after the run's start, or a dash when the stage never started
 * @param wall the wall time, or a dash when the stage never started
 * @param cpu the CPU time, or a dash when the stage never started
 * @param metrics {@code name=value} pairs sorted by name, comma separated
 * @param reason why it failed or did not run, empty otherwise
 * @param logAnchor the id of the instance's log on the page, when it logged something
 */
record StageRow(
    String instance,
    String item,
    StatusView status,
    int attempts,
    String start,
    String wall,
    String cpu,
    String metrics,
    String reason,
    Optional<String> logAnchor) {
  private static final String NOT_STARTED = "\u2013";

  static StageRow of(Instant runStart, StageExecution e, Set<String> logged) {
    List<String> metrics = new ArrayList<>();
    new TreeSet<>(e.metrics().keySet())
        .forEach(k -> metrics.add(k + "=" + Format.number(e.metrics().get(k))));
    boolean started = e.start().isPresent();
    return new StageRow(
        e.instance(),
        e.item().orElse(""),
        StatusView.of(e.status().name()),
        e.attempts(),
        e.start()
            .map(s -> "+" + Format.millis(Math.max(0, Duration.between(runStart, s).toMillis())))
            .orElse(NOT_STARTED),
        started ? Format.millis(e.wallMs()) : NOT_STARTED,
        started ? Format.millis(e.cpuNanos() / 1_000_000) : NOT_STARTED,
        String.join(", ", metrics),
        e.reason(),
        logged.contains(e.instance())
            ? Optional.of(AttemptsAndLogs.anchor(e.instance()))
            : Optional.empty());
  }
}
