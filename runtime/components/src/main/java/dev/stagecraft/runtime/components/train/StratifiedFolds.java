package dev.stagecraft.runtime.components.train;

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
    int[] counts = data.classCounts();
    int next = 0;
    for (int label = 0; label < counts.length; label++) {
      int[] members = new int[counts[label]];
      for (int i = 0, m = 0; i < data.size(); i++) {
        if (data.classIndex(i) == label) {
          members[m++] = i;
        }
      }
      for (int i = members.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = members[i];
        members[i] = members[j];
        members[j] = swap;
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
    int[] counts = data.classCounts();
    String smallest = null;
    int smallestCount = Integer.MAX_VALUE;
    for (int label = 0; label < counts.length; label++) {
      if (counts[label] < smallestCount) {
        smallestCount = counts[label];
        smallest = data.labels().get(label);
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
