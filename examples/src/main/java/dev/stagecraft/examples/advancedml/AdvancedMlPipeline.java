package dev.stagecraft.examples.advancedml;

import dev.stagecraft.annotations.Default;
import dev.stagecraft.annotations.ForEach;
import dev.stagecraft.annotations.Input;
import dev.stagecraft.annotations.Item;
import dev.stagecraft.annotations.NotEmpty;
import dev.stagecraft.annotations.OneOf;
import dev.stagecraft.annotations.Param;
import dev.stagecraft.annotations.Parameters;
import dev.stagecraft.annotations.Pipeline;
import dev.stagecraft.annotations.Range;
import dev.stagecraft.annotations.Resources;
import dev.stagecraft.annotations.Stage;
import dev.stagecraft.annotations.StageType;
import dev.stagecraft.annotations.When;
import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.components.abtest.AbTest;
import dev.stagecraft.runtime.components.abtest.AbTestOptions;
import dev.stagecraft.runtime.components.abtest.AbTestResult;
import dev.stagecraft.runtime.components.abtest.SignificanceTest;
import dev.stagecraft.runtime.components.data.CsvSource;
import dev.stagecraft.runtime.components.data.DataException;
import dev.stagecraft.runtime.components.data.ImputeStrategy;
import dev.stagecraft.runtime.components.data.OutlierMethod;
import dev.stagecraft.runtime.components.data.PreprocessOptions;
import dev.stagecraft.runtime.components.data.Preprocessor;
import dev.stagecraft.runtime.components.data.ScaleMethod;
import dev.stagecraft.runtime.components.data.TrainTestSplit;
import dev.stagecraft.runtime.components.deploy.Deployment;
import dev.stagecraft.runtime.components.deploy.ModelRegistry;
import dev.stagecraft.runtime.components.train.ClassificationMetrics;
import dev.stagecraft.runtime.components.train.LabeledData;
import dev.stagecraft.runtime.components.train.ModelTraining;
import dev.stagecraft.runtime.components.train.SearchStrategy;
import dev.stagecraft.runtime.components.train.TableDatasets;
import dev.stagecraft.runtime.components.train.TrainedModel;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The advanced ML pipeline, the main job: load a classification CSV, preprocess it (fitted on the
 * training split only), train two variants in parallel with a hyperparameter search (a: logistic
 * regression; b: random forest and gradient boosting, the better kept), A/B test them with
 * McNemar's test, and deploy a model to the registry in every run:
 *
 * <ul>
 *   <li>{@code deployWinner}: the A/B-selected model to {@code production} when the test is
 *       confident ({@code abTest.confidence > 0.8}: significant and meaningful);
 *   <li>{@code deployStaging}: the A/B-selected model to {@code staging} when it is not (on ~114
 *       test rows two good models rarely differ significantly), so the run still deploys its best
 *       model somewhere and says why;
 *   <li>{@code deploySingle}: with A/B testing off, the variant with the better cross-validation
 *       score to {@code production}.
 * </ul>
 *
 * <p>Every parameter is declared once, with its checks, in {@link Params}: bad settings are
 * reported together before any stage runs. {@code preprocess} checks what only the data can tell
 * (the target column, two classes or more, numeric features) and {@code train} that each class has
 * enough rows for the folds, before any trial. {@code inputDataPath} empty (the default) means the
 * bundled breast cancer data set (the runtime's classpath resource {@code
 * dev/stagecraft/data/breast_cancer.csv}, copied to the stage's scratch directory). The registry is
 * {@code registryDir}, by default {@code STORE/registry} of the store the run is recorded in
 * ({@code StageContext.storeDirectory()}: {@code --store}, {@code $STAGECRAFT_HOME} or {@code
 * .stagecraft}).
 */
@Pipeline(
    description =
        "Preprocess a CSV, train two model variants, A/B test them, deploy the best model")
@Resources(cpu = "1", memory = "1Gi")
public class AdvancedMlPipeline {
  /** The bundled data set's classpath resource. */
  public static final String BUNDLED_DATA = "dev/stagecraft/data/breast_cancer.csv";

  /** The A/B confidence above which the selected model goes to production. */
  static final double PRODUCTION_CONFIDENCE = 0.8;

