package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunListener;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Progress as plain log lines, for output that is not a terminal: one line per event. */
final class LogProgress implements RunListener {
  private final PrintStream err;
  private final long t0 = System.nanoTime();

  LogProgress(PrintStream err) {
    this.err = err;
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
  public void attemptFailed(
      String runId, String instance, FailedAttempt attempt, Optional<Duration> retryIn) {
    if (retryIn.isPresent()) { // the last failed attempt is the stage's failure, printed at its end
      line(ProgressText.attemptFailed(instance, attempt, retryIn));
    }
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
