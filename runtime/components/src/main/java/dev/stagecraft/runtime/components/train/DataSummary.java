package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a model was trained and tested on, in a few fields a report can show: where the data came
 * from, the target, the rows of each split, the features, each class with its rows in each split,
 * and the preprocessing steps applied.
 *
 * @param source where the data came from, e.g. a file name or {@code bundled breast cancer data}
 * @param target the target column
 * @param trainRows the rows of the training split
 * @param testRows the rows of the test split
 * @param features the feature columns, in order
 * @param classes every class (sorted) with its rows in each split
 * @param steps the preprocessing applied, e.g. {@code impute MEDIAN, scale STANDARD}
 */
public record DataSummary(
    String source,
    String target,
    int trainRows,
    int testRows,
    List<String> features,
    List<ClassCount> classes,
    String steps) {

  /** A class and its rows in the training and the test split. */
  public record ClassCount(String label, int train, int test) {}

  /** Copies the lists. */
  public DataSummary {
    features = List.copyOf(features);
    classes = List.copyOf(classes);
  }

  /** The summary of a training and a test split. */
  public static DataSummary of(String source, LabeledData train, LabeledData test, String steps) {
    TreeSet<String> labels = new TreeSet<>(train.labels());
    labels.addAll(test.labels());
    int[] trainCounts = train.classCounts();
    int[] testCounts = test.classCounts();
    List<ClassCount> classes = new ArrayList<>();
    for (String label : labels) {
      int inTrain = train.labels().indexOf(label);
      int inTest = test.labels().indexOf(label);
      classes.add(
          new ClassCount(
              label, inTrain < 0 ? 0 : trainCounts[inTrain], inTest < 0 ? 0 : testCounts[inTest]));
    }
    return new DataSummary(
        source, train.target(), train.size(), test.size(), train.featureNames(), classes, steps);
  }

  /** The class labels, sorted. */
  public List<String> labels() {
    return classes.stream().map(ClassCount::label).toList();
  }

  /**
   * The data in one line: {@code bundled breast cancer data: 455 training and 114 test rows, 30
   * features, target 'diagnosis' with classes ["benign", "malignant"] (impute MEDIAN, scale
   * STANDARD)}.
   */
  public String line() {
    return String.format(
        "%s: %d training and %d test rows, %d features, target '%s' with classes %s (%s)",
        source, trainRows, testRows, features.size(), target, quoted(labels()), steps);
  }

  /**
   * Labels as a list of quoted strings, {@code ["no", "yes, later"]}, so that a label holding a
   * comma or a space reads as one (a quote or backslash in a label is escaped with a backslash).
   */
  public static String quoted(List<String> labels) {
    List<String> quoted = new ArrayList<>();
    for (String label : labels) {
      quoted.add('"' + label.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }
    return "[" + String.join(", ", quoted) + "]";
  }
}
