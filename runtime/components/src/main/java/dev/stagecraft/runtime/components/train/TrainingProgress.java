package dev.stagecraft.runtime.components.train;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What a training is doing, told to a consumer in one line: the current step (trial k of n and its
 * model type, or the refit), the folds running with the rounds each has done, the best score so far
 * and the time since training began. A timer thread of its own tells it every {@code every}, so a
 * slow fit is never silent, and every finished trial tells it at once (the consumer decides how
 * often to show it).
 */
final class TrainingProgress implements AutoCloseable {
  private final Consumer<String> sink;
  private final long start = System.nanoTime();
  private final Map<Integer, Unit> running = new ConcurrentSkipListMap<>();
  private final ScheduledExecutorService timer;
  private volatile String step = "starting";
  private volatile String best = "";
  private double bestScore = Double.NEGATIVE_INFINITY;

  /** One fit under way: its name and its rounds done of its total (0 when it counts none). */
  private static final class Unit {
    final String name;
    final int total;
    volatile int done;

    Unit(String name, int total) {
      this.name = name;
      this.total = total;
    }
  }

  TrainingProgress(Consumer<String> sink, Duration every) {
    this.sink = sink;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stagecraft-training-progress");
              t.setDaemon(true);
              return t;
            });
    long nanos = every.toNanos();
    timer.scheduleAtFixedRate(this::tell, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** Training moved on to {@code step}, e.g. {@code trial 3/16 random_forest}. */
  void step(String step) {
    this.step = step;
  }

  /** A trial finished: keeps the best complete one so far and tells the consumer. */
  void trialDone(TrialRecord trial, Metric metric) {
    if (trial.complete() && trial.meanScore() > bestScore) {
      bestScore = trial.meanScore();
      best =
          String.format(
              Locale.ROOT, "%s cv %s %.4f", trial.modelType(), metric.id(), trial.meanScore());
    }
    tell();
  }

  /**
   * A fit begins; the returned consumer takes its rounds done (of {@code rounds}, 1 when it reports
   * none worth telling).
   */
  IntConsumer started(int slot, String name, int rounds) {
    Unit unit = new Unit(name, rounds > 1 ? rounds : 0);
    running.put(slot, unit);
    return done -> unit.done = done;
  }

  /** The fit in {@code slot} ended. */
  void finished(int slot) {
    running.remove(slot);
  }

  private void tell() {
    sink.accept(describe());
  }

  /** The line told: step, running fits, best so far, elapsed. */
  String describe() {
    StringBuilder b = new StringBuilder(step);
    String separator = ": ";
    for (Unit unit : running.values()) {
      b.append(separator).append(unit.name);
      if (unit.total > 0) {
        b.append(" round ").append(unit.done).append('/').append(unit.total);
      }
      separator = ", ";
    }
    if (!best.isEmpty()) {
      b.append("; best ").append(best);
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    b.append(String.format(Locale.ROOT, "; %dm %02ds", seconds / 60, seconds % 60));
    return b.toString();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
