package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunListener;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Progress as plain log lines, for output that is not a terminal: one line per event, and a running
 * stage's progress messages at most one line per stage every {@link #PROGRESS_EVERY} (the others
 * are dropped; the run history keeps the latest).
 */
final class LogProgress implements RunListener {
  /** The least time between two progress lines of one stage instance. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

  private final PrintStream err;
  private final long progressEveryNanos;
  private final long t0 = System.nanoTime();
  private final Map<String, Long> lastProgress = new HashMap<>();

  LogProgress(PrintStream err) {
    this(err, PROGRESS_EVERY);
  }

  /** Log lines on {@code err}, progress lines of one stage at least {@code progressEvery} apart. */
  LogProgress(PrintStream err, Duration progressEvery) {
    this.err = err;
    this.progressEveryNanos = progressEvery.toNanos();
  }

  @Override
  public void runStarted(RunInfo run) {
    line("run " + run.runId() + " of '" + run.pipeline() + "' started");
  }

  @Override
  public void stageStarted(String runId, String instance, int attempt, Instant at) {
    line(instance + " started" + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
  }

  @Override
  public void stageProgress(String runId, String instance, String message, Instant at) {
    long now = System.nanoTime();
    synchronized (lastProgress) {
      Long last = lastProgress.get(instance);
      if (last != null && now - last < progressEveryNanos) {
        return;
      }
      lastProgress.put(instance, now);
    }
    line(instance + ": " + message);
  }

  @Override
  public void stageFinished(String runId, StageExecution e) {
    String took = e.start().isPresent() ? " in " + e.wallMs() + " ms" : "";
    line(e.instance() + " " + e.status() + took + (e.reason().isEmpty() ? "" : ": " + e.reason()));
  }

  @Override
  public void runFinished(String runId, RunStatus status, Instant end) {
    line("run " + runId + " " + status);
  }

  private synchronized void line(String text) {
    err.println(String.format(Locale.ROOT, "[%7.2fs] %s", (System.nanoTime() - t0) / 1e9, text));
  }
}
