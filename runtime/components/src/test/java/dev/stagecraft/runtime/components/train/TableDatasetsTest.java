package dev.stagecraft.runtime.components.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableDatasetsTest {
  private static Table table() {
    return Table.create(
        "t",
        DoubleColumn.create("x", 1.0, 2.0, 3.0, 4.0),
        IntColumn.create("k", 5, 6, 7, 8),
        IntColumn.create("y", 1, 0, 1, 2));
  }

  @Test
  void numericColumnsBecomeFeaturesAndTargetValuesBecomeSortedLabels() {
    LabeledData data = TableDatasets.forTraining(table(), "y");
    assertEquals(List.of("x", "k"), data.featureNames());
    assertEquals(List.of("0", "1", "2"), data.labels());
    assertEquals(4, data.size());
    assertEquals("1", data.label(0));
    assertEquals(3.0, data.value(2, 0));
    assertEquals(7.0, data.value(2, 1));
    assertEquals(2, data.classIndex(3));
    assertEquals(7.0, data.examples().get(2).lookup("k").getValue());
  }

  @Test
  void aTextFeatureColumnIsAnErrorNamingIt() {
    Table t = table().addColumns(StringColumn.create("city", "a", "b", "c", "d"));
    TrainingDataException e =
        assertThrows(TrainingDataException.class, () -> TableDatasets.forTraining(t, "y"));
    assertEquals(
        "feature column 'city' is STRING, not numeric; one-hot encode it or drop it before"
            + " training",
        e.getMessage());
  }

  @Test
  void aSingleClassTargetIsAnError() {
    Table t = Table.create("t", DoubleColumn.create("x", 1, 2), StringColumn.create("y", "a", "a"));
    TrainingDataException e =
        assertThrows(TrainingDataException.class, () -> TableDatasets.forTraining(t, "y"));
    assertEquals(
        "target column 'y' has a single class [\"a\"] in its 2 training rows; a classifier needs at least two"
            + " classes (check the target column name or the data)",
        e.getMessage());
  }

  @Test
  void anUnknownTargetIsAnError() {
    TrainingDataException e =
        assertThrows(TrainingDataException.class, () -> TableDatasets.forTraining(table(), "z"));
    assertEquals(
        "target column 'z' is not in table 't' (columns: [x, k, y]); set targetColumn to one of"
            + " them",
        e.getMessage());
  }

  @Test
  void missingFeatureValuesAreAnError() {
    Table t = table();
    t.doubleColumn("x").setMissing(2);
    TrainingDataException e =
        assertThrows(TrainingDataException.class, () -> TableDatasets.forTraining(t, "y"));
    assertEquals(
        "feature column 'x' has 1 missing values (first at row 2); impute them or drop the rows"
            + " before training",
        e.getMessage());
  }

  @Test
  void aContinuousTargetIsAnError() {
    Table t = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 1.0, 2.5));
    TrainingDataException e =
        assertThrows(TrainingDataException.class, () -> TableDatasets.forTraining(t, "y"));
    assertEquals(
        "target column 'y' holds fractional numbers (row 1: 2.5), not class labels; classification"
            + " needs a categorical target (bin the values or choose another column)",
        e.getMessage());
  }

  @Test
  void missingTargetValuesAreAnError() {
    Table t = table();
    t.intColumn("y").setMissing(0);
    TrainingDataException e =
        assertThrows(TrainingDataException.class, () -> TableDatasets.forTraining(t, "y"));
    assertEquals(
        "target column 'y' has 1 missing values; drop those rows before training", e.getMessage());
  }

  @Test
  void aTestTableWithOtherFeaturesIsAnError() {
    Table test =
        Table.create("test", DoubleColumn.create("x", 1.0), IntColumn.create("y", new int[] {1}));
    TrainingDataException e =
        assertThrows(
            TrainingDataException.class,
            () -> TableDatasets.forEvaluation(test, "y", List.of("x", "k")));
    assertEquals(
        "table 'test' does not have the training features: missing [k], unexpected []; preprocess"
            + " train and test splits the same way",
        e.getMessage());
    Table complete = test.addColumns(IntColumn.create("k", new int[] {3}));
    assertEquals(1, TableDatasets.forEvaluation(complete, "y", List.of("k", "x")).size());
  }
}
