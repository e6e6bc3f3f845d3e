package dev.stagecraft.runtime.components.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A search as ask and tell: the study hands out trials ({@link #ask()}), takes their intermediate
 * values ({@link #report}, which says whether the {@link Pruner} stops the trial) and their results
 * ({@link #tell}, {@link #prune}), and keeps the history.
 *
 * <pre>{@code
 * Study study = new Study(new TpeSampler(space, seed), MedianPruner.DEFAULTS,
 *     Direction.MINIMIZE, 50, 1);
 * for (Optional<Trial> t = study.ask(); t.isPresent(); t = study.ask()) {
 *   study.tell(t.get(), objective(t.get().params()));
 * }
 * FinishedTrial best = study.best().orElseThrow();
 * }</pre>
 *
 * <p><b>Determinism with parallel trials.</b> Trials are numbered in the order they are asked and
 * grouped in batches of {@code batchSize} consecutive numbers. Every trial of a batch is proposed,
 * and judged by the pruner, from the same history: all trials of the earlier batches, in number
 * order. A batch is handed out only when every earlier batch is finished ({@link #ask()} refuses
 * otherwise), and the sampler is called in number order under the study's lock. So what a trial
 * gets and whether it is pruned depend on the seed, the batch size and the results, never on which
 * thread finishes first: up to {@code batchSize} trials may run at once ({@link #askBatch()}) and
 * the history is the same as if they ran one after another. With {@code batchSize} 1 this is
 * Optuna's sequential behaviour; a larger batch gives the same trials on any number of threads, but
 * other trials than batch size 1 (each trial sees less history).
 *
 * <p>All methods are thread-safe.
 */
public final class Study {
  private final Sampler sampler;
  private final Pruner pruner;
  private final Direction direction;
  private final int maxTrials;
  private final int batchSize;
  private final List<Trial> asked = new ArrayList<>();
  private final List<FinishedTrial> results = new ArrayList<>();
  private final Map<Integer, List<Double>> reported = new HashMap<>();
  private boolean exhausted;

  /**
   * A study with no trials yet.
   *
   * @param sampler proposes each trial
   * @param pruner stops trials early ({@link Pruner#NEVER} for none)
   * @param direction whether smaller or larger values are better
   * @param maxTrials how many trials to hand out at most (at least 1)
   * @param batchSize how many consecutive trials share one history (at least 1)
   */
  public Study(Sampler sampler, Pruner pruner, Direction direction, int maxTrials, int batchSize) {
    if (maxTrials < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "a study needs at least 1 trial and a batch size of at least 1, got "
              + maxTrials
              + " and "
              + batchSize);
    }
    this.sampler = sampler;
    this.pruner = pruner;
    this.direction = direction;
    this.maxTrials = maxTrials;
    this.batchSize = batchSize;
  }

  /** Whether smaller or larger values are better. */
  public Direction direction() {
    return direction;
  }

  /**
   * The next trial, or empty when the budget is spent or the sampler has no new point.
   *
   * @throws IllegalStateException when the next trial starts a batch while a trial of an earlier
   *     batch is still running (tell its result first)
   */
  public synchronized Optional<Trial> ask() {
    int number = asked.size();
    if (exhausted || number >= maxTrials) {
      return Optional.empty();
    }
    int historyEnd = batchStart(number);
    if (finishedBefore(historyEnd) < historyEnd) {
      throw new IllegalStateException(
          "trial "
              + number
              + " is proposed from trials 0 to "
              + (historyEnd - 1)
              + " (batch size "
              + batchSize
              + "), which have not all finished; tell or prune them first");
    }
    Optional<Map<String, Object>> params =
        sampler.suggest(number, results.subList(0, historyEnd), direction);
    if (params.isEmpty()) {
      exhausted = true;
      return Optional.empty();
    }
    Trial trial = new Trial(number, params.get());
    asked.add(trial);
    results.add(null);
    return Optional.of(trial);
  }

  /**
   * The rest of the current batch: up to {@code batchSize} trials that may run at once, empty when
   * the study is over.
   *
   * @throws IllegalStateException when a trial of an earlier batch is still running
   */
  public synchronized List<Trial> askBatch() {
    List<Trial> batch = new ArrayList<>();
    do {
      Optional<Trial> trial = ask();
      if (trial.isEmpty()) {
        break;
      }
      batch.add(trial.get());
    } while (asked.size() % batchSize != 0);
    return batch;
  }

  /**
   * Records the trial's value at its next step (0, 1, ...) and asks the pruner.
   *
   * @return whether the trial should stop now; the caller then calls {@link #prune}
   */
  public synchronized boolean report(Trial trial, double value) {
    requireRunning(trial);
    List<Double> values = reported.computeIfAbsent(trial.number(), n -> new ArrayList<>());
    values.add(value);
    return pruner.shouldPrune(
        List.copyOf(values), results.subList(0, batchStart(trial.number())), direction);
  }

  /** Finishes the trial as complete with its final value. */
  public synchronized FinishedTrial tell(Trial trial, double value) {
    return finish(trial, TrialState.COMPLETE, value);
  }

  /** Finishes the trial as pruned; its value is the last one reported (NaN if none). */
  public synchronized FinishedTrial prune(Trial trial) {
    List<Double> values = reported.getOrDefault(trial.number(), List.of());
    return finish(
        trial, TrialState.PRUNED, values.isEmpty() ? Double.NaN : values.get(values.size() - 1));
  }

  /** The finished trials, in number order. */
  public synchronized List<FinishedTrial> trials() {
    return results.stream().filter(r -> r != null).toList();
  }

  /** The complete trial with the best value, the earliest on a tie; empty when none has one. */
  public synchronized Optional<FinishedTrial> best() {
    FinishedTrial best = null;
    for (FinishedTrial t : results) {
      if (t != null
          && t.state() == TrialState.COMPLETE
          && !Double.isNaN(t.value())
          && (best == null || direction.better(t.value(), best.value()))) {
        best = t;
      }
    }
    return Optional.ofNullable(best);
  }

  private FinishedTrial finish(Trial trial, TrialState state, double value) {
    requireRunning(trial);
    FinishedTrial done =
        new FinishedTrial(
            trial.number(),
            trial.params(),
            state,
            value,
            reported.getOrDefault(trial.number(), List.of()));
    results.set(trial.number(), done);
    reported.remove(trial.number());
    return done;
  }

  private void requireRunning(Trial trial) {
    int n = trial.number();
    if (n < 0 || n >= asked.size() || !asked.get(n).equals(trial)) {
      throw new IllegalStateException("trial " + n + " was not handed out by this study");
    }
    if (results.get(n) != null) {
      throw new IllegalStateException("trial " + n + " has already finished");
    }
  }

  private int batchStart(int number) {
    return number / batchSize * batchSize;
  }

  private int finishedBefore(int end) {
    int count = 0;
    for (int i = 0; i < end; i++) {
      if (results.get(i) != null) {
        count++;
      }
    }
    return count;
  }
}
