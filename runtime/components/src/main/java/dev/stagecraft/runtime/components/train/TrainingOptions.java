package dev.stagecraft.runtime.components.train;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How training runs, apart from what it trains: the threads it may use and whom it tells what it is
 * doing. The threads change only the speed: the same configurations give the same trials, scores
 * and models with one thread or many.
 *
 * <pre>{@code
 * TrainingOptions options = TrainingOptions.sequential()
 *     .withParallelism(ctx.parallelism())
 *     .withProgress(ctx::progress, TrainingOptions.DEFAULT_PROGRESS_EVERY);
 * }</pre>
 *
 * @param parallelism the threads training may use (at least 1): the folds of a trial run at once,
 *     and each fit may use the threads its fold leaves over
 * @param onTrial told about every trial as it finishes, in trial order
 * @param onProgress told what training is doing (trial k of n, the folds running, rounds done,
 *     elapsed time) at least every {@code progressEvery} and when a trial finishes
 * @param progressEvery the most time between two progress messages
 */
public record TrainingOptions(
    int parallelism,
    Consumer<TrialRecord> onTrial,
    Consumer<String> onProgress,
    Duration progressEvery) {

  /** The most time between two progress messages by default. */
  public static final Duration DEFAULT_PROGRESS_EVERY = Duration.ofSeconds(5);

  /** Checks the values. */
  public TrainingOptions {
    if (parallelism < 1) {
      throw new TrainingConfigException(
          "parallelism must be at least 1, got " + parallelism + "; give 1 or more threads");
    }
    Objects.requireNonNull(onTrial, "onTrial");
    Objects.requireNonNull(onProgress, "onProgress");
    if (progressEvery.isNegative() || progressEvery.isZero()) {
      throw new IllegalArgumentException("progressEvery must be positive, got " + progressEvery);
    }
  }

  /** One thread, nobody told. */
  public static TrainingOptions sequential() {
    return new TrainingOptions(1, trial -> {}, message -> {}, DEFAULT_PROGRESS_EVERY);
  }

  /** These options with {@code parallelism} threads. */
  public TrainingOptions withParallelism(int parallelism) {
    return new TrainingOptions(parallelism, onTrial, onProgress, progressEvery);
  }

  /** These options telling {@code onTrial} about each finished trial. */
  public TrainingOptions withOnTrial(Consumer<TrialRecord> onTrial) {
    return new TrainingOptions(parallelism, onTrial, onProgress, progressEvery);
  }

  /** These options telling {@code onProgress} what training does, at least every {@code every}. */
  public TrainingOptions withProgress(Consumer<String> onProgress, Duration every) {
    return new TrainingOptions(parallelism, onTrial, onProgress, every);
  }
}
