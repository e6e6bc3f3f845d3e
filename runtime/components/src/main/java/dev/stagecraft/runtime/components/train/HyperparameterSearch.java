package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
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
 * every trial. The same data, configuration and seed give the same history: points are drawn and
 * folds dealt from seeded generators, and every trainer is built fresh with the seed.
 */
public final class HyperparameterSearch {
  private static final LabelFactory LABELS = new LabelFactory();

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

  /** The points the search evaluates, in order. */
  public static List<Map<String, Object>> candidates(TrainingConfig config) {
    SplittableRandom random = new SplittableRandom(config.seed());
    SearchSpace space = config.space();
    if (config.strategy() == SearchStrategy.GRID) {
      List<Map<String, Object>> grid = space.grid();
      if (grid.size() <= config.nTrials()) {
        return grid;
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < grid.size(); i++) {
        order.add(i);
      }
      for (int i = order.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer swap = order.get(i);
        order.set(i, order.get(j));
        order.set(j, swap);
      }
      List<Map<String, Object>> chosen = new ArrayList<>();
      new TreeSet<>(order.subList(0, config.nTrials())).forEach(i -> chosen.add(grid.get(i)));
      return chosen;
    }
    List<Map<String, Object>> points = new ArrayList<>();
    Set<Map<String, Object>> seen = new HashSet<>();
    int attempts = 0;
    while (points.size() < config.nTrials() && attempts < config.nTrials() * 50) {
      Map<String, Object> point = space.sample(random);
      attempts++;
      if (seen.add(point)) {
        points.add(point);
      }
    }
    return points;
  }

  /**
   * Runs the search: every candidate is scored on each fold (trained on the other folds).
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
    String positive = Predictions.positiveLabel(train.labels());
    List<TrialRecord> history = new ArrayList<>();
    int trial = firstTrial;
    for (Map<String, Object> params : candidates(config)) {
      List<Double> scores = new ArrayList<>();
      for (int f = 0; f < config.folds(); f++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new CancellationException(
              "training " + config.modelType().id() + " interrupted at trial " + trial);
        }
        Model<Label> model =
            config.modelType().fit(params, config.seed(), train.featureNames().size(), fits.get(f));
        List<ExamplePrediction> predictions = Predictions.of(model, validations.get(f), positive);
        scores.add(config.metric().of(ClassificationMetrics.of(predictions, positive)));
      }
      double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      TrialRecord record = new TrialRecord(trial++, config.modelType().id(), params, scores, mean);
      history.add(record);
      onTrial.accept(record);
    }
    return history;
  }

  /** The best trial: the highest mean score, the earliest on a tie. */
  public static TrialRecord best(List<TrialRecord> history) {
    TrialRecord best = history.get(0);
    for (TrialRecord trial : history) {
      if (trial.meanScore() > best.meanScore()) {
        best = trial;
      }
    }
    return best;
  }
}
