package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A classification data set held once, as primitive arrays: the feature values row by row in one
 * {@code double[]} and each row's class as an index into the sorted labels. The learners read the
 * arrays directly; Tribuo examples are made only for what Tribuo itself needs ({@link #examples()}
 * to run a Tribuo model's predictions, {@link #dataset()} for a Tribuo trainer).
 *
 * <pre>{@code
 * LabeledData train = LabeledData.of("label", List.of("x", "y"), List.of("no", "yes"),
 *     new double[] {0.5, 1.0, 2.5, 3.0}, new int[] {0, 1});   // 2 rows of 2 features
 * }</pre>
 */
public final class LabeledData {
  private static final LabelFactory LABELS = new LabelFactory();

  private final String target;
  private final List<String> featureNames;
  private final List<String> labels;
  private final double[] values;
  private final int[] classes;

  private LabeledData(
      String target,
      List<String> featureNames,
      List<String> labels,
      double[] values,
      int[] classes) {
    this.target = target;
    this.featureNames = featureNames;
    this.labels = labels;
    this.values = values;
    this.classes = classes;
  }

  /**
   * A data set over these arrays (not copied: the caller hands them over).
   *
   * @param target the target column's name
   * @param featureNames the feature columns, in the order of each row's values
   * @param labels the distinct target values, sorted (as {@code numpy.unique} sorts them)
   * @param values {@code rows x featureNames.size()} values, row after row
   * @param classes each row's class, an index into {@code labels}
   * @throws IllegalArgumentException when the sizes do not agree or a class index is out of range
   */
  public static LabeledData of(
      String target,
      List<String> featureNames,
      List<String> labels,
      double[] values,
      int[] classes) {
    Objects.requireNonNull(target, "target");
    int width = featureNames.size();
    if (width == 0 || values.length != (long) classes.length * width) {
      throw new IllegalArgumentException(
          values.length + " values are not " + classes.length + " rows of " + width + " features");
    }
    for (int c : classes) {
      if (c < 0 || c >= labels.size()) {
        throw new IllegalArgumentException("class index " + c + " is not one of " + labels);
      }
    }
    return new LabeledData(target, List.copyOf(featureNames), List.copyOf(labels), values, classes);
  }

  /**
   * A data set of rows given as arrays, their classes as strings (copied).
   *
   * @param labels the classes the rows may have, sorted
   * @throws IllegalArgumentException when a row's class is not in {@code labels} or the sizes do
   *     not agree
   */
  public static LabeledData ofRows(
      String target,
      List<String> featureNames,
      List<String> labels,
      double[][] rows,
      List<String> classes) {
    int width = featureNames.size();
    if (rows.length != classes.size()) {
      throw new IllegalArgumentException(rows.length + " rows but " + classes.size() + " classes");
    }
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int c = 0; c < labels.size(); c++) {
      index.put(labels.get(c), c);
    }
    double[] values = new double[rows.length * width];
    int[] classIndices = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " values, not " + width);
      }
      System.arraycopy(rows[i], 0, values, i * width, width);
      Integer c = index.get(classes.get(i));
      if (c == null) {
        throw new IllegalArgumentException(
            "row " + i + " has class '" + classes.get(i) + "', not one of " + labels);
      }
      classIndices[i] = c;
    }
    return of(target, featureNames, labels, values, classIndices);
  }

  /** The target column's name. */
  public String target() {
    return target;
  }

  /** The feature columns, in the order of each row's values. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The distinct target values, sorted. */
  public List<String> labels() {
    return labels;
  }

  /** The number of rows. */
  public int size() {
    return classes.length;
  }

  /** The number of features per row. */
  public int width() {
    return featureNames.size();
  }

  /** The value of feature {@code feature} in row {@code row}. */
  public double value(int row, int feature) {
    return values[row * featureNames.size() + feature];
  }

  /** The class of row {@code i} as an index into {@link #labels()}. */
  public int classIndex(int i) {
    return classes[i];
  }

  /** The true label of row {@code i}. */
  public String label(int i) {
    return labels.get(classes[i]);
  }

  /** Whether the target has exactly two classes. */
  public boolean isBinary() {
    return labels.size() == 2;
  }

  /** How many rows each class has, in label order. */
  public int[] classCounts() {
    int[] counts = new int[labels.size()];
    for (int c : classes) {
      counts[c]++;
    }
    return counts;
  }

  /**
   * The values, row after row: the array itself, which the learners read and nobody writes.
   * Package-private so that the data stays held once.
   */
  double[] values() {
    return values;
  }

  /** The class indices, one per row: the array itself (see {@link #values()}). */
  int[] classes() {
    return classes;
  }

  /** A new data set of the given rows, in that order, with the same features and labels. */
  LabeledData rows(int[] rows) {
    int width = width();
    double[] subset = new double[rows.length * width];
    int[] subsetClasses = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(values, rows[r] * width, subset, r * width, width);
      subsetClasses[r] = classes[rows[r]];
    }
    return new LabeledData(target, featureNames, labels, subset, subsetClasses);
  }

  /** The rows as Tribuo examples, in row order, for a Tribuo model's predictions. */
  public List<Example<Label>> examples() {
    String[] names = featureNames.toArray(String[]::new);
    Label[] outputs = labels.stream().map(Label::new).toArray(Label[]::new);
    int width = width();
    List<Example<Label>> examples = new ArrayList<>(size());
    double[] row = new double[width];
    for (int i = 0; i < size(); i++) {
      System.arraycopy(values, i * width, row, 0, width);
      examples.add(new ArrayExample<>(outputs[classes[i]], names, row));
    }
    return examples;
  }

  /** The rows as a Tribuo data set, for a Tribuo trainer. */
  public MutableDataset<Label> dataset() {
    return new MutableDataset<>(examples(), new SimpleDataSourceProvenance(target, LABELS), LABELS);
  }
}
