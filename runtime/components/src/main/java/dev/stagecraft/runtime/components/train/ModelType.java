package dev.stagecraft.runtime.components.train;

import dev.stagecraft.annotations.syntax.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import libsvm.svm;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

/**
 * The model types training offers, each with its declared hyperparameters (names, valid values,
 * defaults), a default search space, and how it is fitted. Every model is a Tribuo model; the
 * learners work on the rows' primitive arrays ({@link LabeledData}): logistic regression by L-BFGS
 * ({@link LogisticRegression}), the forest and gradient boosting by XGBoost's histogram method
 * ({@link XGBoostFit}), the SVM by Tribuo's LibSVM trainer. Every fit is seeded, so the same
 * hyperparameters, data and seed give the same model, whatever the number of threads.
 */
public enum ModelType {
  /**
   * L2-regularized logistic regression by L-BFGS, as scikit-learn's {@code LogisticRegression}
   * (binary for two classes, multinomial for more), as Tribuo's linear classifier.
   */
  LOGISTIC_REGRESSION(
      "logistic_regression",
      List.of(
          Hyperparameter.real(
              "C", 1e-6, 1e6, 1.0, "inverse strength of the L2 penalty (smaller: simpler model)"),
          Hyperparameter.integer("max_iter", 1, 10_000, 100, "L-BFGS iterations at most")),
      Map.of("C", Domain.logReals(0.01, 10))) {
    /** scikit-learn's default tolerance on the largest gradient component. */
    private static final double TOLERANCE = 1e-4;

    @Override
    Model<Label> fit(Map<String, Object> p, long seed, LabeledData data, FitOptions options) {
      double[][] weights =
          LogisticRegression.fit(
              data, real(p, "C"), integer(p, "max_iter"), TOLERANCE, options.onStep());
      return LinearModels.logistic(data, weights, p);
    }

    @Override
    int steps(Map<String, Object> p) {
      return integer(p, "max_iter");
    }
  },

  /**
   * A random forest: XGBoost's random forest mode (one round of {@code n_estimators} trees grown in
   * parallel, each on a sample of the rows and at each split a sample of the features, their
   * predictions averaged), with the histogram tree method.
   */
  RANDOM_FOREST(
      "random_forest",
      List.of(
          Hyperparameter.integer("n_estimators", 1, 1000, 100, "number of trees"),
          Hyperparameter.integer("max_depth", 1, 30, 12, "maximum depth of a tree"),
          Hyperparameter.real(
              "min_child_weight",
              0,
              1000,
              1,
              "minimum hessian weight in a child node (XGBoost's; a row weighs p(1-p), at most"
                  + " 0.25)"),
          Hyperparameter.real(
              "max_features", 0.01, 1, 0.2, "fraction of the features tried at each split"),
          Hyperparameter.real(
              "subsample",
              0.1,
              1,
              0.632,
              "fraction of the rows each tree grows on, drawn without replacement (0.632: the"
                  + " share of distinct rows in a bootstrap sample)")),
      Map.of(
          "n_estimators", Domain.ints(50, 150),
          "max_depth", Domain.ints(6, 12),
          "max_features", Domain.reals(0.1, 0.5))) {
    @Override
    Model<Label> fit(Map<String, Object> p, long seed, LabeledData data, FitOptions options) {
      Map<String, Object> params = new HashMap<>();
      params.put("num_parallel_tree", integer(p, "n_estimators"));
      params.put("eta", 1.0);
      params.put("max_depth", integer(p, "max_depth"));
      params.put("min_child_weight", real(p, "min_child_weight"));
      params.put("colsample_bynode", real(p, "max_features"));
      params.put("subsample", real(p, "subsample"));
      return XGBoostFit.fit(this, p, params, 1, seed, data, options);
    }

    @Override
    int steps(Map<String, Object> p) {
      return 1;
    }
  },

