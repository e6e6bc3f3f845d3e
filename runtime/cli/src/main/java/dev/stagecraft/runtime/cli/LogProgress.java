package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunListener;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Progress as plain log lines, for output that is not a terminal: one line per event, and a running
 * stage's progress messages at most one line per stage every {@link #PROGRESS_EVERY} (the others
 * are dropped; the run history keeps the latest).
 */
final class LogProgress implements RunListener {
  private static final String NEWLINE = System.lineSeparator();

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
  public void attemptFailed(
      String runId, String instance, FailedAttempt attempt, Optional<Duration> retryIn) {
    if (retryIn.isPresent()) { // the last failed attempt is the stage's failure, printed at its end
      line(ProgressText.attemptFailed(instance, attempt, retryIn));
    }
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

  /**
   * Prints {@code [ 1.25s] text}: the seconds since the start, rounded to hundredths and padded to
   * seven characters. Written without {@code String.format}, which costs more than the rest of a
   * stage while the JVM is still cold. An ASCII line (the usual one) goes out as bytes, past the
   * stream's character encoder: every charset a terminal or log file uses encodes ASCII alike.
   */
  private synchronized void line(String text) {
    long centis = (System.nanoTime() - t0 + 5_000_000) / 10_000_000;
    long fraction = centis % 100;
    String seconds = (centis / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    StringBuilder sb = new StringBuilder(16 + text.length()).append('[');
    for (int pad = seconds.length(); pad < 7; pad++) {
      sb.append(' ');
    }
    sb.append(seconds).append("s] ").append(text);
    if (isAscii(sb)) {
      byte[] bytes = sb.append(NEWLINE).toString().getBytes(StandardCharsets.US_ASCII);
      err.write(bytes, 0, bytes.length);
    } else {
      err.println(sb);
    }
  }

  private static boolean isAscii(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
