package dev.stagecraft.runtime.components.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MedianPrunerTest {
  private static final MedianPruner PRUNER = MedianPruner.DEFAULTS;

  /** Five complete trials whose running means after folds 0 and 1 are known. */
  private static final List<FinishedTrial> FIVE_COMPLETE =
      List.of(
          complete(0, 0.90, 0.91),
          complete(1, 0.92, 0.93),
          complete(2, 0.94, 0.95),
          complete(3, 0.96, 0.97),
          complete(4, 0.98, 0.99));

  private static FinishedTrial complete(int number, Double... values) {
    return new FinishedTrial(
        number, Map.of(), TrialState.COMPLETE, values[values.length - 1], List.of(values));
  }

  private static FinishedTrial pruned(int number, Double... values) {
    return new FinishedTrial(
        number, Map.of(), TrialState.PRUNED, values[values.length - 1], List.of(values));
  }

  private static boolean prunes(List<FinishedTrial> history, Double... values) {
    return PRUNER.shouldPrune(List.of(values), history, Direction.MAXIMIZE);
  }

  @Test
  void aTrialBelowTheMedianOfEarlierTrialsAtTheSameFoldStops() {
    assertTrue(prunes(FIVE_COMPLETE, 0.93), "0.93 < median 0.94 after fold 0");
    assertFalse(prunes(FIVE_COMPLETE, 0.94), "equal to the median goes on");
    assertFalse(prunes(FIVE_COMPLETE, 0.97));
    assertTrue(prunes(FIVE_COMPLETE, 0.99, 0.94), "after fold 1 the median is 0.95");
    assertFalse(prunes(FIVE_COMPLETE, 0.90, 0.96), "only the current fold counts");
  }

  @Test
  void nothingIsPrunedBeforeFiveTrialsAreComplete() {
    List<FinishedTrial> four = FIVE_COMPLETE.subList(0, 4);
    assertFalse(prunes(four, 0.10));
    List<FinishedTrial> fourAndPruned = new ArrayList<>(four);
    fourAndPruned.add(pruned(5, 0.50));
    fourAndPruned.add(pruned(6, 0.60));
    assertFalse(prunes(fourAndPruned, 0.10), "pruned trials are not complete");
    assertFalse(prunes(List.of(), 0.10));
  }

  @Test
  void prunedTrialsAreLeftOutOfTheMedian() {
    List<FinishedTrial> history = new ArrayList<>(FIVE_COMPLETE);
    history.add(pruned(5, 0.10));
    history.add(pruned(6, 0.20));
    assertTrue(prunes(history, 0.93), "the median is still 0.94, not 0.92");
  }

  @Test
  void anEvenCountTakesTheMeanOfTheMiddleTwo() {
    List<FinishedTrial> six = new ArrayList<>(FIVE_COMPLETE);
    six.add(complete(5, 0.99, 0.99));
    assertEquals(0.95, MedianPruner.median(List.of(0.90, 0.92, 0.94, 0.96, 0.98, 0.99)), 1e-12);
    assertTrue(prunes(six, 0.949));
    assertFalse(prunes(six, 0.95));
  }

  @Test
  void stepsNoCompleteTrialReachedWarmUpAndNaN() {
    assertFalse(prunes(FIVE_COMPLETE, 0.99, 0.99, 0.10), "no complete trial has a fold 2");
    assertTrue(prunes(FIVE_COMPLETE, Double.NaN), "a NaN score stops the trial");
    MedianPruner warm = new MedianPruner(5, 1);
    assertFalse(warm.shouldPrune(List.of(0.10), FIVE_COMPLETE, Direction.MAXIMIZE));
    assertTrue(warm.shouldPrune(List.of(0.99, 0.10), FIVE_COMPLETE, Direction.MAXIMIZE));
  }

  @Test
  void minimizingPrunesValuesAboveTheMedian() {
    assertTrue(PRUNER.shouldPrune(List.of(0.95), FIVE_COMPLETE, Direction.MINIMIZE));
    assertFalse(PRUNER.shouldPrune(List.of(0.93), FIVE_COMPLETE, Direction.MINIMIZE));
  }

  @Test
  void theStudyRecordsAPrunedTrialWithItsPartialValueAndNeverPicksItAsBest() {
    Study study =
        new Study(
            new RandomSampler(ParameterSpace.of(new Parameter.FloatRange("x", 0, 1, false)), 7),
            PRUNER,
            Direction.MAXIMIZE,
            7,
            1);
    double[][] folds = {
      {0.90, 0.90}, {0.92, 0.92}, {0.94, 0.94}, {0.96, 0.96}, {0.98, 0.98}, {0.50, 0.50}
    };
    for (double[] scores : folds) {
      Trial t = study.ask().orElseThrow();
      boolean stop = study.report(t, scores[0]);
      assertEquals(t.number() == 5, stop, "trial " + t.number());
      if (stop) {
        FinishedTrial p = study.prune(t);
        assertEquals(TrialState.PRUNED, p.state());
        assertEquals(0.50, p.value());
        assertEquals(List.of(0.50), p.intermediateValues());
      } else {
        study.report(t, (scores[0] + scores[1]) / 2);
        study.tell(t, (scores[0] + scores[1]) / 2);
      }
    }
    Trial last = study.ask().orElseThrow();
    assertFalse(study.report(last, 0.999));
    study.prune(last);
    assertEquals(4, study.best().orElseThrow().number(), "0.999 was partial: the best is 0.98");
    assertEquals(7, study.trials().size());
    assertTrue(study.ask().isEmpty(), "the budget is spent");
  }
}