  /** Gradient-boosted trees by XGBoost with the histogram tree method. */
  GRADIENT_BOOSTING(
      "gradient_boosting",
      List.of(
          Hyperparameter.integer("n_estimators", 1, 2000, 100, "boosting rounds (trees)"),
          Hyperparameter.real("learning_rate", 0.001, 1, 0.3, "shrinkage per round (eta)"),
          Hyperparameter.integer("max_depth", 1, 20, 6, "maximum depth of a tree"),
          Hyperparameter.real(
              "min_child_weight", 0, 100, 1, "minimum hessian weight in a child node"),
          Hyperparameter.real("subsample", 0.1, 1, 1, "fraction of rows sampled per tree"),
          Hyperparameter.real(
              "colsample_bytree", 0.1, 1, 1, "fraction of features sampled per tree"),
          Hyperparameter.real("gamma", 0, 100, 0, "minimum loss reduction to split"),
          Hyperparameter.real("reg_lambda", 0, 100, 1, "L2 regularization of leaf weights"),
          Hyperparameter.real("reg_alpha", 0, 100, 0, "L1 regularization of leaf weights")),
      Map.of(
          "n_estimators", Domain.ints(50, 150),
          "learning_rate", Domain.logReals(0.05, 0.3),
          "max_depth", Domain.ints(2, 5),
          "subsample", Domain.reals(0.7, 1.0),
          "colsample_bytree", Domain.reals(0.5, 1.0))) {
    @Override
    Model<Label> fit(Map<String, Object> p, long seed, LabeledData data, FitOptions options) {
      Map<String, Object> params = new HashMap<>();
      params.put("eta", real(p, "learning_rate"));
      params.put("max_depth", integer(p, "max_depth"));
      params.put("min_child_weight", real(p, "min_child_weight"));
      params.put("subsample", real(p, "subsample"));
      params.put("colsample_bytree", real(p, "colsample_bytree"));
      params.put("gamma", real(p, "gamma"));
      params.put("lambda", real(p, "reg_lambda"));
      params.put("alpha", real(p, "reg_alpha"));
      return XGBoostFit.fit(this, p, params, integer(p, "n_estimators"), seed, data, options);
    }

    @Override
    int steps(Map<String, Object> p) {
      return integer(p, "n_estimators");
    }
  },

  /**
   * A C-support vector classifier by LibSVM (Tribuo's {@code LibSVMClassificationTrainer}) with
   * Platt-scaled probabilities, so it has scores for ROC AUC. Its training grows with the square of
   * the rows: for a few thousand rows at most.
   */
  SVM(
      "svm",
      List.of(
          Hyperparameter.categorical(
              "kernel", List.of("linear", "rbf", "poly", "sigmoid"), "rbf", "kernel function"),
          Hyperparameter.real("C", 1e-6, 1e6, 1.0, "penalty of the error term"),
          Hyperparameter.real(
              "gamma", 0, 1000, 0.0, "kernel coefficient; 0 means 1 / number of features"),
          Hyperparameter.integer("degree", 1, 10, 3, "degree of the poly kernel")),
      Map.of(
          "kernel", Domain.of("linear", "rbf"),
          "C", Domain.logReals(0.1, 10),
          "gamma", Domain.logReals(0.003, 0.3))) {
    /**
     * LibSVM draws from one static {@code svm.rand} that Tribuo reseeds before each training, so
     * two SVMs training at once in one JVM would interleave their draws: they take turns.
     */
    @Override
    Model<Label> fit(Map<String, Object> p, long seed, LabeledData data, FitOptions options) {
      svm.svm_set_print_string_function(message -> {});
      KernelType kernel =
          KernelType.valueOf(((String) p.get("kernel")).toUpperCase(java.util.Locale.ROOT));
      SVMParameters<Label> parameters =
          new SVMParameters<>(
              new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), kernel);
      parameters.setCost(real(p, "C"));
      double gamma = real(p, "gamma");
      parameters.setGamma(gamma > 0 ? gamma : 1.0 / Math.max(1, data.width()));
      parameters.setDegree(integer(p, "degree"));
      parameters.setProbability();
      MutableDataset<Label> dataset = data.dataset();
      synchronized (svm.class) {
        return new LibSVMClassificationTrainer(parameters, seed).train(dataset);
      }
    }

