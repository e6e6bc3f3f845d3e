package dev.stagecraft.runtime.components.train;

import java.util.List;

/**
 * The default training variants of the advanced ML pipeline: {@code a}, a logistic regression
 * (fast, strong on standardized data), and {@code b}, the more ambitious random forest plus
 * gradient boosting, the better of the two by cross-validation kept. On the 455-row breast cancer
 * training split with the defaults (8 trials, 3 folds) they cost about 0.2 s and 2.3 s of CPU
 * ({@code benchmarks/run training}).
 */
public final class Variants {
  private Variants() {}

  /**
   * The configurations of variant {@code a} or {@code b}.
   *
   * @throws TrainingConfigException for another name
   */
  public static List<TrainingConfig> of(String variant, int nTrials, int folds, long seed) {
    List<ModelType> types =
        switch (variant) {
          case "a" -> List.of(ModelType.LOGISTIC_REGRESSION);
          case "b" -> List.of(ModelType.RANDOM_FOREST, ModelType.GRADIENT_BOOSTING);
          default ->
              throw new TrainingConfigException(
                  "unknown training variant '" + variant + "'; valid: [a, b]");
        };
    return types.stream()
        .map(
            type ->
                TrainingConfig.defaults(type).withTrials(nTrials).withFolds(folds).withSeed(seed))
        .toList();
  }
}
