package dev.stagecraft.runtime.components.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.components.search.MedianPruner;
import dev.stagecraft.runtime.components.search.TrialState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ModelTrainingTest {
  private static LabeledData train;
  private static LabeledData test;

  @BeforeAll
  static void split() {
    Table[] split = SplitForTests.breastCancerSplit();
    train = TableDatasets.forTraining(split[0], "diagnosis");
    test = TableDatasets.forEvaluation(split[1], "diagnosis", train.featureNames());
  }

  /** Small, quick configurations of every model type. */
  private static List<TrainingConfig> quick() {
    return List.of(
        TrainingConfig.defaults("logistic_regression").withTrials(2).withFolds(2),
        TrainingConfig.defaults("random_forest")
            .withSpace(Map.of("n_estimators", Domain.ints(5, 10), "max_depth", Domain.ints(3, 5)))
            .withTrials(2)
            .withFolds(2),
        TrainingConfig.defaults("gradient_boosting")
            .withSpace(
                Map.of("n_estimators", Domain.ints(10, 20), "subsample", Domain.reals(0.6, 1)))
            .withTrials(2)
            .withFolds(2),
        TrainingConfig.defaults("svm").withTrials(2).withFolds(2));
  }

  @Test
  void logisticRegressionLearnsTheBreastCancerData() {
    TrainedModel m =
        ModelTraining.train(train, test, List.of(TrainingConfig.defaults("logistic_regression")));
    assertEquals("logistic_regression", m.modelType());
    assertEquals("malignant", m.positiveLabel());
    assertEquals(List.of("benign", "malignant"), m.labels());
    assertEquals(test.size(), m.predictions().size());
    assertEquals(TrainingConfig.DEFAULT_TRIALS, m.history().size());
    m.history().forEach(t -> assertEquals(TrainingConfig.DEFAULT_FOLDS, t.foldScores().size()));
    assertEquals(HyperparameterSearch.best(m.history()).meanScore(), m.cvScore());
    assertTrue(m.accuracy() >= 0.95, "accuracy " + m.accuracy());
    assertTrue(m.testMetrics().rocAuc() >= 0.98, "auc " + m.testMetrics().rocAuc());
    long right = m.predictions().stream().filter(ExamplePrediction::correct).count();
    assertEquals((double) right / test.size(), m.accuracy(), 1e-12);
  }

  @Test
  void theSameSeedGivesTheSameResultForEveryModelType() {
    for (TrainingConfig config : quick()) {
      TrainedModel first = ModelTraining.train(train, test, List.of(config));
      TrainedModel second = ModelTraining.train(train, test, List.of(config));
      assertEquals(untimed(first.history()), untimed(second.history()), config.modelType().id());
      assertEquals(first.bestParams(), second.bestParams(), config.modelType().id());
      assertEquals(first.predictions(), second.predictions(), config.modelType().id());
      assertEquals(first.testMetrics(), second.testMetrics(), config.modelType().id());
    }
  }

  @Test
  void parallelTrainingGivesTheSameModelsAsSequential() {
    List<List<TrainingConfig>> runs = new java.util.ArrayList<>();
    for (TrainingConfig config : quick()) {
      runs.add(List.of(config.withFolds(3)));
    }
    runs.add(quick().subList(1, 3)); // variant b: two model types, the better kept
    runs.add(
        List.of(
            TrainingConfig.defaults("gradient_boosting")
                .withSpace(Map.of("n_estimators", Domain.ints(5, 15)))
                .withStrategy(SearchStrategy.TPE)
                .withPruning(true)
                .withTrials(8)));
    for (List<TrainingConfig> configs : runs) {
      String name = configs.toString();
      TrainedModel one = ModelTraining.train(train, test, configs, TrainingOptions.sequential());
      for (int threads : new int[] {2, 3}) {
        TrainedModel many =
            ModelTraining.train(
                train, test, configs, TrainingOptions.sequential().withParallelism(threads));
        assertEquals(untimed(one.history()), untimed(many.history()), name);
        assertEquals(one.bestParams(), many.bestParams(), name);
        // every test row's predicted class and probability: the same model
        assertEquals(one.predictions(), many.predictions(), name);
        assertEquals(one.testMetrics(), many.testMetrics(), name);
      }
    }
  }

  @Test
  void progressTellsEachFinishedTrialWithTheBestSoFar() {
    List<String> messages = new java.util.ArrayList<>();
    TrainedModel m =
        ModelTraining.train(
            train,
            test,
            quick().subList(1, 3),
            TrainingOptions.sequential()
                .withProgress(messages::add, java.time.Duration.ofHours(1)));
    assertEquals(4, messages.size(), messages.toString());
    for (int k = 0; k < 4; k++) {
      String type = m.history().get(k).modelType();
      assertTrue(
          messages
              .get(k)
              .matches(
                  "trial "
                      + (k + 1)
                      + "/4 "
                      + type
                      + "; best .* cv accuracy 0\\.\\d{4}; 0m \\d\\ds"),
          messages.get(k));
    }
  }

  @Test
  void treeModelsRoundTripThroughTribuosFormat() throws Exception {
    for (TrainingConfig config : quick().subList(1, 3)) {
      TrainedModel m = ModelTraining.train(train, test, List.of(config));
      Model<Label> back = TribuoModels.fromBytes(TribuoModels.toBytes(m.model()));
      assertEquals(m.predictions(), Predictions.of(back, test.examples(), m.positiveLabel()));
      for (ExamplePrediction p : m.predictions()) {
        assertEquals(p.positiveScore() > 0.5, p.predicted().equals("malignant"), p.toString());
      }
    }
  }

  @Test
  void svmsTrainingInParallelStayDeterministic() throws Exception {
    List<TrainingConfig> svm = quick().subList(3, 4);
    TrainedModel alone = ModelTraining.train(train, test, svm);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> ModelTraining.train(train, test, svm));
      var second = pool.submit(() -> ModelTraining.train(train, test, svm));
      assertEquals(untimed(alone.history()), untimed(first.get().history()));
      assertEquals(alone.predictions(), second.get().predictions());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The history without the trials' wall times, which vary from run to run. */
  private static List<TrialRecord> untimed(List<TrialRecord> history) {
    return history.stream()
        .map(
            t ->
                new TrialRecord(
                    t.trial(),
                    t.modelType(),
                    t.params(),
                    t.foldScores(),
                    t.meanScore(),
                    t.method(),
                    t.state(),
                    0))
        .toList();
  }

  @Test
  void tpeWithPruningStopsTrialsBelowTheMedianAndKeepsTheirPartialScores() throws Exception {
    TrainingConfig config =
        TrainingConfig.defaults("logistic_regression")
            .withStrategy(SearchStrategy.TPE)
            .withPruning(true)
            .withTrials(14);
    TrainedModel m = ModelTraining.train(train, test, List.of(config));
    List<TrialRecord> pruned = m.history().stream().filter(t -> !t.complete()).toList();
    assertFalse(pruned.isEmpty(), "some trial falls below the median after a fold");
    for (TrialRecord t : pruned) {
      assertEquals(TrialState.PRUNED, t.state());
      assertTrue(t.trial() >= MedianPruner.DEFAULTS.startupTrials(), "no pruning while starting");
      assertTrue(t.foldScores().size() < config.folds());
      assertEquals(
          t.foldScores().stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
          t.meanScore(),
          1e-12);
    }
    m.history().forEach(t -> assertEquals("tpe", t.method()));
    TrialRecord best = HyperparameterSearch.best(m.history());
    assertTrue(best.complete());
    assertEquals(best.meanScore(), m.cvScore());
    assertEquals(
        untimed(m.history()), untimed(ModelTraining.train(train, test, List.of(config)).history()));

    ObjectMapper json = new ObjectMapper();
    TrainedModel back =
        json.readValue(json.writeValueAsString(m.withModel(null)), TrainedModel.class);
    assertEquals(m.history(), back.history());
  }

  @Test
  void severalModelTypesKeepTheBestAndTheWholeHistory() {
    List<TrainingConfig> configs = quick().subList(1, 3);
    TrainedModel m = ModelTraining.train(train, test, configs);
    assertEquals(4, m.history().size());
    assertEquals(List.of(0, 1, 2, 3), m.history().stream().map(TrialRecord::trial).toList());
    assertEquals("random_forest", m.history().get(0).modelType());
    assertEquals("gradient_boosting", m.history().get(3).modelType());
    TrialRecord best = HyperparameterSearch.best(m.history());
    assertEquals(best.modelType(), m.modelType());
    assertEquals(best.params(), m.bestParams());
  }

  @Test
  void modelsRoundTripThroughTribuosFormatAndTheRestThroughJson() throws Exception {
    TrainedModel m = ModelTraining.train(train, test, quick().subList(0, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TribuoModels.write(m.model(), bytes);
    Model<Label> back = TribuoModels.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(m.predictions(), Predictions.of(back, test.examples(), m.positiveLabel()));

    ObjectMapper json = new ObjectMapper();
    TrainedModel whole = json.readValue(json.writeValueAsString(m), TrainedModel.class);
    assertEquals(m.withModel(null), whole.withModel(null));
    assertEquals(
        m.predictions(), Predictions.of(whole.model(), test.examples(), m.positiveLabel()));

    TrainedModel summary =
        json.readValue(json.writeValueAsString(m.withModel(null)), TrainedModel.class);
    assertNull(summary.model());
    assertEquals(m.withModel(null), summary);
    assertEquals(m, summary.withModel(m.model()));
    assertNotNull(summary.withModel(back).model());
  }

  @Test
  void progressIsReportedPerTrialAndAnInterruptStopsTraining() {
    List<TrialRecord> seen = new java.util.ArrayList<>();
    TrainedModel m =
        ModelTraining.train(
            train,
            test,
            quick().subList(0, 1),
            TrainingOptions.sequential().withOnTrial(seen::add));
    assertEquals(m.history(), seen);

    Thread.currentThread().interrupt();
    try {
      java.util.concurrent.CancellationException e =
          assertThrows(
              java.util.concurrent.CancellationException.class,
              () -> ModelTraining.train(train, test, quick().subList(3, 4)));
      assertEquals("training svm interrupted at trial 0", e.getMessage());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void bytesThatAreNotAModelAreAnIoError() {
    java.io.IOException e =
        assertThrows(java.io.IOException.class, () -> TribuoModels.fromBytes(new byte[] {1, 2, 3}));
    assertTrue(e.getMessage().startsWith("not a Tribuo model"), e.getMessage());
  }

  @Test
  void tooFewExamplesForTheFoldsIsAnErrorBeforeTraining() {
    Table small =
        Table.create(
            "small",
            DoubleColumn.create("x", 1, 2, 3, 4, 5, 6),
            StringColumn.create("y", "a", "a", "a", "a", "b", "b"));
    TrainingDataException e =
        assertThrows(
            TrainingDataException.class,
            () ->
                ModelTraining.train(
                    small, small, "y", List.of(TrainingConfig.defaults("svm").withFolds(3))));
    assertEquals(
        "class 'b' of target 'y' has 2 training examples, fewer than the 3 cross-validation"
            + " folds; lower folds to 2 or provide more data",
        e.getMessage());
  }

  @Test
  void rocAucOnAMulticlassTargetIsAnError() {
    Table three =
        Table.create(
            "three",
            DoubleColumn.create("x", 1, 2, 3, 4, 5, 6),
            StringColumn.create("y", "a", "a", "b", "b", "c", "c"));
    TrainingConfigException e =
        assertThrows(
            TrainingConfigException.class,
            () ->
                ModelTraining.train(
                    three,
                    three,
                    "y",
                    List.of(TrainingConfig.defaults("svm").withFolds(2).withMetric("roc_auc"))));
    assertEquals(
        "metric roc_auc needs a binary target, but 'y' has 3 classes; use accuracy or f1_weighted",
        e.getMessage());
  }

  @Test
  void configurationsWithDifferentMetricsAreAnError() {
    TrainingConfigException e =
        assertThrows(
            TrainingConfigException.class,
            () ->
                ModelTraining.train(
                    train,
                    test,
                    List.of(
                        TrainingConfig.defaults("svm"),
                        TrainingConfig.defaults("random_forest").withMetric(Metric.ROC_AUC))));
    assertEquals(
        "configurations maximize different metrics (accuracy and roc_auc); use one metric so"
            + " their scores compare",
        e.getMessage());
  }

  @Test
  void multiclassTargetsTrain() {
    // three well-separated classes on one feature, 10 each
    double[] x = new double[30];
    String[] y = new String[30];
    for (int i = 0; i < 30; i++) {
      x[i] = (i / 10) * 10 + (i % 10) * 0.1;
      y[i] = "c" + (i / 10);
    }
    Table t = Table.create("t", DoubleColumn.create("x", x), StringColumn.create("y", y));
    TrainedModel m =
        ModelTraining.train(
            t, t, "y", List.of(TrainingConfig.defaults("gradient_boosting").withTrials(1)));
    assertEquals(List.of("c0", "c1", "c2"), m.labels());
    assertNull(m.positiveLabel());
    assertNull(m.testMetrics().rocAuc());
    assertEquals(1.0, m.accuracy());
  }

  @Test
  void stratifiedFoldsKeepClassProportions() {
    int[] folds = StratifiedFolds.assign(train, 3, 7);
    int[][] counts = new int[3][2];
    for (int i = 0; i < train.size(); i++) {
      counts[folds[i]][train.labels().indexOf(train.label(i))]++;
    }
    for (int[] c : counts) {
      int total = c[0] + c[1];
      assertTrue(Math.abs(total - train.size() / 3.0) <= 1, "fold size " + total);
      assertTrue(Math.abs(c[1] - total * 170.0 / 455) <= 1.5, "malignant " + c[1]);
    }
    assertArrayEquals(folds, StratifiedFolds.assign(train, 3, 7));
  }
}
