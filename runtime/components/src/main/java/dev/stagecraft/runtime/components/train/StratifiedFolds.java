package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified k-fold assignment: each class's examples are shuffled with the seed and dealt to the
 * folds in turn (continuing the turn across classes), so every fold holds each class in about its
 * overall proportion and fold sizes differ by at most one.
 */
final class StratifiedFolds {
  private StratifiedFolds() {}

  /**
   * The fold of each example.
   *
   * @throws TrainingDataException when a class has fewer examples than folds
   */
  static int[] assign(LabeledData data, int folds, long seed) {
    check(data, folds);
    int[] fold = new int[data.size()];
    SplittableRandom random = new SplittableRandom(seed);
    int next = 0;
    for (String label : data.labels()) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        if (data.label(i).equals(label)) {
          members.add(i);
        }
      }
      for (int i = members.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer swap = members.get(i);
        members.set(i, members.get(j));
        members.set(j, swap);
      }
      for (int index : members) {
        fold[index] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  /**
   * Checks that every class can appear in every fold.
   *
   * @throws TrainingDataException naming the smallest class and what to change
   */
  static void check(LabeledData data, int folds) {
    String smallest = null;
    int smallestCount = Integer.MAX_VALUE;
    for (String label : data.labels()) {
      int count = 0;
      for (int i = 0; i < data.size(); i++) {
        if (data.label(i).equals(label)) {
          count++;
        }
      }
      if (count < smallestCount) {
        smallestCount = count;
        smallest = label;
      }
    }
    if (smallestCount < folds) {
      throw new TrainingDataException(
          "class '"
              + smallest
              + "' of target '"
              + data.target()
              + "' has "
              + smallestCount
              + " training examples, fewer than the "
              + folds
              + " cross-validation folds; lower"
              + " folds to "
              + Math.max(2, smallestCount)
              + " or provide more data");
    }
  }
}
