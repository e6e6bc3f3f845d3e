package dev.stagecraft.examples.advancedml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.components.deploy.Deployment;
import dev.stagecraft.runtime.components.deploy.ModelRegistry;
import dev.stagecraft.runtime.components.deploy.TargetState;
import dev.stagecraft.runtime.components.train.TrainingConfigException;
import dev.stagecraft.runtime.components.train.TrialRecord;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.engine.StageOutputUnavailableException;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.ParamSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advanced ML pipeline run from code through its generated builder, with small searches. */
class AdvancedMlPipelineTest {
  /**
   * Makes variant b a constant model (no split can reach the minimum child weight: it predicts the
   * majority class) so that A/B testing prefers a significantly.
   */
  static final List<String> WEAK_B =
      List.of(
          "random_forest.n_estimators=1", "random_forest.min_child_weight=1000",
          "gradient_boosting.n_estimators=1", "gradient_boosting.min_child_weight=100");

  @TempDir Path registry;

  private StagecraftAdvancedMlPipeline.Builder small() {
    return StagecraftAdvancedMlPipeline.builder().nTrials(1).folds(2).registryDir(registry);
  }

  private static StageOutcome outcome(StagecraftAdvancedMlPipeline.Result r, String name) {
    return r.runResult().outcome(name).orElseThrow();
  }

  @Test
  void everyParameterIsDeclaredOnceWithItsTypeDefaultAndDescription() throws Exception {
    List<String> declared = new java.util.ArrayList<>();
    for (ParamSpec p : new StagecraftAdvancedMlPipeline().definition().params()) {
      declared.add(
          p.name() + " " + p.type() + " " + p.defaultText().orElse("-") + " " + p.description());
      StagecraftAdvancedMlPipeline.Builder.class.getMethod(
          p.name(),
          AdvancedMlPipeline.Params.class.getRecordComponents()[declared.size() - 1].getType());
    }
    assertEquals(
        List.of(
            "inputDataPath Path  The CSV; empty: the bundled breast cancer data",
            "separator String , The CSV's field separator: one character or tab",
            "targetColumn String diagnosis The class column",
            "testSize double 0.2 Fraction of rows held out for testing",
            "seed long 42 Seed of the split, the folds and the trainers",
            "maxMissingFraction double 0.2 Most missing feature cells allowed, as a fraction of all of them",
            "minClassFraction double 0.05 Least fraction of the rows the rarest class must have",
            "impute ImputeStrategy MEDIAN NONE, MEAN, MEDIAN, MOST_FREQUENT, CONSTANT or KNN",
            "scale ScaleMethod STANDARD NONE, STANDARD, ROBUST or MINMAX",
            "interactions double 0 Add a_x_b for |r| above this; 0: none",
            "capOutliers OutlierMethod NONE NONE or IQR",
            "iqrFactor double 1.5 IQR factor of outlier capping",
            "maxCategories int 50 Most distinct values a text feature may have (it is one-hot encoded)",
            "nTrials int 8 Hyperparameter search trials per model type",
            "folds int 3 Cross-validation folds",
            "searchSpace List<String>  Overrides, e.g. random_forest.max_depth=4:10 or random_forest.max_depth=6|9|12",
            "searchMethod String random Hyperparameter search: random, grid or tpe",
            "pruning boolean false Stop trials below the median after a fold",
            "enableAbTesting boolean true A/B test the variants",
            "significance double 0.05 A/B significance threshold",
            "minImprovement double 0.02 A/B minimum accuracy gain",
            "registryDir Path  The model registry; empty: STORE/registry",
            "modelName String  The registry's model; empty: the pipeline and data set names"),
        declared);
  }

  @Test
  void abTestingOnDeploysTheSelectedModelToStagingWhenTheTestIsNotConfident() {
    StagecraftAdvancedMlPipeline.Result r = small().run();

    assertEquals(RunStatus.SUCCEEDED, r.status(), r.runResult().toString());
    AbDecision ab = r.abTest();
    assertTrue(ab.confidence() <= 0.8, "the bundled data rarely separates the variants: " + ab);
    assertEquals(StageStatus.SKIPPED, outcome(r, "deployWinner").status());
    assertEquals(
        "abTest.confidence > 0.8 was false (abTest.confidence = " + ab.confidence() + ")",
        outcome(r, "deployWinner").reason());
    assertEquals(StageStatus.SKIPPED, outcome(r, "deploySingle").status());
    assertEquals(
        "!enableAbTesting was false (enableAbTesting = true)", outcome(r, "deploySingle").reason());

    DeployedModel deployed = r.deployStaging();
    assertEquals("staging", deployed.target());
    assertEquals(ab.selectedVariant(), deployed.variant());
    assertTrue(deployed.why().startsWith("A/B confidence 0.5000 <= 0.8"), deployed.why());
    Deployment record = onlyVersion(new ModelRegistry(registry).list(), "staging");
    assertEquals(r.runId(), record.runId());
    assertEquals(ab.selectedVariant().equals("a") ? "train[0]" : "train[1]", record.stage());
    assertEquals(ab.selectedModelType(), record.modelType());
  }

