package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns a Tablesaw {@link Table} into a classification data set ({@link LabeledData}, primitive
 * arrays): every column but the target is a numeric feature, the target's values (of any type)
 * become labels as strings.
 *
 * <pre>{@code
 * LabeledData train = TableDatasets.forTraining(trainTable, "diagnosis");
 * LabeledData test = TableDatasets.forEvaluation(testTable, "diagnosis", train.featureNames());
 * }</pre>
 */
public final class TableDatasets {
  private TableDatasets() {}

  /**
   * Converts a training table; the target must have at least two classes.
   *
   * @throws TrainingDataException when the target is missing or has one class, or a feature column
   *     is not numeric or has missing values
   */
  public static LabeledData forTraining(Table table, String target) {
    LabeledData data = convert(table, target, featureColumns(table, target));
    if (data.labels().size() < 2) {
      throw new TrainingDataException(
          "target column '"
              + target
              + "' has a single class "
              + DataSummary.quoted(data.labels())
              + " in its "
              + data.size()
              + " training rows; a classifier needs at least two"
              + " classes (check the target column name or the data)");
    }
    return data;
  }

  /**
   * Converts a held-out table that must have the training table's feature columns (in any order;
   * extra columns are an error too, so train and test cannot silently differ).
   */
  public static LabeledData forEvaluation(Table table, String target, List<String> featureNames) {
    List<String> actual = featureColumns(table, target);
    if (!new TreeSet<>(actual).equals(new TreeSet<>(featureNames))) {
      List<String> missing = new ArrayList<>(featureNames);
      missing.removeAll(actual);
      List<String> extra = new ArrayList<>(actual);
      extra.removeAll(featureNames);
      throw new TrainingDataException(
          "table '"
              + table.name()
              + "' does not have the training features: missing "
              + missing
              + ", unexpected "
              + extra
              + "; preprocess train and test splits the same way");
    }
    return convert(table, target, featureNames);
  }

  private static List<String> featureColumns(Table table, String target) {
    if (!table.containsColumn(target)) {
      throw new TrainingDataException(
          "target column '"
              + target
              + "' is not in table '"
              + table.name()
              + "' (columns: "
              + table.columnNames()
              + "); set targetColumn to one of them");
    }
    if (table.rowCount() == 0) {
      throw new TrainingDataException("table '" + table.name() + "' has no rows");
    }
    List<String> features = new ArrayList<>();
    for (Column<?> column : table.columns()) {
      if (column.name().equals(target)) {
        continue;
      }
      if (!(column instanceof NumericColumn<?>)) {
        throw new TrainingDataException(
            "feature column '"
                + column.name()
                + "' is "
                + column.type().name()
                + ", not numeric; one-hot encode it or drop it before training");
      }
      features.add(column.name());
    }
    if (features.isEmpty()) {
      throw new TrainingDataException(
          "table '"
              + table.name()
              + "' has no feature columns besides the target '"
              + target
              + "'");
    }
    return features;
  }

  private static LabeledData convert(Table table, String target, List<String> featureNames) {
    int rows = table.rowCount();
    int width = featureNames.size();
    double[] values = new double[rows * width];
    for (int j = 0; j < width; j++) {
      NumericColumn<?> column = table.numberColumn(featureNames.get(j));
      int missing = column.countMissing();
      if (missing > 0) {
        int first = 0;
        while (!column.isMissing(first)) {
          first++;
        }
        throw new TrainingDataException(
            "feature column '"
                + column.name()
                + "' has "
                + missing
                + " missing values (first at"
                + " row "
                + first
                + "); impute them or drop the rows before training");
      }
      for (int i = 0; i < rows; i++) {
        values[i * width + j] = column.getDouble(i);
      }
    }
    Column<?> targetColumn = table.column(target);
    if (targetColumn.countMissing() > 0) {
      throw new TrainingDataException(
          "target column '"
              + target
              + "' has "
              + targetColumn.countMissing()
              + " missing values; drop those rows before training");
    }
    if (targetColumn instanceof NumericColumn<?> numeric) {
      for (int i = 0; i < rows; i++) {
        double value = numeric.getDouble(i);
        if (value != Math.rint(value)) {
          throw new TrainingDataException(
              "target column '"
                  + target
                  + "' holds fractional numbers (row "
                  + i
                  + ": "
                  + value
                  + "), not class labels; classification needs a categorical target"
                  + " (bin the values or choose another column)");
        }
      }
    }
    String[] classOf = new String[rows];
    TreeSet<String> distinct = new TreeSet<>();
    for (int i = 0; i < rows; i++) {
      classOf[i] = targetColumn.getString(i);
      distinct.add(classOf[i]);
    }
    List<String> labels = new ArrayList<>(distinct);
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < labels.size(); c++) {
      index.put(labels.get(c), c);
    }
    int[] classes = new int[rows];
    for (int i = 0; i < rows; i++) {
      classes[i] = index.get(classOf[i]);
    }
    return LabeledData.of(target, featureNames, labels, values, classes);
  }
}
