package dev.stagecraft.runtime.components.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {
  private static final List<Object> OPTIMIZERS = List.of("sgd", "momentum", "adam", "rmsprop");

  /** A choice, a log-scale real, an integer, a linear real and a fixed integer. */
  private static final ParameterSpace MIXED =
      ParameterSpace.of(
          new Parameter.Categorical("optimizer", OPTIMIZERS),
          new Parameter.FloatRange("learning_rate", 1e-5, 1, true),
          new Parameter.IntRange("layers", 1, 8),
          new Parameter.FloatRange("dropout", 0, 0.5, false),
          new Parameter.IntRange("heads", 4, 4));

  /** Smallest (0) at adam, learning rate 1e-3, 3 layers, dropout 0.2. */
  private static double loss(Map<String, Object> p) {
    double lr = Math.log10((Double) p.get("learning_rate")) + 3;
    double layers = (Integer) p.get("layers") - 3;
    double dropout = (Double) p.get("dropout") - 0.2;
    double offset = p.get("optimizer").equals("adam") ? 0 : 0.3;
    return offset + 0.25 * lr * lr + 0.05 * layers * layers + 2 * dropout * dropout;
  }

  private static List<FinishedTrial> minimize(
      Sampler sampler, int trials, ToDoubleFunction<Map<String, Object>> f) {
    Study study = new Study(sampler, Pruner.NEVER, Direction.MINIMIZE, trials, 1);
    for (Optional<Trial> t = study.ask(); t.isPresent(); t = study.ask()) {
      study.tell(t.get(), f.applyAsDouble(t.get().params()));
    }
    return study.trials();
  }

  private static List<Map<String, Object>> params(List<FinishedTrial> trials) {
    return trials.stream().map(FinishedTrial::params).toList();
  }

  @Test
  void theSameSeedGivesTheSameTrialsInBothModes() {
    for (TpeSampler.Mode mode : TpeSampler.Mode.values()) {
      List<FinishedTrial> a = minimize(tpe(3, mode), 30, TpeSamplerTest::loss);
      List<FinishedTrial> b = minimize(tpe(3, mode), 30, TpeSamplerTest::loss);
      List<FinishedTrial> c = minimize(tpe(4, mode), 30, TpeSamplerTest::loss);
      assertEquals(a, b, mode.name());
      assertNotEquals(params(a).subList(10, 30), params(c).subList(10, 30), mode.name());
    }
  }

  private static TpeSampler tpe(long seed, TpeSampler.Mode mode) {
    return new TpeSampler(
        MIXED, seed, mode, TpeSampler.DEFAULT_STARTUP_TRIALS, TpeSampler.DEFAULT_EI_CANDIDATES);
  }

  @Test
  void theStartUpTrialsAreRandomSearchsTrials() {
    List<FinishedTrial> tpe = minimize(new TpeSampler(MIXED, 11), 12, TpeSamplerTest::loss);
    List<FinishedTrial> random = minimize(new RandomSampler(MIXED, 11), 12, TpeSamplerTest::loss);
    assertEquals(params(random).subList(0, 10), params(tpe).subList(0, 10));
    assertNotEquals(params(random).subList(10, 12), params(tpe).subList(10, 12));
  }

  @Test
  void everyKindKeepsItsTypeAndBounds() {
    for (TpeSampler.Mode mode : TpeSampler.Mode.values()) {
      for (FinishedTrial t : minimize(tpe(5, mode), 40, TpeSamplerTest::loss)) {
        Map<String, Object> p = t.params();
        assertEquals(List.of("optimizer", "learning_rate", "layers", "dropout", "heads"), keys(p));
        assertTrue(OPTIMIZERS.contains(p.get("optimizer")), p.toString());
        double lr = (Double) p.get("learning_rate");
        assertTrue(lr >= 1e-5 && lr <= 1, p.toString());
        int layers = (Integer) p.get("layers");
        assertTrue(layers >= 1 && layers <= 8, p.toString());
        double dropout = (Double) p.get("dropout");
        assertTrue(dropout >= 0 && dropout <= 0.5, p.toString());
        assertEquals(4, p.get("heads"));
      }
    }
  }

  private static List<String> keys(Map<String, Object> p) {
    return new ArrayList<>(p.keySet());
  }

  /**
   * After the start-up, each kind moves towards the good values: the choice, the integer and the
   * log-scale real are proposed near the optimum far more often than uniform draws would be.
   */
  @Test
  void afterTheStartUpEachKindConcentratesOnTheGoodValues() {
    for (TpeSampler.Mode mode : TpeSampler.Mode.values()) {
      List<FinishedTrial> trials = minimize(tpe(8, mode), 60, TpeSamplerTest::loss);
      List<Map<String, Object>> late = params(trials).subList(30, 60);
      long adam = late.stream().filter(p -> p.get("optimizer").equals("adam")).count();
      long layers = late.stream().filter(p -> Math.abs((Integer) p.get("layers") - 3) <= 1).count();
      long lr =
          late.stream()
              .filter(p -> Math.abs(Math.log10((Double) p.get("learning_rate")) + 3) < 1)
              .count();
      assertTrue(adam > 10, mode + ": adam " + adam + " of 30 (uniform: 7.5)");
      assertTrue(layers > 18, mode + ": layers 2-4 " + layers + " of 30 (uniform: 11)");
      assertTrue(lr > 15, mode + ": learning rate within 10x " + lr + " of 30 (uniform: 12)");
      double best = trials.stream().mapToDouble(FinishedTrial::value).min().orElseThrow();
      double randomBest =
          minimize(new RandomSampler(MIXED, 8), 60, TpeSamplerTest::loss).stream()
              .mapToDouble(FinishedTrial::value)
              .min()
              .orElseThrow();
      assertTrue(best < randomBest, mode + ": " + best + " vs random " + randomBest);
    }
  }

  @Test
  void prunedTrialsRankBehindCompleteOnesInTheSplit() {
    ParameterSpace line = ParameterSpace.of(new Parameter.FloatRange("x", 0, 1, false));
    List<FinishedTrial> history = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double x = i < 5 ? 0.05 + 0.01 * i : 0.95 - 0.01 * (i - 5);
      history.add(
          i < 5
              ? new FinishedTrial(i, Map.of("x", x), TrialState.PRUNED, 0.0, List.of(0.0))
              : new FinishedTrial(i, Map.of("x", x), TrialState.COMPLETE, 1.0, List.of(1.0)));
    }
    TpeSampler sampler = new TpeSampler(line, 1);
    double x = (Double) sampler.suggest(10, history, Direction.MINIMIZE).orElseThrow().get("x");
    assertTrue(x > 0.5, "the good trial is a complete one near 0.9, not a pruned 0.0: " + x);
  }
}
