package dev.stagecraft.examples.advancedml;

import dev.stagecraft.annotations.Default;
import dev.stagecraft.annotations.DependsOn;
import dev.stagecraft.annotations.ForEach;
import dev.stagecraft.annotations.Input;
import dev.stagecraft.annotations.Item;
import dev.stagecraft.annotations.Param;
import dev.stagecraft.annotations.Pipeline;
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
import dev.stagecraft.runtime.components.data.CategoricalEncoder;
import dev.stagecraft.runtime.components.data.CsvSource;
import dev.stagecraft.runtime.components.data.DataException;
import dev.stagecraft.runtime.components.data.EncoderState;
import dev.stagecraft.runtime.components.data.ImputeStrategy;
import dev.stagecraft.runtime.components.data.OutlierMethod;
import dev.stagecraft.runtime.components.data.PreprocessOptions;
import dev.stagecraft.runtime.components.data.Preprocessor;
import dev.stagecraft.runtime.components.data.ScaleMethod;
import dev.stagecraft.runtime.components.data.TrainTestSplit;
import dev.stagecraft.runtime.components.data.UnknownCategory;
import dev.stagecraft.runtime.components.deploy.Deployment;
import dev.stagecraft.runtime.components.deploy.ModelRegistry;
import dev.stagecraft.runtime.components.train.ClassificationMetrics;
import dev.stagecraft.runtime.components.train.DataSummary;
import dev.stagecraft.runtime.components.train.HyperparameterSearch;
import dev.stagecraft.runtime.components.train.LabeledData;
import dev.stagecraft.runtime.components.train.ModelTraining;
import dev.stagecraft.runtime.components.train.SearchStrategy;
import dev.stagecraft.runtime.components.train.TableDatasets;
import dev.stagecraft.runtime.components.train.TrainedModel;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import dev.stagecraft.runtime.components.train.TrainingOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The advanced ML pipeline, the main job: load a classification CSV, check its quality, preprocess
 * it (fitted on the training split only), train two variants in parallel with a hyperparameter
 * search (a: logistic regression; b: random forest and gradient boosting, the better kept), A/B
 * test them with McNemar's test, and deploy a model to the registry in every run:
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
 * <p>{@code inputDataPath} empty (the default) means the bundled breast cancer data set (the
 * runtime's classpath resource {@code dev/stagecraft/data/breast_cancer.csv}, copied to the stage's
 * scratch directory). The {@code load} stage also checks every setting, and {@code preprocess}
 * every property of the data training needs (two classes or more, numeric features, enough rows per
 * class for the folds), so bad input fails in seconds, before any training. The registry is {@code
 * registryDir}, by default {@code STORE/registry} of the store the run is recorded in ({@code
 * StageContext.storeDirectory()}: {@code --store}, {@code $STAGECRAFT_HOME} or {@code
 * .stagecraft}); {@code load} checks that it can be written. Models deploy to the targets of the
 * model {@code modelName}, by default the pipeline's name and the data set's ({@code
 * advanced-ml-breast_cancer}), so runs on different data never share a {@code production}.
 */
@Pipeline(
    description =
        "Preprocess a CSV, train two model variants, A/B test them, deploy the best model")
@Resources(cpu = "1", memory = "1Gi")
public class AdvancedMlPipeline {
  /** The bundled data set's classpath resource. */
  public static final String BUNDLED_DATA = "dev/stagecraft/data/breast_cancer.csv";

  static final String BUNDLED = "";
  static final String TARGET = "diagnosis";
  static final String TEST_SIZE = "0.2";
  static final String N_TRIALS = "8";
  static final String FOLDS = "3";
  static final String SEED = "42";
  static final String SEARCH_SPACE = "";
  static final String SEARCH_METHOD = "random";
  static final String PRUNING = "false";
  static final String SIGNIFICANCE = "0.05";
  static final String MIN_IMPROVEMENT = "0.02";
  static final String ENABLE_AB = "true";
  static final String REGISTRY = "";
  static final String MODEL_NAME = "";
  static final String SEPARATOR = ",";
  static final String MAX_CATEGORIES = "50";

  /** How the summary and the report name the bundled data set. */
  static final String BUNDLED_LABEL = "bundled breast cancer data";

  /** The data set name of the bundled data, in default model names and deployment records. */
  static final String BUNDLED_NAME = "breast_cancer";

  /** The A/B confidence above which the selected model goes to production. */
  static final double PRODUCTION_CONFIDENCE = 0.8;