  /**
   * The pipeline's parameters, each declared once: type, default, description and checks. They are
   * checked before any stage runs, the search space by this record's constructor.
   */
  @Parameters
  record Params(
      // the data
      @Param(description = "The CSV; empty: the bundled breast cancer data") @Default("")
          Path inputDataPath,
      @Param(description = "The class column") @Default("diagnosis") @NotEmpty String targetColumn,
      @Param(description = "Fraction of rows held out for testing")
          @Default("0.2")
          @Range(min = 0, max = 1, minExclusive = true, maxExclusive = true)
          double testSize,
      @Param(description = "Seed of the split, the folds and the trainers") @Default("42")
          long seed,
      // preprocessing, fitted on the training split
      @Param(description = "NONE, MEAN, MEDIAN, MOST_FREQUENT, CONSTANT or KNN") @Default("MEDIAN")
          ImputeStrategy impute,
      @Param(description = "NONE, STANDARD, ROBUST or MINMAX") @Default("STANDARD")
          ScaleMethod scale,
      @Param(description = "Add a_x_b for |r| above this; 0: none")
          @Default("0")
          @Range(min = 0, max = 1, maxExclusive = true)
          double interactions,
      @Param(description = "NONE or IQR") @Default("NONE") OutlierMethod capOutliers,
      @Param(description = "IQR factor of outlier capping") @Default("1.5") @Range(min = 0)
          double iqrFactor,
      // training
      @Param(description = "Hyperparameter search trials per model type")
          @Default("8")
          @Range(min = 1)
          int nTrials,
      @Param(description = "Cross-validation folds") @Default("3") @Range(min = 2) int folds,
      @Param(
              description =
                  "Overrides, e.g. random_forest.max_depth=4:10 or random_forest.criterion=gini|entropy")
          @Default("")
          List<String> searchSpace,
      @Param(description = "Hyperparameter search: random, grid or tpe")
          @Default("random")
          @OneOf({"random", "grid", "tpe"})
          String searchMethod,
      @Param(description = "Stop trials below the median after a fold") @Default("false")
          boolean pruning,
      // the A/B test and the deployment
      @Param(description = "A/B test the variants") @Default("true") boolean enableAbTesting,
      @Param(description = "A/B significance threshold")
          @Default("0.05")
          @Range(min = 0, max = 1, minExclusive = true, maxExclusive = true)
          double significance,
      @Param(description = "A/B minimum accuracy gain") @Default("0.02") @Range(min = 0, max = 1)
          double minImprovement,
      @Param(description = "The model registry; empty: STORE/registry") @Default("")
          Path registryDir) {

    /** What the annotations cannot check: the search space's model types and hyperparameters. */
    Params {
      VariantConfigs.checkSearchSpace(searchSpace);
    }
  }

  /** Reads the CSV: the bundled data set unless {@code inputDataPath} names one. */
  @Stage(type = StageType.INGESTION, description = "Read the CSV")
  public Table load(@Param("inputDataPath") Path inputDataPath, StageContext ctx) {
    Path csv = inputDataPath.toString().isEmpty() ? bundledData(ctx.scratchDir()) : inputDataPath;
    Table table = CsvSource.readCsv(csv);
    ctx.logger().info("read {}: {} rows x {} columns", csv, table.rowCount(), table.columnCount());
    return table;
  }

