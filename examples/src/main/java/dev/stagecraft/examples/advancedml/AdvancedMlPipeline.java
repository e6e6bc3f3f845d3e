package dev.stagecraft.examples.advancedml;

import dev.stagecraft.annotations.Default;
import dev.stagecraft.annotations.DependsOn;
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
 * <p>Every parameter is declared once, with its checks, in {@link Params}: bad settings are
 * reported together before any stage runs. {@code preprocess} checks what only the data can tell
 * (the target column, two classes or more, numeric features) and {@code train} that each class has
 * enough rows for the folds, before any trial. {@code inputDataPath} empty (the default) means the
 * bundled breast cancer data set (the runtime's classpath resource {@code
 * dev/stagecraft/data/breast_cancer.csv}, copied to the stage's scratch directory). The registry is
 * {@code registryDir}, by default {@code STORE/registry} of the store the run is recorded in
 * ({@code StageContext.storeDirectory()}: {@code --store}, {@code $STAGECRAFT_HOME} or {@code
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

  /** How the summary and the report name the bundled data set. */
  static final String BUNDLED_LABEL = "bundled breast cancer data";

  /** The data set name of the bundled data, in default model names and deployment records. */
  static final String BUNDLED_NAME = "breast_cancer";

  /** The A/B confidence above which the selected model goes to production. */
  static final double PRODUCTION_CONFIDENCE = 0.8;

  /**
   * The pipeline's parameters, each declared once: type, default, description and checks. They are
   * checked before any stage runs; the search space, the separator and the model name by this
   * record's constructor.
   */
  @Parameters
  record Params(
      // the data
      @Param(description = "The CSV; empty: the bundled breast cancer data") @Default("")
          Path inputDataPath,
      @Param(description = "The CSV's field separator: one character or tab") @Default(",")
          String separator,
      @Param(description = "The class column") @Default("diagnosis") @NotEmpty String targetColumn,
      @Param(description = "Fraction of rows held out for testing")
          @Default("0.2")
          @Range(min = 0, max = 1, minExclusive = true, maxExclusive = true)
          double testSize,
      @Param(description = "Seed of the split, the folds and the trainers") @Default("42")
          long seed,
      // the data-quality gate
      @Param(description = "Most missing feature cells allowed, as a fraction of all of them")
          @Default("0.2")
          @Range(min = 0, max = 1)
          double maxMissingFraction,
      @Param(description = "Least fraction of the rows the rarest class must have")
          @Default("0.05")
          @Range(min = 0, max = 1)
          double minClassFraction,
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
      @Param(description = "Most distinct values a text feature may have (it is one-hot encoded)")
          @Default("50")
          @Range(min = 1)
          int maxCategories,
      // training
      @Param(description = "Hyperparameter search trials per model type")
          @Default("8")
          @Range(min = 1)
          int nTrials,
      @Param(description = "Cross-validation folds") @Default("3") @Range(min = 2) int folds,
      @Param(
              description =
                  "Overrides, e.g. random_forest.max_depth=4:10 or random_forest.max_depth=6|9|12")
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
          Path registryDir,
      @Param(description = "The registry's model; empty: the pipeline and data set names")
          @Default("")
          String modelName) {

    /**
     * What the annotations cannot check: the search space's model types and hyperparameters, the
     * separator and the model name.
     */
    Params {
      VariantConfigs.checkSearchSpace(searchSpace);
      CsvSource.separator("separator", separator);
      if (!modelName.isEmpty()) {
        ModelRegistry.checkName("model", modelName);
      }
    }
  }

  /**
   * Reads the CSV (the bundled data set unless {@code inputDataPath} names one), after checking
   * that the model registry can be written, so a bad registry fails before any training.
   */
  @Stage(type = StageType.INGESTION, description = "Read the CSV")
  public Table load(
      @Param("inputDataPath") Path inputDataPath,
      @Param("separator") String separator,
      @Param("registryDir") Path registryDir,
      StageContext ctx) {
    registry(registryDir, ctx).checkWritable();
    char sep = CsvSource.separator("separator", separator);
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
      @Param("targetColumn") String targetColumn,
      @Param("maxMissingFraction") double maxMissingFraction,
      @Param("minClassFraction") double minClassFraction,
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
      @Param("targetColumn") String targetColumn,
      @Param("impute") ImputeStrategy impute,
      @Param("scale") ScaleMethod scale,
      @Param("interactions") double interactions,
      @Param("capOutliers") OutlierMethod capOutliers,
      @Param("iqrFactor") double iqrFactor,
      @Param("testSize") double testSize,
      @Param("seed") long seed,
      @Param("maxCategories") int maxCategories,
      @Param("inputDataPath") Path inputDataPath,
      StageContext ctx) {
    requireTarget(data, targetColumn);
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
        seed,
        maxCategories,
        source(inputDataPath),
        ctx);
  }

  /**
   * The stratified split with {@code options} fitted on the training rows and applied to both, text
   * features one-hot encoded, and the checks of the data training needs; with no steps in {@code
   * options}, the data as given.
   */
  static PreparedData prepare(
      Table data,
      String targetColumn,
      PreprocessOptions options,
      String steps,
      double testSize,
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
      @Item String variant,
      @Param("targetColumn") String targetColumn,
      @Param("testSize") double testSize,
      @Param("seed") long seed,
      @Param("maxCategories") int maxCategories,
      @Param("inputDataPath") Path inputDataPath,
      @Param("nTrials") int nTrials,
      @Param("folds") int folds,
      @Param("searchSpace") List<String> searchSpace,
      @Param("searchMethod") String searchMethod,
      @Param("pruning") boolean pruning,
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
      @Param("modelName") String modelName,
      @Param("inputDataPath") Path inputDataPath,
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
  @When("enableAbTesting && abTest.confidence <= " + PRODUCTION_CONFIDENCE)
  public DeployedModel deployStaging(
      @Input("abTest") AbDecision decision,
      @Input("train") List<VariantModel> models,
      @Param("registryDir") Path registryDir,
      @Param("modelName") String modelName,
      @Param("inputDataPath") Path inputDataPath,
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
      @Param("registryDir") Path registryDir,
      @Param("modelName") String modelName,
      @Param("inputDataPath") Path inputDataPath,
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