  /**
   * Reads the CSV and checks every setting (model types, hyperparameter names and values, the test
   * size, the A/B thresholds) before anything long starts.
   */
  @Stage(type = StageType.INGESTION, description = "Read the CSV and check the settings")
  public Table load(
      @Param(
              value = "inputDataPath",
              description = "The CSV; empty: the bundled breast cancer data")
          @Default(BUNDLED)
          Path inputDataPath,
      @Param(value = "testSize", description = "Fraction of rows held out for testing")
          @Default(TEST_SIZE)
          double testSize,
      @Param(value = "nTrials", description = "Hyperparameter search trials per model type")
          @Default(N_TRIALS)
          int nTrials,
      @Param(value = "folds", description = "Cross-validation folds") @Default(FOLDS) int folds,
      @Param(value = "seed", description = "Seed of the split, the folds and the trainers")
          @Default(SEED)
          long seed,
      @Param(
              value = "searchSpace",
              description =
                  "Overrides, e.g. random_forest.max_depth=4:10 or random_forest.max_depth=6|9|12")
          @Default(SEARCH_SPACE)
          List<String> searchSpace,
      @Param(value = "searchMethod", description = "Hyperparameter search: random, grid or tpe")
          @Default(SEARCH_METHOD)
          String searchMethod,
      @Param(value = "significance", description = "A/B significance threshold")
          @Default(SIGNIFICANCE)
          double significance,
      @Param(value = "minImprovement", description = "A/B minimum accuracy gain")
          @Default(MIN_IMPROVEMENT)
          double minImprovement,
      @Param(value = "registryDir", description = "The model registry; empty: STORE/registry")
          @Default(REGISTRY)
          Path registryDir,
      @Param(
              value = "modelName",
              description = "The registry's model; empty: the pipeline and data set names")
          @Default(MODEL_NAME)
          String modelName,
      @Param(value = "separator", description = "The CSV's field separator: one character or tab")
          @Default(SEPARATOR)
          String separator,
      StageContext ctx) {
    char sep = CsvSource.separator("separator", separator);
    new TrainTestSplit(testSize, seed, null);
    VariantConfigs.all(nTrials, folds, seed, searchSpace);
    SearchStrategy.fromId(searchMethod);
    new AbTestOptions(significance, minImprovement, SignificanceTest.MCNEMAR);
    ModelRegistry.checkName("model", model(modelName, inputDataPath, ctx));
    registry(registryDir, ctx).checkWritable();
    Path csv = inputDataPath.toString().isEmpty() ? bundledData(ctx.scratchDir()) : inputDataPath;
    Table table = new CsvSource(CsvSource.Options.defaults().withSeparator(sep)).read(csv);
    Optional<Character> other = CsvSource.otherSeparator(table, sep);
    if (other.isPresent()) {
      String name = table.column(0).name();
      String shown = other.get() == '\t' ? "tab" : String.valueOf(other.get());
      throw new DataException(
          csv
              + ": the header has one column '"
              + (name.length() > 60 ? name.substring(0, 57) + "..." : name)
              + "': is the separator '"
              + shown
              + "'? set -p 'separator="
              + shown
              + "'");
    }
    ctx.logger().info("read {}: {} rows x {} columns", csv, table.rowCount(), table.columnCount());
    return table;
  }

  /**
   * A data-quality gate that stops a bad data set before any training: too many missing feature
   * values, or a class too rare to learn. Production skips it (built-in rule {@code
   * skip-validation-in-production}): data reaching production was checked on its way there.
   */
  @Stage(
      type = StageType.VALIDATION,
      description = "Data-quality gate: missing values and the rarest class's share")
  public DataQuality dataQuality(
      @Input("load") Table data,
      @Param(value = "targetColumn", description = "The class column") @Default(TARGET)
          String targetColumn,
      @Param(
              value = "maxMissingFraction",
              description = "Most missing feature cells allowed, as a fraction of all of them")
          @Default("0.2")
          double maxMissingFraction,
      @Param(
              value = "minClassFraction",
              description = "Least fraction of the rows the rarest class must have")
          @Default("0.05")
          double minClassFraction,
      StageContext ctx) {
    requireTarget(data, targetColumn);
    DataQuality quality = DataQuality.of(data, targetColumn, maxMissingFraction, minClassFraction);
    ctx.metric("missing_fraction", quality.missingFraction());
    ctx.metric("rarest_class_fraction", quality.rarestClassFraction());
    return quality;
  }

