package dev.stagecraft.runtime.components.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Optuna's {@code MedianPruner}: once {@code startupTrials} trials are complete, a trial whose
 * value at step {@code k} (from {@code warmupSteps} on) is worse than the median of the complete
 * trials' values at step {@code k} stops. A NaN value stops the trial; a step that no complete
 * trial reached stops nothing.
 *
 * <p>For cross-validation the value at step {@code k} is the running mean of the first {@code k +
 * 1} fold scores. Optuna compares the best value a trial reported at any step so far, which suits
 * learning curves that improve with steps; a running mean over folds does not improve with steps,
 * so this pruner compares the current value.
 *
 * @param startupTrials complete trials needed before anything is pruned (Optuna: 5)
 * @param warmupSteps steps before which nothing is pruned (Optuna: 0)
 */
public record MedianPruner(int startupTrials, int warmupSteps) implements Pruner {

  /** Optuna's defaults: 5 start-up trials, no warm-up steps. */
  public static final MedianPruner DEFAULTS = new MedianPruner(5, 0);

  /** Requires non-negative counts. */
  public MedianPruner {
    if (startupTrials < 0 || warmupSteps < 0) {
      throw new IllegalArgumentException(
          "a median pruner needs non-negative start-up trials and warm-up steps, got "
              + startupTrials
              + " and "
              + warmupSteps);
    }
  }

  @Override
  public boolean shouldPrune(
      List<Double> intermediateValues, List<FinishedTrial> history, Direction direction) {
    List<FinishedTrial> complete =
        history.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    int step = intermediateValues.size() - 1;
    if (complete.isEmpty() || complete.size() < startupTrials || step < warmupSteps) {
      return false;
    }
    double value = intermediateValues.get(step);
    if (Double.isNaN(value)) {
      return true;
    }
    List<Double> atStep = new ArrayList<>();
    for (FinishedTrial t : complete) {
      if (t.intermediateValues().size() > step && !Double.isNaN(t.intermediateValues().get(step))) {
        atStep.add(t.intermediateValues().get(step));
      }
    }
    if (atStep.isEmpty()) {
      return false;
    }
    return direction.better(median(atStep), value);
  }

  /** The median, the mean of the two middle values for an even count (as NumPy's). */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : 0.5 * (sorted.get(n / 2 - 1) + sorted.get(n / 2));
  }
}
