package dev.stagecraft.examples.advancedml;

import dev.stagecraft.runtime.Summarizable;
import dev.stagecraft.runtime.components.data.QualityReport;
import dev.stagecraft.runtime.components.train.DataSummary;
import dev.stagecraft.runtime.components.train.LabeledData;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The preprocessed training and test splits as plain arrays (so the output is stored and cached as
 * JSON), with what they hold and what preprocessing did.
 *
 * @param data the source, target, rows, features (interaction and one-hot columns included),
 *     classes with their counts, and the preprocessing steps
 * @param trainFeatures one row of feature values per training example
 * @param trainLabels the training examples' classes
 * @param testFeatures one row of feature values per test example
 * @param testLabels the test examples' classes
 * @param quality the quality report of the preprocessed training split
 */
public record PreparedData(
    DataSummary data,
    double[][] trainFeatures,
    List<String> trainLabels,
    double[][] testFeatures,
    List<String> testLabels,
    QualityReport quality)
    implements Summarizable {

  /** Copies the lists. */
  public PreparedData {
    trainLabels = List.copyOf(trainLabels);
    testLabels = List.copyOf(testLabels);
  }

  /** The target column. */
  public String target() {
    return data.target();
  }

  /** The feature columns, in order. */
  public List<String> features() {
    return data.features();
  }

  /** The target's classes, sorted. */
  public List<String> labels() {
    return data.labels();
  }

  /** Reads the features out of a preprocessed split (every feature numeric). */
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

  /** The training split for training. */
  public LabeledData train() {
    return LabeledData.ofRows(target(), features(), labels(), trainFeatures, trainLabels);
  }

  /** The test split for scoring. */
  public LabeledData test() {
    return LabeledData.ofRows(target(), features(), labels(), testFeatures, testLabels);
  }

  @Override
  public List<String> summaryLines() {
    return List.of("data: " + data.line());
  }
}