    @Override
    int steps(Map<String, Object> p) {
      return 1;
    }
  };

  /**
   * Tribuo logs every training call at INFO through java.util.logging; kept (strongly referenced)
   * at WARNING so a search does not flood the run's output.
   */
  private static final java.util.logging.Logger TRIBUO_LOG =
      java.util.logging.Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final String id;
  private final List<Hyperparameter> hyperparameters;
  private final Map<String, Domain> defaultSpace;

  ModelType(String id, List<Hyperparameter> hyperparameters, Map<String, Domain> defaultSpace) {
    this.id = id;
    this.hyperparameters = List.copyOf(hyperparameters);
    this.defaultSpace = defaultSpace;
  }

  /** The name used in configurations and results, e.g. {@code random_forest}. */
  public String id() {
    return id;
  }

  /** The declared hyperparameters, in a fixed order. */
  public List<Hyperparameter> hyperparameters() {
    return hyperparameters;
  }

  /** The search space used when a configuration gives none. */
  public SearchSpace defaultSpace() {
    return SearchSpace.of(this, defaultSpace);
  }

  /**
   * The declared hyperparameter of that name.
   *
   * @throws TrainingConfigException listing the valid names
   */
  public Hyperparameter hyperparameter(String name) {
    for (Hyperparameter h : hyperparameters) {
      if (h.name().equals(name)) {
        return h;
      }
    }
    throw new TrainingConfigException(
        "unknown hyperparameter '"
            + name
            + "' for "
            + id
            + Suggestions.didYouMean(name, names())
            + "; valid: "
            + names());
  }

  /** The declared names, in order. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    hyperparameters.forEach(h -> names.add(h.name()));
    return names;
  }

  /** Every hyperparameter at its default, overridden by {@code values} (already checked). */
  public Map<String, Object> withDefaults(Map<String, Object> values) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (Hyperparameter h : hyperparameters) {
      all.put(h.name(), values.getOrDefault(h.name(), h.defaultValue()));
    }
    return all;
  }

  /**
   * The model type of that name.
   *
   * @throws TrainingConfigException listing the valid names
   */
  public static ModelType fromId(String id) {
    for (ModelType type : values()) {
      if (type.id.equals(id)) {
        return type;
      }
    }
    List<String> valid = Arrays.stream(values()).map(ModelType::id).toList();
    throw new TrainingConfigException(
        "unknown model type '"
            + id
            + "'"
            + Suggestions.didYouMean(id, valid)
            + "; valid: "
            + valid);
  }

  /**
   * Fits one model on all of {@code data} with these hyperparameters (the others at their
   * defaults), using up to {@code threads} threads; the model does not depend on the threads.
   *
   * <pre>{@code
   * Model<Label> forest = ModelType.RANDOM_FOREST.fit(
   *     Map.of("n_estimators", 100, "max_depth", 12), 42, train, 2);
   * }</pre>
   *
   * @throws TrainingConfigException for an unknown hyperparameter or a value outside its range
   */
  public Model<Label> fit(
      Map<String, Object> hyperparameters, long seed, LabeledData data, int threads) {
    Map<String, Object> checked = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : new java.util.TreeMap<>(hyperparameters).entrySet()) {
      checked.put(e.getKey(), hyperparameter(e.getKey()).checkValue(id, e.getValue()));
    }
    return fit(withDefaults(checked), seed, data, new FitOptions(threads, step -> {}));
  }

  /**
   * Fits a model with these hyperparameters (every declared name present).
   *
   * @throws java.util.concurrent.CancellationException when the thread is interrupted
   */
  abstract Model<Label> fit(
      Map<String, Object> params, long seed, LabeledData data, FitOptions options);

  /** The rounds or iterations a fit with these hyperparameters reports at most. */
  abstract int steps(Map<String, Object> params);

  private static int integer(Map<String, Object> p, String name) {
    return ((Number) p.get(name)).intValue();
  }

  private static double real(Map<String, Object> p, String name) {
    return ((Number) p.get(name)).doubleValue();
  }
}
