package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import tech.tablesaw.api.Table;

/**
 * Trains a classifier on a training split with a hyperparameter search and scores it on a held-out
 * split. Everything a configuration or the data can get wrong is checked before the first model is
 * trained.
 *
 * <pre>{@code
 * TrainedModel lr = ModelTraining.train(train, test, "diagnosis",
 *     List.of(TrainingConfig.defaults("logistic_regression").withSeed(seed)));
 * ctx.metric("accuracy", lr.accuracy());
 * }</pre>
 */
public final class ModelTraining {
  private ModelTraining() {}

  /**
   * Converts the tables and trains; see {@link #train(LabeledData, LabeledData, List)}.
   *
   * @throws TrainingDataException when the tables cannot be trained on
   * @throws TrainingConfigException when a configuration cannot run on them
   */
  public static TrainedModel train(
      Table train, Table test, String target, List<TrainingConfig> configs) {
    LabeledData trainData = TableDatasets.forTraining(train, target);
    LabeledData testData = TableDatasets.forEvaluation(test, target, trainData.featureNames());
    return train(trainData, testData, configs);
  }

  /**
   * Searches each configuration's space in turn (one model type each), keeps the trial with the
   * best mean cross-validation score (the earliest on a tie), refits it on the whole training split
   * and scores it on the test split, on one thread.
   *
   * @param configs one or more configurations, all maximizing the same metric
   */
  public static TrainedModel train(
      LabeledData train, LabeledData test, List<TrainingConfig> configs) {
    return train(train, test, configs, TrainingOptions.sequential());
  }

  /**
   * As {@link #train(LabeledData, LabeledData, List)}, with the options' threads (the same result
   * as on one thread), telling the options' listeners about each trial and, at least every {@link
   * TrainingOptions#progressEvery()}, what training is doing.
   *
   * @throws java.util.concurrent.CancellationException when the thread is interrupted
   */
  public static TrainedModel train(
      LabeledData train, LabeledData test, List<TrainingConfig> configs, TrainingOptions options) {
    if (configs.isEmpty()) {
      throw new TrainingConfigException("no model type to train; give at least one configuration");
    }
    Metric metric = configs.get(0).metric();
    for (TrainingConfig config : configs) {
      if (config.metric() != metric) {
        throw new TrainingConfigException(
            "configurations maximize different metrics ("
                + metric.id()
                + " and "
                + config.metric().id()
                + "); use one metric so their scores compare");
      }
      HyperparameterSearch.check(train, config);
    }
    int totalTrials = configs.stream().mapToInt(TrainingConfig::nTrials).sum();
    try (Workers workers = new Workers(options.parallelism());
        TrainingProgress progress =
            new TrainingProgress(options.onProgress(), options.progressEvery())) {
      List<TrialRecord> history = new ArrayList<>();
      TrialRecord best = null;
      TrainingConfig bestConfig = null;
      for (TrainingConfig config : configs) {
        List<TrialRecord> trials =
            HyperparameterSearch.run(
                train, config, history.size(), totalTrials, options.onTrial(), workers, progress);
        history.addAll(trials);
        TrialRecord candidate = HyperparameterSearch.best(trials);
        if (best == null || candidate.meanScore() > best.meanScore()) {
          best = candidate;
          bestConfig = config;
        }
      }
      ModelType type = bestConfig.modelType();
      progress.step("refitting the best, " + type.id() + ", on " + train.size() + " rows");
      Model<Label> model;
      try {
        model =
            type.fit(
                best.params(),
                bestConfig.seed(),
                train,
                new FitOptions(
                    workers.threads(), progress.started(0, "refit", type.steps(best.params()))));
      } finally {
        progress.finished(0);
      }
      progress.step("scoring " + type.id() + " on " + test.size() + " test rows");
      String positive = Predictions.positiveLabel(train.labels());
      List<ExamplePrediction> predictions = Predictions.of(model, test.examples(), positive);
      return new TrainedModel(
          best.modelType(),
          best.params(),
          metric.id(),
          best.meanScore(),
          train.target(),
          train.featureNames(),
          train.labels(),
          positive,
          ClassificationMetrics.of(predictions, positive),
          predictions,
          history,
          bestConfig.seed(),
          model);
    }
  }
}