  /**
   * Splits the rows (stratified by the target, seeded), fits the preprocessing on the training
   * split only and applies it to both, and checks that training can run on the result.
   */
  @Stage(
      type = StageType.PREPROCESSING,
      cache = true,
      description = "Stratified split; impute, scale, interactions, cap fitted on the train split")
  public PreparedData preprocess(
      @Input("load") Table data,
      @Param(value = "targetColumn", description = "The class column") @Default(TARGET)
          String targetColumn,
      @Param(value = "impute", description = "NONE, MEAN, MEDIAN, MOST_FREQUENT, CONSTANT or KNN")
          @Default("MEDIAN")
          ImputeStrategy impute,
      @Param(value = "scale", description = "NONE, STANDARD, ROBUST or MINMAX") @Default("STANDARD")
          ScaleMethod scale,
      @Param(value = "interactions", description = "Add a_x_b for |r| above this; 0: none")
          @Default("0")
          double interactions,
      @Param(value = "capOutliers", description = "NONE or IQR") @Default("NONE")
          OutlierMethod capOutliers,
      @Param(value = "iqrFactor", description = "IQR factor of outlier capping") @Default("1.5")
          double iqrFactor,
      @Param(value = "testSize", description = "Fraction of rows held out for testing")
          @Default(TEST_SIZE)
          double testSize,
      @Param(value = "folds", description = "Cross-validation folds") @Default(FOLDS) int folds,
      @Param(value = "seed", description = "Seed of the split, the folds and the trainers")
          @Default(SEED)
          long seed,
      @Param(
              value = "maxCategories",
              description = "Most distinct values a text feature may have (it is one-hot encoded)")
          @Default(MAX_CATEGORIES)
          int maxCategories,
      @Param(
              value = "inputDataPath",
              description = "The CSV; empty: the bundled breast cancer data")
          @Default(BUNDLED)
          Path inputDataPath,
      StageContext ctx) {
    requireTarget(data, targetColumn);
    if (interactions < 0 || interactions >= 1) {
      throw new DataException(
          "interactions "
              + interactions
              + " must be in [0, 1): the |Pearson r| above which a"
              + " feature pair gets a product column, 0 for none");
    }
    PreprocessOptions options =
        PreprocessOptions.defaults()
            .withTarget(targetColumn)
            .withImpute(impute)
            .withScale(scale)
            .withInteractions(interactions > 0 ? interactions : null)
            .withCapOutliers(capOutliers)
            .withIqrFactor(iqrFactor);
    String steps =
        "impute "
            + impute
            + ", scale "
            + scale
            + (interactions > 0 ? ", interactions above |r| " + interactions : "")
            + (capOutliers != OutlierMethod.NONE ? ", cap outliers IQR x " + iqrFactor : "");
    return prepare(
        data,
        targetColumn,
        options,
        steps,
        testSize,
        folds,
        seed,
        maxCategories,
        source(inputDataPath),
        ctx);
  }

  /**
   * The stratified split with {@code options} fitted on the training rows and applied to both, and
   * the checks training needs; with no steps in {@code options}, the data as given.
   */
  static PreparedData prepare(
      Table data,
      String targetColumn,
      PreprocessOptions options,
      String steps,
      double testSize,
      int folds,
      long seed,
      int maxCategories,
      String source,
      StageContext ctx) {
    TrainTestSplit.Split split = new TrainTestSplit(testSize, seed, targetColumn).split(data);
    Preprocessor.Result fitted = new Preprocessor(options).fitTransform(split.train());
    EncoderState encoder =
        new CategoricalEncoder(targetColumn, UnknownCategory.IGNORE, maxCategories)
            .fit(fitted.table());
    Table train = encoder.transform(fitted.table());
    Table test = encoder.transform(fitted.state().transform(split.test()));
    LabeledData labeled = TableDatasets.forTraining(train, targetColumn);
    LabeledData heldOut = TableDatasets.forEvaluation(test, targetColumn, labeled.featureNames());
    HyperparameterSearch.check(
        labeled, TrainingConfig.defaults("logistic_regression").withFolds(folds));
    String allSteps =
        steps
            + encoder.columns().stream()
                .map(c -> ", one-hot " + c.column() + " (" + c.categories().size() + " values)")
                .collect(Collectors.joining());
    ctx.logger()
        .info(
            "prepared {} train and {} test rows ({})", train.rowCount(), test.rowCount(), allSteps);
    DataSummary summary = DataSummary.of(source, labeled, heldOut, allSteps);
    List<String> features = labeled.featureNames();
    return new PreparedData(
        summary,
        PreparedData.featureRows(train, features),
        train.column(targetColumn).asList().stream().map(String::valueOf).toList(),
        PreparedData.featureRows(test, features),
        test.column(targetColumn).asList().stream().map(String::valueOf).toList(),
        fitted.report());
  }

