package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
   * and scores it on the test split.
   *
   * @param configs one or more configurations, all maximizing the same metric
   */
  public static TrainedModel train(
      LabeledData train, LabeledData test, List<TrainingConfig> configs) {
    return train(train, test, configs, trial -> {});
  }

  /**
   * As {@link #train(LabeledData, LabeledData, List)}, telling {@code onTrial} about each trial as
   * it completes (to log progress).
   */
  public static TrainedModel train(
      LabeledData train,
      LabeledData test,
      List<TrainingConfig> configs,
      Consumer<TrialRecord> onTrial) {
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
    List<TrialRecord> history = new ArrayList<>();
    TrialRecord best = null;
    TrainingConfig bestConfig = null;
    for (TrainingConfig config : configs) {
      List<TrialRecord> trials = HyperparameterSearch.run(train, config, history.size(), onTrial);
      history.addAll(trials);
      TrialRecord candidate = HyperparameterSearch.best(trials);
      if (best == null || candidate.meanScore() > best.meanScore()) {
        best = candidate;
        bestConfig = config;
      }
    }
    Model<Label> model =
        bestConfig
            .modelType()
            .fit(best.params(), bestConfig.seed(), train.featureNames().size(), train.dataset());
    String positive = Predictions.positiveLabel(train.labels());
    List<ExamplePrediction> predictions = Predictions.of(model, test.dataset(), positive);
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
