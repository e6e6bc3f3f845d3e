package dev.stagecraft.runtime.components.train;

import java.util.Map;

/**
 * How to train one model type: the search space, strategy and budget, the cross-validation folds on
 * the training split, the metric maximized, and the seed every random choice (sampling, folds,
 * every trainer) derives from.
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.defaults("random_forest").withTrials(8).withFolds(3);
 * }</pre>
 *
 * @param space the model type and the hyperparameter values to try
 * @param strategy random, grid or TPE search (the {@code searchMethod})
 * @param nTrials how many points the search evaluates (at least 1)
 * @param folds the k of stratified k-fold cross-validation (at least 2)
 * @param metric the score maximized
 * @param seed the seed of everything random
 * @param pruning whether a median pruner stops trials whose running mean after a fold is below the
 *     median of earlier trials after that fold
 */
public record TrainingConfig(
    SearchSpace space,
    SearchStrategy strategy,
    int nTrials,
    int folds,
    Metric metric,
    long seed,
    boolean pruning) {

  /** The default number of trials. */
  public static final int DEFAULT_TRIALS = 8;

  /** The default number of folds. */
  public static final int DEFAULT_FOLDS = 3;

  /** The default seed. */
  public static final long DEFAULT_SEED = 42;

  /** Checks the budget. */
  public TrainingConfig {
    if (nTrials < 1) {
      throw new TrainingConfigException(
          "nTrials must be at least 1, got " + nTrials + "; set nTrials to 1 or more");
    }
    if (folds < 2) {
      throw new TrainingConfigException(
          "cross-validation needs at least 2 folds, got " + folds + "; set folds to 2 or more");
    }
  }

  /**
   * The model type's default space, random search, {@value #DEFAULT_TRIALS} trials, {@value
   * #DEFAULT_FOLDS} folds, accuracy, seed {@value #DEFAULT_SEED}, no pruning.
   */
  public static TrainingConfig defaults(String modelType) {
    return defaults(ModelType.fromId(modelType));
  }

  /** See {@link #defaults(String)}. */
  public static TrainingConfig defaults(ModelType modelType) {
    return new TrainingConfig(
        modelType.defaultSpace(),
        SearchStrategy.RANDOM,
        DEFAULT_TRIALS,
        DEFAULT_FOLDS,
        Metric.ACCURACY,
        DEFAULT_SEED,
        false);
  }

  /** The model type searched. */
  public ModelType modelType() {
    return space.modelType();
  }

  /** This configuration over another space of the same model type. */
  public TrainingConfig withSpace(Map<String, Domain> domains) {
    return withSpace(SearchSpace.of(modelType(), domains));
  }

  /** This configuration over another space. */
  public TrainingConfig withSpace(SearchSpace space) {
    return new TrainingConfig(space, strategy, nTrials, folds, metric, seed, pruning);
  }

  /** This configuration with another strategy. */
  public TrainingConfig withStrategy(SearchStrategy strategy) {
    return new TrainingConfig(space, strategy, nTrials, folds, metric, seed, pruning);
  }

  /** This configuration with another number of trials. */
  public TrainingConfig withTrials(int nTrials) {
    return new TrainingConfig(space, strategy, nTrials, folds, metric, seed, pruning);
  }

  /** This configuration with another number of folds. */
  public TrainingConfig withFolds(int folds) {
    return new TrainingConfig(space, strategy, nTrials, folds, metric, seed, pruning);
  }

  /** This configuration maximizing another metric. */
  public TrainingConfig withMetric(Metric metric) {
    return new TrainingConfig(space, strategy, nTrials, folds, metric, seed, pruning);
  }

  /** This configuration maximizing the metric named {@code metric}. */
  public TrainingConfig withMetric(String metric) {
    return withMetric(Metric.fromId(metric));
  }

  /** This configuration with another seed. */
  public TrainingConfig withSeed(long seed) {
    return new TrainingConfig(space, strategy, nTrials, folds, metric, seed, pruning);
  }

  /** This configuration with pruning on or off. */
  public TrainingConfig withPruning(boolean pruning) {
    return new TrainingConfig(space, strategy, nTrials, folds, metric, seed, pruning);
  }
}
