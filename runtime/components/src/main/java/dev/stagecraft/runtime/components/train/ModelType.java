package dev.stagecraft.runtime.components.train;

import dev.stagecraft.annotations.syntax.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import libsvm.svm;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The model types training offers, each with its declared hyperparameters (names, valid values,
 * defaults), a default search space sized so that a modest search on a few hundred rows takes
 * seconds, and the Tribuo trainer it builds. Every trainer is seeded, so the same hyperparameters,
 * data and seed give the same model.
 */
public enum ModelType {
  /** Multinomial logistic regression by SGD with AdaGrad (Tribuo's {@code LinearSGDTrainer}). */
  LOGISTIC_REGRESSION(
      "logistic_regression",
      List.of(
          Hyperparameter.real("learning_rate", 1e-5, 10, 0.01, "AdaGrad's initial learning rate"),
          Hyperparameter.integer("epochs", 1, 1000, 20, "passes over the training data"),
          Hyperparameter.integer("batch_size", 1, 1024, 1, "examples per gradient step")),
      // Tribuo's SGD has no L2 penalty: small steps and few epochs are what regularizes it.
      Map.of("learning_rate", Domain.logReals(0.005, 0.05), "epochs", Domain.ints(10, 50))) {
    @Override
    Trainer<Label> trainer(Map<String, Object> p, long seed, int featureCount) {
      return new LinearSGDTrainer(
          new LogMulticlass(),
          new AdaGrad(real(p, "learning_rate"), 0.1),
          integer(p, "epochs"),
          -1,
          integer(p, "batch_size"),
          seed);
    }
  },

  /** A random forest of CART trees voting by majority (Tribuo's {@code RandomForestTrainer}). */
  RANDOM_FOREST(
      "random_forest",
      List.of(
          Hyperparameter.integer("n_estimators", 1, 1000, 50, "number of trees"),
          Hyperparameter.integer("max_depth", 1, 100, 12, "maximum depth of a tree"),
          Hyperparameter.real(
              "min_child_weight", 0, 1000, 5, "minimum example weight in a child node"),
          Hyperparameter.real(
              "max_features",
              0.01,
              0.99,
              0.2,
              "fraction of the features tried at each split (below 1, as a random forest needs)"),
          Hyperparameter.categorical(
              "criterion", List.of("gini", "entropy"), "gini", "split impurity")),
      Map.of(
          // Tribuo's CART trees are slow to grow: 8 trials x 3 folds of these take ~4 s here.
          "n_estimators", Domain.ints(15, 40),
          "max_depth", Domain.ints(4, 10),
          "max_features", Domain.reals(0.1, 0.4))) {
    @Override
    Trainer<Label> trainer(Map<String, Object> p, long seed, int featureCount) {
      LabelImpurity impurity =
          "entropy".equals(p.get("criterion")) ? new Entropy() : new GiniIndex();
      CARTClassificationTrainer tree =
          new CARTClassificationTrainer(
              integer(p, "max_depth"),
              (float) real(p, "min_child_weight"),
              0f,
              (float) real(p, "max_features"),
              false,
              impurity,
              seed);
      return new RandomForestTrainer<>(
          tree, new VotingCombiner(), integer(p, "n_estimators"), seed);
    }
  },

  /** Gradient-boosted trees by XGBoost (Tribuo's {@code XGBoostClassificationTrainer}). */
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
    Trainer<Label> trainer(Map<String, Object> p, long seed, int featureCount) {
      return new XGBoostClassificationTrainer(
          integer(p, "n_estimators"),
          real(p, "learning_rate"),
          real(p, "gamma"),
          integer(p, "max_depth"),
          real(p, "min_child_weight"),
          real(p, "subsample"),
          real(p, "colsample_bytree"),
          real(p, "reg_lambda"),
          real(p, "reg_alpha"),
          1,
          true,
          seed);
    }
  },

  /**
   * A C-support vector classifier by LibSVM (Tribuo's {@code LibSVMClassificationTrainer}) with
   * Platt-scaled probabilities, so it has scores for ROC AUC.
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
    @Override
    Trainer<Label> trainer(Map<String, Object> p, long seed, int featureCount) {
      svm.svm_set_print_string_function(message -> {});
      KernelType kernel =
          KernelType.valueOf(((String) p.get("kernel")).toUpperCase(java.util.Locale.ROOT));
      SVMParameters<Label> parameters =
          new SVMParameters<>(
              new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), kernel);
      parameters.setCost(real(p, "C"));
      double gamma = real(p, "gamma");
      parameters.setGamma(gamma > 0 ? gamma : 1.0 / Math.max(1, featureCount));
      parameters.setDegree(integer(p, "degree"));
      parameters.setProbability();
      return new LibSVMClassificationTrainer(parameters, seed);
    }

    /**
     * LibSVM draws from one static {@code svm.rand} that Tribuo reseeds before each training, so
     * two SVMs training at once in one JVM would interleave their draws: they take turns.
     */
    @Override
    Model<Label> fit(Map<String, Object> params, long seed, int featureCount, Dataset<Label> data) {
      synchronized (svm.class) {
        return super.fit(params, seed, featureCount, data);
      }
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
   * A new, seeded trainer for these hyperparameters (every declared name present).
   *
   * @param featureCount the number of features, for defaults that depend on it
   */
  abstract Trainer<Label> trainer(Map<String, Object> params, long seed, int featureCount);

  /** Trains a model with a new trainer for these hyperparameters. */
  Model<Label> fit(Map<String, Object> params, long seed, int featureCount, Dataset<Label> data) {
    return trainer(params, seed, featureCount).train(data);
  }

  private static int integer(Map<String, Object> p, String name) {
    return ((Number) p.get(name)).intValue();
  }

  private static double real(Map<String, Object> p, String name) {
    return ((Number) p.get(name)).doubleValue();
  }
}
