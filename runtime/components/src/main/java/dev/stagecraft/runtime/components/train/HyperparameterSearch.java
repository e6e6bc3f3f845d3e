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
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Evaluates a search space by stratified k-fold cross-validation on a training split and keeps
 * every trial, through a {@link Study} of the configuration's {@link Sampler} (random, grid or TPE)
 * and, with pruning on, the {@link MedianPruner} fed the running mean after each fold. The same
 * data, configuration and seed give the same history: points are drawn and folds dealt from seeded
 * generators, and every trainer is built fresh with the seed.
 *
 * <p>Trials run one after another, as batches of {@value #BATCH_SIZE} of the study: a trial is
 * proposed from every trial before it. Running the trials of a batch in parallel needs nothing else
 * from the study; a larger batch size lets more run at once and, by design, gives other trials
 * (each sees only the earlier batches), the same ones on every run and any thread count.
 */
public final class HyperparameterSearch {
  private static final LabelFactory LABELS = new LabelFactory();

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
   * Runs the search: every trial is scored on each fold (trained on the other folds).
   *
   * @param firstTrial the number given to the first trial (so histories can be concatenated)
   * @return every trial, in evaluation order
   */
  public static List<TrialRecord> run(LabeledData train, TrainingConfig config, int firstTrial) {
    return run(train, config, firstTrial, trial -> {});
  }

  /**
   * Runs the search, telling {@code onTrial} about each trial as it completes. Stops between two
   * fits when the thread is interrupted (a stage timeout).
   *
   * @throws CancellationException when interrupted
   */
  public static List<TrialRecord> run(
      LabeledData train, TrainingConfig config, int firstTrial, Consumer<TrialRecord> onTrial) {
    check(train, config);
    int[] fold = StratifiedFolds.assign(train, config.folds(), config.seed());
    List<MutableDataset<Label>> fits = new ArrayList<>();
    List<List<Example<Label>>> validations = new ArrayList<>();
    for (int f = 0; f < config.folds(); f++) {
      List<Example<Label>> fit = new ArrayList<>();
      List<Example<Label>> validation = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        (fold[i] == f ? validation : fit).add(train.example(i));
      }
      fits.add(
          new MutableDataset<>(
              fit, new SimpleDataSourceProvenance(train.target() + "-fold-" + f, LABELS), LABELS));
      validations.add(validation);
    }
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
        TrialRecord record =
            evaluate(train, config, study, trial, firstTrial + trial.number(), fits, validations);
        history.add(record);
        onTrial.accept(record);
      }
    }
    return history;
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
      List<MutableDataset<Label>> fits,
      List<List<Example<Label>>> validations) {
    long start = System.nanoTime();
    String positive = Predictions.positiveLabel(train.labels());
    Map<String, Object> params = config.modelType().withDefaults(trial.params());
    List<Double> scores = new ArrayList<>();
    TrialState state = TrialState.COMPLETE;
    for (int f = 0; f < config.folds(); f++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException(
            "training " + config.modelType().id() + " interrupted at trial " + number);
      }
      Model<Label> model =
          config.modelType().fit(params, config.seed(), train.featureNames().size(), fits.get(f));
      List<ExamplePrediction> predictions = Predictions.of(model, validations.get(f), positive);
      scores.add(config.metric().of(ClassificationMetrics.of(predictions, positive)));
      boolean stop = study.report(trial, mean(scores));
      if (stop && f < config.folds() - 1) {
        state = TrialState.PRUNED;
        break;
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
