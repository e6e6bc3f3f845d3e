package dev.stagecraft.runtime.components.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.runtime.components.search.Direction;
import dev.stagecraft.runtime.components.search.GridSampler;
import dev.stagecraft.runtime.components.search.Pruner;
import dev.stagecraft.runtime.components.search.RandomSampler;
import dev.stagecraft.runtime.components.search.Study;
import dev.stagecraft.runtime.components.search.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
  @Test
  void anUnknownModelTypeListsTheValidOnes() {
    TrainingConfigException e =
        assertThrows(TrainingConfigException.class, () -> ModelType.fromId("random_forrest"));
    assertEquals(
        "unknown model type 'random_forrest' (did you mean 'random_forest'?); valid:"
            + " [logistic_regression, random_forest, gradient_boosting, svm]",
        e.getMessage());
  }

  @Test
  void anUnknownHyperparameterListsTheValidOnes() {
    TrainingConfigException e =
        assertThrows(
            TrainingConfigException.class,
            () -> SearchSpace.of("svm", Map.of("c", Domain.of(1.0))));
    assertEquals(
        "unknown hyperparameter 'c' for svm (did you mean 'C'?); valid: [kernel, C, gamma,"
            + " degree]",
        e.getMessage());
  }

  @Test
  void valuesOutsideTheValidRangeAreErrors() {
    TrainingConfigException depth =
        assertThrows(
            TrainingConfigException.class,
            () -> SearchSpace.of("random_forest", Map.of("max_depth", Domain.ints(0, 5))));
    assertEquals(
        "hyperparameter 'max_depth' of random_forest must be an integer in [1, 30], got 0; fix"
            + " the search space",
        depth.getMessage());
    TrainingConfigException kernel =
        assertThrows(
            TrainingConfigException.class,
            () -> SearchSpace.of("svm", Map.of("kernel", Domain.of("rbf", "cubic"))));
    assertEquals(
        "hyperparameter 'kernel' of svm must be one of [linear, rbf, poly, sigmoid], got 'cubic';"
            + " fix the search space",
        kernel.getMessage());
    TrainingConfigException fraction =
        assertThrows(
            TrainingConfigException.class,
            () -> SearchSpace.of("gradient_boosting", Map.of("max_depth", Domain.of(2.5))));
    assertEquals(
        "hyperparameter 'max_depth' of gradient_boosting must be an integer in [1, 20], got 2.5;"
            + " fix the search space",
        fraction.getMessage());
  }

  @Test
  void emptyRangesAreErrors() {
    TrainingConfigException e =
        assertThrows(TrainingConfigException.class, () -> Domain.ints(5, 1));
    assertEquals("integer range [5, 1] is empty; write the smaller bound first", e.getMessage());
  }

  @Test
  void spacesFollowDeclarationOrderAndFillDefaults() {
    SearchSpace space =
        SearchSpace.of(
            "svm",
            Map.of("gamma", Domain.of(0.1), "C", Domain.of(1, 10), "kernel", Domain.of("rbf")));
    assertEquals(List.of("kernel", "C", "gamma"), List.copyOf(space.domains().keySet()));
    Map<String, Object> point =
        space
            .modelType()
            .withDefaults(
                new RandomSampler(space.parameters(), 1)
                    .suggest(0, List.of(), Direction.MAXIMIZE)
                    .orElseThrow());
    assertEquals(List.of("kernel", "C", "gamma", "degree"), List.copyOf(point.keySet()));
    assertEquals(3, point.get("degree"));
    assertEquals(0.1, point.get("gamma"));
    // integers given to a real hyperparameter are reals
    assertEquals(List.of(1.0, 10.0), space.parameters().parameters().get(1).grid());
  }

  @Test
  void gridIsTheProductOfEachDomainsGrid() {
    SearchSpace space =
        SearchSpace.of(
            "random_forest",
            Map.of("n_estimators", Domain.ints(10, 30), "max_depth", Domain.of(4, 8)));
    List<Map<String, Object>> grid = new GridSampler(space.parameters(), 100, 0).points();
    assertEquals(6, grid.size());
    assertEquals(10, grid.get(0).get("n_estimators"));
    assertEquals(4, grid.get(0).get("max_depth"));
    assertEquals(8, grid.get(1).get("max_depth"));
    assertEquals(30, grid.get(5).get("n_estimators"));
    assertEquals(
        List.of(0.01, 0.1, 1.0),
        Domain.logReals(0.01, 1.0).toParameter("C").grid().stream()
            .map(v -> Math.round((Double) v * 1e9) / 1e9)
            .toList());
  }

  @Test
  void gridSearchCappedByTrialsTakesASeededSubsetInGridOrder() {
    TrainingConfig config =
        TrainingConfig.defaults("random_forest")
            .withSpace(Map.of("n_estimators", Domain.ints(10, 30), "max_depth", Domain.ints(2, 8)))
            .withStrategy(SearchStrategy.GRID)
            .withTrials(4);
    List<Map<String, Object>> a = gridPoints(config);
    assertEquals(4, a.size());
    assertEquals(a, gridPoints(config));
    assertEquals(9, gridPoints(config.withTrials(20)).size());
  }

  private static List<Map<String, Object>> gridPoints(TrainingConfig config) {
    return new GridSampler(config.space().parameters(), config.nTrials(), config.seed()).points();
  }

  @Test
  void randomSearchDrawsDistinctPointsUntilTheSpaceIsExhausted() {
    SearchSpace space = SearchSpace.of("svm", Map.of("kernel", Domain.of("linear", "rbf")));
    Study study =
        new Study(
            new RandomSampler(space.parameters(), 42), Pruner.NEVER, Direction.MAXIMIZE, 10, 1);
    List<Object> kernels = new ArrayList<>();
    for (Optional<Trial> t = study.ask(); t.isPresent(); t = study.ask()) {
      kernels.add(t.get().params().get("kernel"));
      study.tell(t.get(), 0.5);
    }
    assertEquals(2, kernels.size());
    assertEquals(List.of("linear", "rbf"), kernels.stream().sorted().toList());
  }

  @Test
  void anUnknownSearchMethodSuggestsTheClosest() {
    assertEquals(SearchStrategy.TPE, SearchStrategy.fromId("tpe"));
    TrainingConfigException e =
        assertThrows(TrainingConfigException.class, () -> SearchStrategy.fromId("tpee"));
    assertEquals(
        "unknown searchMethod 'tpee' (did you mean 'tpe'?); valid: [random, grid, tpe]",
        e.getMessage());
  }

  @Test
  void badBudgetsAndMetricsAreErrors() {
    TrainingConfigException folds =
        assertThrows(
            TrainingConfigException.class, () -> TrainingConfig.defaults("svm").withFolds(1));
    assertEquals(
        "cross-validation needs at least 2 folds, got 1; set folds to 2 or more",
        folds.getMessage());
    TrainingConfigException trials =
        assertThrows(
            TrainingConfigException.class, () -> TrainingConfig.defaults("svm").withTrials(0));
    assertEquals(
        "nTrials must be at least 1, got 0; set nTrials to 1 or more", trials.getMessage());
    TrainingConfigException metric =
        assertThrows(TrainingConfigException.class, () -> Metric.fromId("auc"));
    assertEquals(
        "unknown metric 'auc'; valid: [accuracy, f1_weighted, roc_auc]", metric.getMessage());
  }
}
