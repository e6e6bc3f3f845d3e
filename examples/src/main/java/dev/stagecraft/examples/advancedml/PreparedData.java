package dev.stagecraft.examples.advancedml;

import dev.stagecraft.runtime.Summarizable;
import dev.stagecraft.runtime.components.data.QualityReport;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The preprocessed training and test splits as plain arrays (so the output is stored and cached as
 * JSON), with what preprocessing did.
 *
 * @param target the target column
 * @param features the feature columns, in order (interaction columns last)
 * @param labels the target's classes, sorted
 * @param trainFeatures one row of feature values per training example
 * @param trainLabels the training examples' classes
 * @param testFeatures one row of feature values per test example
 * @param testLabels the test examples' classes
 * @param steps what preprocessing did, e.g. {@code impute MEDIAN, scale STANDARD}
 * @param quality the quality report of the preprocessed training split
 */
public record PreparedData(
    String target,
    List<String> features,
    List<String> labels,
    double[][] trainFeatures,
    List<String> trainLabels,
    double[][] testFeatures,
    List<String> testLabels,
    String steps,
    QualityReport quality)
    implements Summarizable {

  /** Copies the lists. */
  public PreparedData {
    features = List.copyOf(features);
    labels = List.copyOf(labels);
    trainLabels = List.copyOf(trainLabels);
    testLabels = List.copyOf(testLabels);
  }

  /** Reads the features and labels out of a preprocessed split (every feature numeric). */
  static double[][] featureRows(Table table, List<String> features) {
    double[][] rows = new double[table.rowCount()][features.size()];
    for (int j = 0; j < features.size(); j++) {
      var column = table.numberColumn(features.get(j));
      for (int i = 0; i < rows.length; i++) {
        rows[i][j] = column.getDouble(i);
      }
    }
    return rows;
  }

  /** The training split as a table: the features, then the target as strings. */
  public Table toTrainTable() {
    return table("train", trainFeatures, trainLabels);
  }

  /** The test split as a table: the features, then the target as strings. */
  public Table toTestTable() {
    return table("test", testFeatures, testLabels);
  }

  private Table table(String name, double[][] rows, List<String> classes) {
    Table table = Table.create(name);
    for (int j = 0; j < features.size(); j++) {
      double[] values = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        values[i] = rows[i][j];
      }
      table.addColumns(DoubleColumn.create(features.get(j), values));
    }
    table.addColumns(StringColumn.create(target, classes));
    return table;
  }

  @Override
  public List<String> summaryLines() {
    return List.of(
        String.format(
            "data: %d training and %d test rows, %d features, target '%s' with classes %s (%s)",
            trainLabels.size(), testLabels.size(), features.size(), target, labels, steps));
  }
}