  /** How the summary and the report name the data set. */
  private static String source(Path inputDataPath) {
    return inputDataPath.toString().isEmpty() ? BUNDLED_LABEL : inputDataPath.toString();
  }

  /**
   * Trains one variant: a hyperparameter search per model type with stratified k-fold
   * cross-validation on the training split; the best refitted and scored on the test split. When
   * the plan excluded {@code preprocess} (the data is already preprocessed), it splits the data as
   * given.
   */
  @Stage(
      type = StageType.TRAINING,
      description = "Hyperparameter search, best model scored on test")
  @ForEach(items = {"a", "b"})
  @DependsOn("dataQuality")
  public VariantModel train(
      @Input("preprocess") Optional<PreparedData> prepared,
      @Input("load") Table raw,
      @Param(value = "targetColumn", description = "The class column") @Default(TARGET)
          String targetColumn,
      @Param(value = "testSize", description = "Fraction of rows held out for testing")
          @Default(TEST_SIZE)
          double testSize,
      @Item String variant,
      @Param(value = "nTrials", description = "Hyperparameter search trials per model type")
          @Default(N_TRIALS)
          int nTrials,
      @Param(value = "folds", description = "Cross-validation folds") @Default(FOLDS) int folds,
      @Param(value = "seed", description = "Seed of the split, the folds and the trainers")
          @Default(SEED)
          long seed,
      @Param(
              value = "searchSpace",
              description =
                  "Overrides, e.g. random_forest.max_depth=4:10 or random_forest.max_depth=6|9|12")
          @Default(SEARCH_SPACE)
          List<String> searchSpace,
      @Param(value = "searchMethod", description = "Hyperparameter search: random, grid or tpe")
          @Default(SEARCH_METHOD)
          String searchMethod,
      @Param(value = "pruning", description = "Stop trials below the median after a fold")
          @Default(PRUNING)
          boolean pruning,
      @Param(
              value = "maxCategories",
              description = "Most distinct values a text feature may have (it is one-hot encoded)")
          @Default(MAX_CATEGORIES)
          int maxCategories,
      @Param(
              value = "inputDataPath",
              description = "The CSV; empty: the bundled breast cancer data")
          @Default(BUNDLED)
          Path inputDataPath,
      StageContext ctx) {
    PreparedData data =
        prepared.orElseGet(
            () ->
                prepare(
                    raw,
                    targetColumn,
                    PreprocessOptions.defaults().withTarget(targetColumn),
                    "as given",
                    testSize,
                    folds,
                    seed,
                    maxCategories,
                    source(inputDataPath),
                    ctx));
    SearchStrategy method = SearchStrategy.fromId(searchMethod);
    List<TrainingConfig> configs =
        VariantConfigs.of(variant, nTrials, folds, seed, searchSpace).stream()
            .map(c -> c.withStrategy(method).withPruning(pruning))
            .toList();
    int total = configs.size() * nTrials;
    TrainingOptions options =
        TrainingOptions.sequential()
            .withParallelism(ctx.parallelism())
            .withProgress(ctx::progress, TrainingOptions.DEFAULT_PROGRESS_EVERY)
            .withOnTrial(
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
    TrainedModel model = ModelTraining.train(data.train(), data.test(), configs, options);
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
      @Param(value = "enableAbTesting", description = "A/B test the variants") @Default(ENABLE_AB)
          boolean enableAbTesting,
      @Param(value = "significance", description = "A/B significance threshold")
          @Default(SIGNIFICANCE)
          double significance,
      @Param(value = "minImprovement", description = "A/B minimum accuracy gain")
          @Default(MIN_IMPROVEMENT)
          double minImprovement,
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
  @When("abTest.confidence > 0.8")
  public DeployedModel deployWinner(
      @Input("abTest") AbDecision decision,
      @Input("train") List<VariantModel> models,
      @Param(value = "registryDir", description = "The model registry; empty: STORE/registry")
          @Default(REGISTRY)
          Path registryDir,
      @Param(
              value = "modelName",
              description = "The registry's model; empty: the pipeline and data set names")
          @Default(MODEL_NAME)
          String modelName,
      @Param(
              value = "inputDataPath",
              description = "The CSV; empty: the bundled breast cancer data")
          @Default(BUNDLED)
          Path inputDataPath,
      StageContext ctx) {
    return deploy(
        selected(decision, models),
        "production",
        new Destination(registryDir, modelName, inputDataPath),
        ctx,
        String.format(
            "A/B confidence %.4f > %.1f (%s)",
            decision.confidence(), PRODUCTION_CONFIDENCE, decision.explanation()));
  }

  /** Deploys the A/B-selected model to staging: the test is not confident enough for production. */
  @Stage(type = StageType.DEPLOYMENT, description = "A/B selection to staging when not confident")
  @When("enableAbTesting && abTest.confidence <= 0.8")
  public DeployedModel deployStaging(
      @Input("abTest") AbDecision decision,
      @Input("train") List<VariantModel> models,
      @Param(value = "registryDir", description = "The model registry; empty: STORE/registry")
          @Default(REGISTRY)
          Path registryDir,
      @Param(
              value = "modelName",
              description = "The registry's model; empty: the pipeline and data set names")
          @Default(MODEL_NAME)
          String modelName,
      @Param(
              value = "inputDataPath",
              description = "The CSV; empty: the bundled breast cancer data")
          @Default(BUNDLED)
          Path inputDataPath,
      StageContext ctx) {
    return deploy(
        selected(decision, models),
        "staging",
        new Destination(registryDir, modelName, inputDataPath),
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
      @Param(value = "registryDir", description = "The model registry; empty: STORE/registry")
          @Default(REGISTRY)
          Path registryDir,
      @Param(
              value = "modelName",
              description = "The registry's model; empty: the pipeline and data set names")
          @Default(MODEL_NAME)
          String modelName,
      @Param(
              value = "inputDataPath",
              description = "The CSV; empty: the bundled breast cancer data")
          @Default(BUNDLED)
          Path inputDataPath,
      StageContext ctx) {
    VariantModel best =
        models.stream()
            .max(Comparator.comparingDouble((VariantModel m) -> m.model().cvScore()))
            .orElseThrow();
    return deploy(
        best,
        "production",
        new Destination(registryDir, modelName, inputDataPath),
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

  /** Where a deployment stage deploys: the registry, the model's name, the data set. */
  private record Destination(Path registryDir, String modelName, Path inputDataPath) {}

  private static DeployedModel deploy(
      VariantModel model, String target, Destination to, StageContext ctx, String why) {
    ModelRegistry registry = registry(to.registryDir(), ctx);
    Deployment deployment =
        registry.deploy(
            model.model(),
            model(to.modelName(), to.inputDataPath(), ctx),
            target,
            model.instance(),
            dataSet(to.inputDataPath()),
            ctx);
    ctx.logger()
        .info(
            "deployed {} to {} of model {} as version {}",
            model.variant(),
            target,
            deployment.model(),
            deployment.version());
    ctx.metric("version", deployment.version());
    ctx.metric("accuracy", model.accuracy());
    return new DeployedModel(model.variant(), deployment, registry.directory().toString(), why);
  }

  /** {@code registryDir}, or the registry of the run's store when it is empty. */
  private static ModelRegistry registry(Path registryDir, StageContext ctx) {
    return registryDir.toString().isEmpty()
        ? ModelRegistry.of(ctx)
        : new ModelRegistry(registryDir);
  }

  /** {@code modelName}, or the pipeline's name and the data set's: {@code advanced-ml-iris}. */
  static String model(String modelName, Path inputDataPath, StageContext ctx) {
    if (!modelName.isEmpty()) {
      return modelName;
    }
    String data =
        inputDataPath.toString().isEmpty()
            ? BUNDLED_NAME
            : String.valueOf(inputDataPath.getFileName()).replaceFirst("\\.[^.]*$", "");
    return ModelRegistry.safeName(ctx.pipelineName() + "-" + data);
  }

  /** The data set as deployment records name it: the CSV's absolute path, or the bundled one. */
  static String dataSet(Path inputDataPath) {
    return inputDataPath.toString().isEmpty()
        ? "bundled " + BUNDLED_NAME + ".csv"
        : inputDataPath.toAbsolutePath().normalize().toString();
  }

  /** Fails when the target column is not in the data, suggesting the closest column. */
  private static void requireTarget(Table data, String targetColumn) {
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
