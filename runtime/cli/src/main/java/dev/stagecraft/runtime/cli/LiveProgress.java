package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunListener;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live progress on a terminal: one status line, redrawn in place five times a second, with the
 * running stages (and the latest progress message of each that reported one), how many are done,
 * skipped and failed, and the elapsed time. Failures are printed above it as they happen. Stage
 * events only count, so a run of thousands of quick stages does not format a line for each.
 */
final class LiveProgress implements RunListener {
  private static final String CLEAR = "\r\u001b[K";
  private final PrintStream err;

  /** The most characters of the running stages' part of the line. */
  private static final int RUNNING_WIDTH = 100;

  private final Set<String> running = new LinkedHashSet<>();
  private final Map<String, String> messages = new HashMap<>();
  private int done;
  private int skipped;
  private int failed;
  private long t0;
  private ScheduledExecutorService ticker;

  LiveProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public synchronized void runStarted(RunInfo run) {
    t0 = System.nanoTime();
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stagecraft-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::redraw, 200, 200, TimeUnit.MILLISECONDS);
    redraw();
  }

  @Override
  public synchronized void stageStarted(String runId, String instance, int attempt, Instant at) {
    running.add(instance);
  }

  @Override
  public synchronized void attemptFailed(
      String runId, String instance, FailedAttempt attempt, Optional<Duration> retryIn) {
    if (retryIn.isPresent()) {
      err.print(CLEAR);
      err.println(ProgressText.attemptFailed(instance, attempt, retryIn));
      redraw();
    }
  }

  @Override
  public synchronized void stageProgress(
      String runId, String instance, String message, Instant at) {
    if (running.contains(instance)) {
      messages.put(instance, message);
    }
  }

  @Override
  public synchronized void stageFinished(String runId, StageExecution e) {
    running.remove(e.instance());
    messages.remove(e.instance());
    StageStatus s = e.status();
    if (s == StageStatus.SUCCEEDED || s == StageStatus.CACHED) {
      done++;
    } else if (s == StageStatus.SKIPPED) {
      skipped++;
    } else {
      failed++;
      err.print(CLEAR);
      err.println(e.instance() + " " + s + (e.reason().isEmpty() ? "" : ": " + e.reason()));
      redraw();
    }
  }

  @Override
  public synchronized void runFinished(String runId, RunStatus status, Instant end) {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    err.print(CLEAR);
    err.println(
        String.format(
            Locale.ROOT,
            "run %s %s: %d done, %d skipped, %d failed or not run in %.1fs",
            runId,
            status,
            done,
            skipped,
            failed,
            elapsed()));
    err.flush();
  }

  /** Draws the line now; the ticker calls it five times a second. */
  synchronized void redraw() {
    if (ticker.isShutdown()) {
      return; // a tick that waited for the lock while the run finished
    }
    StringBuilder names = new StringBuilder();
    int shown = 0;
    for (String r : running) {
      if (shown++ == 3) {
        names.append(", ...");
        break;
      }
      names.append(shown == 1 ? "" : ", ").append(r);
      String message = messages.get(r);
      if (message != null) {
        names.append(": ").append(message);
      }
    }
    if (names.length() > RUNNING_WIDTH) {
      names.setLength(RUNNING_WIDTH - 1);
      names.append('…');
    }
    err.print(
        CLEAR
            + String.format(
                Locale.ROOT,
                "%d running%s | %d done | %d skipped | %d failed | %.1fs",
                running.size(),
                running.isEmpty() ? "" : " (" + names + ")",
                done,
                skipped,
                failed,
                elapsed()));
    err.flush();
  }

  private double elapsed() {
    return (System.nanoTime() - t0) / 1e9;
  }
}