  /**
   * Splits the rows (stratified by the target, seeded), fits the preprocessing on the training
   * split only and applies it to both, and checks that a classifier can train on the result.
   */
  @Stage(
      type = StageType.PREPROCESSING,
      cache = true,
      description = "Stratified split; impute, scale, interactions, cap fitted on the train split")
  public PreparedData preprocess(
      @Input("load") Table data,
      @Param("targetColumn") String targetColumn,
      @Param("impute") ImputeStrategy impute,
      @Param("scale") ScaleMethod scale,
      @Param("interactions") double interactions,
      @Param("capOutliers") OutlierMethod capOutliers,
      @Param("iqrFactor") double iqrFactor,
      @Param("testSize") double testSize,
      @Param("seed") long seed,
      StageContext ctx) {
    if (!data.containsColumn(targetColumn)) {
      throw new DataException(
          "target column '"
              + targetColumn
              + "' is not in the data"
              + Suggestions.didYouMean(targetColumn, data.columnNames())
              + "; set targetColumn"
              + " to one of its columns: "
              + data.columnNames());
    }
    TrainTestSplit.Split split = new TrainTestSplit(testSize, seed, targetColumn).split(data);
    PreprocessOptions options =
        PreprocessOptions.defaults()
            .withTarget(targetColumn)
            .withImpute(impute)
            .withScale(scale)
            .withInteractions(interactions > 0 ? interactions : null)
            .withCapOutliers(capOutliers)
            .withIqrFactor(iqrFactor);
    Preprocessor.Result fitted = new Preprocessor(options).fitTransform(split.train());
    Table train = fitted.table();
    Table test = fitted.state().transform(split.test());
    LabeledData labeled = TableDatasets.forTraining(train, targetColumn);
    TableDatasets.forEvaluation(test, targetColumn, labeled.featureNames());
    String steps =
        "impute "
            + impute
            + ", scale "
            + scale
            + (interactions > 0 ? ", interactions above |r| " + interactions : "")
            + (capOutliers != OutlierMethod.NONE ? ", cap outliers IQR x " + iqrFactor : "");
    ctx.logger()
        .info("prepared {} train and {} test rows ({})", train.rowCount(), test.rowCount(), steps);
    List<String> features = labeled.featureNames();
    return new PreparedData(
        targetColumn,
        features,
        labeled.labels(),
        PreparedData.featureRows(train, features),
        train.column(targetColumn).asList().stream().map(String::valueOf).toList(),
        PreparedData.featureRows(test, features),
        test.column(targetColumn).asList().stream().map(String::valueOf).toList(),
        steps,
        fitted.report());
  }

  /**
   * Trains one variant: a hyperparameter search per model type with stratified k-fold
   * cross-validation on the training split; the best refitted and scored on the test split.
   */
  @Stage(
      type = StageType.TRAINING,
      description = "Hyperparameter search, best model scored on test")
  @ForEach(items = {"a", "b"})
  public VariantModel train(
      @Input("preprocess") PreparedData data,
      @Item String variant,
      @Param("nTrials") int nTrials,
      @Param("folds") int folds,
      @Param("seed") long seed,
      @Param("searchSpace") List<String> searchSpace,
      @Param("searchMethod") String searchMethod,
      @Param("pruning") boolean pruning,
      StageContext ctx) {
    SearchStrategy method = SearchStrategy.fromId(searchMethod);
    List<TrainingConfig> configs =
        VariantConfigs.of(variant, nTrials, folds, seed, searchSpace).stream()
            .map(c -> c.withStrategy(method).withPruning(pruning))
            .toList();
    LabeledData train = TableDatasets.forTraining(data.toTrainTable(), data.target());
    LabeledData test =
        TableDatasets.forEvaluation(data.toTestTable(), data.target(), train.featureNames());
    int total = configs.size() * nTrials;
    TrainedModel model =
        ModelTraining.train(
            train,
            test,
            configs,
            trial ->
                ctx.logger()
                    .info(
                        "variant {} trial {}/{}: {} cv {}{} {}",
                        variant,
                        trial.trial() + 1,
                        total,
                        trial.modelType(),
                        String.format("%.4f", trial.meanScore()),
                        trial.complete()
                            ? ""
                            : " (pruned after " + trial.foldScores().size() + " folds)",
                        trial.params()));
    ClassificationMetrics m = model.testMetrics();
    ctx.metric("accuracy", m.accuracy());
    ctx.metric("precision", m.precision());
    ctx.metric("recall", m.recall());
    ctx.metric("f1", m.f1());
    ctx.metric("cv_score", model.cvScore());
    if (m.rocAuc() != null) {
      ctx.metric("roc_auc", m.rocAuc());
    }
    return new VariantModel(variant, ctx.instanceName(), model);
  }

