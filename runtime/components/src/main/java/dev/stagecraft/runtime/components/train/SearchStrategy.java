package dev.stagecraft.runtime.components.train;

import dev.stagecraft.annotations.syntax.Suggestions;
import java.util.Arrays;
import java.util.List;

/**
 * How a hyperparameter search picks the points it evaluates (the {@code searchMethod} of a training
 * configuration). Each is a {@link dev.stagecraft.runtime.components.search.Sampler}.
 */
public enum SearchStrategy {
  /**
   * {@code nTrials} distinct points drawn from the space with the seed (fewer when the space has
   * fewer distinct points).
   */
  RANDOM("random"),
  /**
   * The cartesian product of each domain's grid (choices as listed, ranges at both ends and the
   * middle). When it has more than {@code nTrials} points, a seeded sample of {@code nTrials} of
   * them, kept in grid order.
   */
  GRID("grid"),
  /**
   * Bayesian optimization by the Tree-structured Parzen Estimator: the first 10 trials as random
   * search, then each trial drawn where the good trials so far are dense and the bad ones sparse.
   */
  TPE("tpe");

  private final String id;

  SearchStrategy(String id) {
    this.id = id;
  }

  /**
   * The name used in configurations and trial histories: {@code random}, {@code grid}, {@code tpe}.
   */
  public String id() {
    return id;
  }

  /**
   * The strategy of that name.
   *
   * @throws TrainingConfigException listing the valid names
   */
  public static SearchStrategy fromId(String id) {
    for (SearchStrategy s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    List<String> valid = Arrays.stream(values()).map(SearchStrategy::id).toList();
    throw new TrainingConfigException(
        "unknown searchMethod '"
            + id
            + "'"
            + Suggestions.didYouMean(id, valid)
            + "; valid: "
            + valid);
  }
}