  @Test
  void aConfidentAbTestDeploysTheWinnerToProduction() {
    StagecraftAdvancedMlPipeline.Result r = small().searchSpace(WEAK_B).run();

    assertEquals(RunStatus.SUCCEEDED, r.status(), r.runResult().toString());
    AbDecision ab = r.abTest();
    assertEquals("a", ab.selectedVariant());
    assertTrue(ab.confidence() > 0.8, ab.toString());
    assertEquals(ab.pValue(), outcome(r, "abTest").metrics().get("p_value"));
    assertEquals(ab.confidence(), outcome(r, "abTest").metrics().get("confidence"));
    assertEquals("production", r.deployWinner().target());
    assertEquals(StageStatus.SKIPPED, outcome(r, "deployStaging").status());
    assertEquals(StageStatus.SKIPPED, outcome(r, "deploySingle").status());
    Deployment record = onlyVersion(new ModelRegistry(registry).list(), "production");
    assertEquals("logistic_regression", record.modelType());
    assertEquals("train[0]", record.stage());
  }

  @Test
  void abTestingOffSkipsTheTestAndDeploysTheBestCrossValidatedVariantToProduction() {
    StagecraftAdvancedMlPipeline.Result r = small().enableAbTesting(false).run();

    assertEquals(RunStatus.SUCCEEDED, r.status(), r.runResult().toString());
    assertEquals(StageStatus.SKIPPED, outcome(r, "abTest").status());
    assertEquals(
        "enableAbTesting was false (enableAbTesting = false)", outcome(r, "abTest").reason());
    assertEquals(StageStatus.SKIPPED, outcome(r, "deployWinner").status());
    assertEquals(StageStatus.SKIPPED, outcome(r, "deployStaging").status());
    assertThrows(StageOutputUnavailableException.class, r::deployWinner);

    List<VariantModel> models = r.train();
    VariantModel best =
        models.get(0).model().cvScore() >= models.get(1).model().cvScore()
            ? models.get(0)
            : models.get(1);
    DeployedModel deployed = r.deploySingle();
    assertEquals("production", deployed.target());
    assertEquals(best.variant(), deployed.variant());
    assertTrue(deployed.why().startsWith("A/B testing is off"), deployed.why());
    assertEquals(1, new ModelRegistry(registry).list().size());
    onlyVersion(new ModelRegistry(registry).list(), "production");
  }

  @Test
  void trainingRecordsTheMetricsOfEachVariant() {
    StagecraftAdvancedMlPipeline.Result r = small().enableAbTesting(false).run();

    for (int i = 0; i < 2; i++) {
      StageOutcome train = outcome(r, "train[" + i + "]");
      VariantModel model = r.train().get(i);
      assertEquals(List.of("a", "b").get(i), model.variant());
      assertEquals(model.model().testMetrics().accuracy(), train.metrics().get("accuracy"));
      assertEquals(model.model().testMetrics().precision(), train.metrics().get("precision"));
      assertEquals(model.model().testMetrics().recall(), train.metrics().get("recall"));
      assertEquals(model.model().testMetrics().f1(), train.metrics().get("f1"));
    }
    assertEquals("logistic_regression", r.train().get(0).model().modelType());
    assertTrue(
        List.of("random_forest", "gradient_boosting")
            .contains(r.train().get(1).model().modelType()));
    assertEquals(114, r.preprocess().testLabels().size());
    assertEquals(455, r.preprocess().trainLabels().size());
  }

  @Test
  void runsOnAMulticlassCsvWithOtherColumnNames(@TempDir Path data) throws Exception {
    Path csv = Csv.multiclass(data, 150, 7);

    StagecraftAdvancedMlPipeline.Result r =
        small().inputDataPath(csv).targetColumn("species").run();

    assertEquals(RunStatus.SUCCEEDED, r.status(), r.runResult().toString());
    assertEquals(List.of("setosa", "versicolor", "virginica"), r.preprocess().labels());
    assertEquals(List.of("f1", "f2", "f3", "f4"), r.preprocess().features());
    assertTrue(r.train().get(0).accuracy() > 0.8, r.train().get(0).toString());
    assertEquals(1, new ModelRegistry(registry).list().size());
  }

