package dev.stagecraft.runtime.components.train;

import dev.stagecraft.runtime.components.search.Direction;
import dev.stagecraft.runtime.components.search.GridSampler;
import dev.stagecraft.runtime.components.search.MedianPruner;
import dev.stagecraft.runtime.components.search.ParameterSpace;
import dev.stagecraft.runtime.components.search.Pruner;
import dev.stagecraft.runtime.components.search.RandomSampler;
import dev.stagecraft.runtime.components.search.Sampler;
import dev.stagecraft.runtime.components.search.Study;
import dev.stagecraft.runtime.components.search.TpeSampler;
import dev.stagecraft.runtime.components.search.Trial;
import dev.stagecraft.runtime.components.search.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Evaluates a search space by stratified k-fold cross-validation on a training split and keeps
 * every trial, through a {@link Study} of the configuration's {@link Sampler} (random, grid or TPE)
 * and, with pruning on, the {@link MedianPruner} fed the running mean after each fold. The same
 * data, configuration and seed give the same history: points are drawn and folds dealt from seeded
 * generators, and every fit is seeded.
 *
 * <p>Trials are proposed one at a time, as batches of {@value #BATCH_SIZE} of the study: a trial is
 * proposed from every trial before it, exactly as in a run on one thread. What runs in parallel is
 * the folds of a trial (each fit on its own thread, the threads left over going to each fit's
 * learner), and their scores are taken in fold order, so the trials, scores and models do not
 * depend on the number of threads. With pruning on, the folds of a trial run one after another (the
 * pruner may stop the trial after any of them), each fit with all the threads.
 */
public final class HyperparameterSearch {
  /** Trials proposed from the same history; see {@link Study}. */
  static final int BATCH_SIZE = 1;

  private HyperparameterSearch() {}

  /**
   * Checks that a configuration can run on this data, before any training.
   *
   * @throws TrainingDataException when a class has fewer examples than folds
   * @throws TrainingConfigException when the metric does not fit the target
   */
  public static void check(LabeledData train, TrainingConfig config) {
    if (config.metric() == Metric.ROC_AUC && !train.isBinary()) {
      throw new TrainingConfigException(
          "metric roc_auc needs a binary target, but '"
              + train.target()
              + "' has "
              + train.labels().size()
              + " classes; use accuracy or f1_weighted");
    }
    StratifiedFolds.check(train, config.folds());
  }

  /**
   * The sampler of the configuration's strategy, seeded with its seed: {@link RandomSampler},
   * {@link GridSampler} or {@link TpeSampler}.
   */
  private static Sampler sampler(TrainingConfig config) {
    ParameterSpace space = config.space().parameters();
    return switch (config.strategy()) {
      case RANDOM -> new RandomSampler(space, config.seed());
      case GRID -> new GridSampler(space, config.nTrials(), config.seed());
      case TPE -> new TpeSampler(space, config.seed());
    };
  }

  /**
   * Runs the search on one thread: every trial is scored on each fold (trained on the other folds).
   *
   * @param firstTrial the number given to the first trial (so histories can be concatenated)
   * @return every trial, in evaluation order
   */
  public static List<TrialRecord> run(LabeledData train, TrainingConfig config, int firstTrial) {
    return run(train, config, firstTrial, TrainingOptions.sequential());
  }

  /**
   * Runs the search with the options' threads, telling the options' listeners about each trial and
   * what the search is doing. Stops between two fits (or two boosting rounds) when the thread is
   * interrupted (a stage timeout).
   *
   * @throws CancellationException when interrupted
   */
  public static List<TrialRecord> run(
      LabeledData train, TrainingConfig config, int firstTrial, TrainingOptions options) {
    try (Workers workers = new Workers(options.parallelism());
        TrainingProgress progress =
            new TrainingProgress(options.onProgress(), options.progressEvery())) {
      return run(
          train,
          config,
          firstTrial,
          firstTrial + config.nTrials(),
          options.onTrial(),
          workers,
          progress);
    }
  }

  /** Runs the search on {@code workers}; {@code totalTrials} is the n of "trial k of n". */
  static List<TrialRecord> run(
      LabeledData train,
      TrainingConfig config,
      int firstTrial,
      int totalTrials,
      Consumer<TrialRecord> onTrial,
      Workers workers,
      TrainingProgress progress) {
    check(train, config);
    Folds folds = Folds.of(train, config.folds(), config.seed());
    Study study =
        new Study(
            sampler(config),
            config.pruning() ? MedianPruner.DEFAULTS : Pruner.NEVER,
            Direction.MAXIMIZE,
            config.nTrials(),
            BATCH_SIZE);
    List<TrialRecord> history = new ArrayList<>();
    for (List<Trial> batch = study.askBatch(); !batch.isEmpty(); batch = study.askBatch()) {
      for (Trial trial : batch) {
        int number = firstTrial + trial.number();
        progress.step("trial " + (number + 1) + "/" + totalTrials + " " + config.modelType().id());
        TrialRecord record =
            evaluate(train, config, study, trial, number, folds, workers, progress);
        history.add(record);
        onTrial.accept(record);
        progress.trialDone(record, config.metric());
      }
    }
    return history;
  }

  /** The folds' training rows and validation examples, made once for every trial. */
  private record Folds(List<LabeledData> fits, List<List<Example<Label>>> validations) {
    static Folds of(LabeledData train, int k, long seed) {
      int[] fold = StratifiedFolds.assign(train, k, seed);
      List<LabeledData> fits = new ArrayList<>();
      List<List<Example<Label>>> validations = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        int held = 0;
        for (int which : fold) {
          held += which == f ? 1 : 0;
        }
        int[] fit = new int[train.size() - held];
        int[] validation = new int[held];
        for (int i = 0, a = 0, b = 0; i < fold.length; i++) {
          if (fold[i] == f) {
            validation[b++] = i;
          } else {
            fit[a++] = i;
          }
        }
        fits.add(train.rows(fit));
        validations.add(train.rows(validation).examples());
      }
      return new Folds(fits, validations);
    }
  }

  /**
   * Scores one trial fold by fold, reporting the running mean after each fold; when the pruner
   * stops it before the last fold, the trial is recorded as pruned with the folds it ran.
   */
  private static TrialRecord evaluate(
      LabeledData train,
      TrainingConfig config,
      Study study,
      Trial trial,
      int number,
      Folds folds,
      Workers workers,
      TrainingProgress progress) {
    long start = System.nanoTime();
    String positive = Predictions.positiveLabel(train.labels());
    Map<String, Object> params = config.modelType().withDefaults(trial.params());
    int k = config.folds();
    List<Double> scores = new ArrayList<>();
    TrialState state = TrialState.COMPLETE;
    if (config.pruning()) {
      for (int f = 0; f < k; f++) {
        checkInterrupted(config, number);
        scores.add(score(config, params, positive, folds, f, workers.threads(), progress));
        boolean stop = study.report(trial, mean(scores));
        if (stop && f < k - 1) {
          state = TrialState.PRUNED;
          break;
        }
      }
    } else {
      checkInterrupted(config, number);
      int threads = Math.max(1, workers.threads() / Math.min(workers.threads(), k));
      List<Callable<Double>> fits = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        int fold = f;
        fits.add(() -> score(config, params, positive, folds, fold, threads, progress));
      }
      for (double score : workers.all(fits)) {
        scores.add(score);
        study.report(trial, mean(scores));
      }
    }
    double mean = mean(scores);
    if (state == TrialState.PRUNED) {
      study.prune(trial);
    } else {
      study.tell(trial, mean);
    }
    return new TrialRecord(
        number,
        config.modelType().id(),
        params,
        scores,
        mean,
        config.strategy().id(),
        state,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Fits on every fold but {@code f} and scores on fold {@code f}. */
  private static double score(
      TrainingConfig config,
      Map<String, Object> params,
      String positive,
      Folds folds,
      int f,
      int threads,
      TrainingProgress progress) {
    ModelType type = config.modelType();
    IntConsumer steps =
        progress.started(f, "fold " + (f + 1) + "/" + config.folds(), type.steps(params));
    try {
      Model<Label> model =
          type.fit(params, config.seed(), folds.fits().get(f), new FitOptions(threads, steps));
      List<ExamplePrediction> predictions =
          Predictions.of(model, folds.validations().get(f), positive);
      return config.metric().of(ClassificationMetrics.of(predictions, positive));
    } finally {
      progress.finished(f);
    }
  }

  private static void checkInterrupted(TrainingConfig config, int number) {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException(
          "training " + config.modelType().id() + " interrupted at trial " + number);
    }
  }

  private static double mean(List<Double> scores) {
    return scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /**
   * The best trial: the complete one with the highest mean score, the earliest on a tie.
   *
   * @throws IllegalArgumentException when no trial is complete
   */
  public static TrialRecord best(List<TrialRecord> history) {
    TrialRecord best = null;
    for (TrialRecord trial : history) {
      if (trial.complete() && (best == null || trial.meanScore() > best.meanScore())) {
        best = trial;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no complete trial among " + history.size());
    }
    return best;
  }
}