  /** McNemar's test between the two variants on the same test rows. */
  @Stage(type = StageType.EVALUATION, description = "McNemar's test between variants a and b")
  @When("enableAbTesting")
  public AbDecision abTest(
      @Input("train") List<VariantModel> models,
      @Param("significance") double significance,
      @Param("minImprovement") double minImprovement,
      StageContext ctx) {
    AbTestOptions options =
        new AbTestOptions(significance, minImprovement, SignificanceTest.MCNEMAR);
    AbTestResult result = AbTest.compare(models.get(0).model(), models.get(1).model(), options);
    VariantModel selected = models.get(result.selectedIndex());
    ctx.metric("p_value", result.pValue());
    ctx.metric("confidence", result.confidence());
    ctx.metric("improvement", result.improvement());
    return new AbDecision(
        selected.variant(),
        selected.model().modelType(),
        result.confidence(),
        result.pValue(),
        significance,
        minImprovement,
        result);
  }

  /** Deploys the A/B-selected model to production: the test is confident. */
  @Stage(type = StageType.DEPLOYMENT, description = "A/B winner to production")
  @When("abTest.confidence > " + PRODUCTION_CONFIDENCE)
  public DeployedModel deployWinner(
      @Input("abTest") AbDecision decision,
      @Input("train") List<VariantModel> models,
      @Param("registryDir") Path registryDir,
      StageContext ctx) {
    return deploy(
        selected(decision, models),
        "production",
        registryDir,
        ctx,
        String.format(
            "A/B confidence %.4f > %.1f (%s)",
            decision.confidence(), PRODUCTION_CONFIDENCE, decision.explanation()));
  }

  /** Deploys the A/B-selected model to staging: the test is not confident enough for production. */
  @Stage(type = StageType.DEPLOYMENT, description = "A/B selection to staging when not confident")
  @When("enableAbTesting && abTest.confidence <= " + PRODUCTION_CONFIDENCE)
  public DeployedModel deployStaging(
      @Input("abTest") AbDecision decision,
      @Input("train") List<VariantModel> models,
      @Param("registryDir") Path registryDir,
      StageContext ctx) {
    return deploy(
        selected(decision, models),
        "staging",
        registryDir,
        ctx,
        String.format(
            "A/B confidence %.4f <= %.1f (%s); production is left as it was",
            decision.confidence(), PRODUCTION_CONFIDENCE, decision.explanation()));
  }

  /** Deploys the variant with the better cross-validation score: A/B testing is off. */
  @Stage(
      type = StageType.DEPLOYMENT,
      description = "Best variant by cross-validation to production")
  @When("!enableAbTesting")
  public DeployedModel deploySingle(
      @Input("train") List<VariantModel> models,
      @Param("registryDir") Path registryDir,
      StageContext ctx) {
    VariantModel best =
        models.stream()
            .max(Comparator.comparingDouble((VariantModel m) -> m.model().cvScore()))
            .orElseThrow();
    return deploy(
        best,
        "production",
        registryDir,
        ctx,
        String.format(
            "A/B testing is off; variant %s has the better cross-validation %s (%.4f)",
            best.variant(), best.model().metric(), best.model().cvScore()));
  }

  private static VariantModel selected(AbDecision decision, List<VariantModel> models) {
    return models.stream()
        .filter(m -> m.variant().equals(decision.selectedVariant()))
        .findFirst()
        .orElseThrow();
  }

  private static DeployedModel deploy(
      VariantModel model, String target, Path registryDir, StageContext ctx, String why) {
    ModelRegistry registry =
        registryDir.toString().isEmpty() ? ModelRegistry.of(ctx) : new ModelRegistry(registryDir);
    Deployment deployment = registry.deploy(model.model(), target, ctx.runId(), model.instance());
    ctx.logger()
        .info("deployed {} to {} as version {}", model.variant(), target, deployment.version());
    ctx.metric("version", deployment.version());
    ctx.metric("accuracy", model.accuracy());
    return new DeployedModel(model.variant(), deployment, registry.directory().toString(), why);
  }

  /** Copies the bundled data set into {@code dir} and returns the copy. */
  static Path bundledData(Path dir) {
    Path file = dir.resolve("breast_cancer.csv");
    try (InputStream in =
        AdvancedMlPipeline.class.getClassLoader().getResourceAsStream(BUNDLED_DATA)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled data set " + BUNDLED_DATA + " is missing from the class path");
      }
      Files.createDirectories(dir);
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