  @Test
  void summaryLinesSayWhatEachStageProduced() {
    StagecraftAdvancedMlPipeline.Result r = small().run();

    assertEquals(
        List.of(
            "data: bundled breast cancer data: 455 training and 114 test rows, 30 features, target"
                + " 'diagnosis' with classes [\"benign\", \"malignant\"] (impute MEDIAN, scale"
                + " STANDARD)"),
        r.preprocess().summaryLines());
    String a = r.train().get(0).summaryLines().get(0);
    assertTrue(a.startsWith("variant a: best logistic_regression (cv accuracy 0."), a);
    assertTrue(a.contains("over 1 trials); test accuracy 0."), a);
    assertTrue(
        a.contains(", precision 0.") && a.contains(", recall 0.") && a.contains(", f1 0."), a);
    String ab = r.abTest().summaryLines().get(0);
    assertTrue(ab.startsWith("A/B (mcnemar_exact on 114 test rows): a 0."), ab);
    assertTrue(ab.contains("selected " + r.abTest().selectedVariant()), ab);
    List<String> deployed = r.deployStaging().summaryLines();
    assertTrue(
        deployed.get(0).startsWith("deployed variant " + r.abTest().selectedVariant()),
        deployed.get(0));
    assertTrue(
        deployed
            .get(0)
            .contains(
                " to staging of model advanced-ml-breast_cancer as version 1: A/B confidence"
                    + " 0.5000 <= 0.8"),
        deployed.get(0));
    assertEquals(
        "registry: "
            + registry.toAbsolutePath().normalize()
            + " (./stagecraft deployments lists every version)",
        deployed.get(1));
  }

  @Test
  void tpeWithPruningIsTheSearchOfBothVariantsAndTheSummarySaysSo() {
    StagecraftAdvancedMlPipeline.Result r =
        small().searchSpace(WEAK_B).nTrials(12).searchMethod("tpe").pruning(true).run();

    assertEquals(RunStatus.SUCCEEDED, r.status(), r.runResult().toString());
    for (VariantModel v : r.train()) {
      List<TrialRecord> history = v.model().history();
      assertEquals(v.variant().equals("a") ? 12 : 24, history.size(), v.variant());
      history.forEach(t -> assertEquals("tpe", t.method()));
      long pruned = history.stream().filter(t -> !t.complete()).count();
      String trials =
          history.size() + " tpe trials" + (pruned > 0 ? ", " + pruned + " pruned" : "") + ")";
      assertTrue(v.summaryLines().get(0).contains(" over " + trials), v.summaryLines().get(0));
    }
    assertTrue(
        r.train().stream().anyMatch(v -> v.model().history().stream().anyMatch(t -> !t.complete())),
        "some trial is pruned");
  }

  @Test
  void searchSpaceOverridesAreChecked() {
    assertEquals(
        "unknown model type 'random_forrest' (did you mean 'random_forest'?); valid: "
            + "[logistic_regression, random_forest, gradient_boosting, svm]",
        assertThrows(
                TrainingConfigException.class,
                () -> VariantConfigs.all(1, 2, 42, List.of("random_forrest.n_estimators=10:20")))
            .getMessage());
    assertEquals(
        "searchSpace names model type 'svm', which no variant trains; use one of "
            + "[logistic_regression, random_forest, gradient_boosting]",
        assertThrows(
                TrainingConfigException.class,
                () -> VariantConfigs.all(1, 2, 42, List.of("svm.C=0.1:10:log")))
            .getMessage());
    assertEquals(
        "searchSpace entry 'random_forest' is not MODEL.HYPERPARAMETER=VALUES; write e.g."
            + " random_forest.n_estimators=20:80 or random_forest.max_depth=6|9|12",
        assertThrows(
                TrainingConfigException.class,
                () -> VariantConfigs.all(1, 2, 42, List.of("random_forest")))
            .getMessage());
    assertEquals(
        "searchSpace entry 'random_forest.max_depth=2:9:lin': a range is MIN:MAX or MIN:MAX:log,"
            + " not '2:9:lin'",
        assertThrows(
                TrainingConfigException.class,
                () -> VariantConfigs.all(1, 2, 42, List.of("random_forest.max_depth=2:9:lin")))
            .getMessage());
    List<?> b = VariantConfigs.of("b", 3, 2, 42, List.of("random_forest.max_depth=6|9|12"));
    assertNotEquals(List.of(), b);
  }

  private static Deployment onlyVersion(List<TargetState> targets, String target) {
    assertEquals(1, targets.size(), targets.toString());
    TargetState state = targets.get(0);
    assertEquals(target, state.target());
    assertEquals(1, state.currentVersion());
    assertEquals(1, state.versions().size());
    return state.versions().get(0);
  }
}
