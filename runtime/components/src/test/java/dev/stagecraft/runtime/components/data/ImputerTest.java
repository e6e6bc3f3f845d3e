package dev.stagecraft.runtime.components.data;

import static dev.stagecraft.runtime.components.data.Fixtures.NaN;
import static dev.stagecraft.runtime.components.data.Fixtures.assertColumn;
import static dev.stagecraft.runtime.components.data.Fixtures.col;
import static dev.stagecraft.runtime.components.data.Fixtures.roundTrip;
import static dev.stagecraft.runtime.components.data.Fixtures.table;
import static dev.stagecraft.runtime.components.data.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ImputerTest {
  // x present: 1, 2, 4, 10 (sum 17) -> mean 4.25, median (2 + 4) / 2 = 3
  private final Table data =
      table(
          col("x", 1, 2, NaN, 4, 10),
          col("m", 3, 1, 3, 1, NaN),
          col("y", NaN, 0, 1, NaN, 1),
          text("s", "a", "", "b", "c", "d"));

  @Test
  void mean() {
    Transformed out = new Imputer(ImputeStrategy.MEAN, "y").fit(data).apply(data);
    assertColumn(out.table(), "x", 1, 2, 4.25, 4, 10);
    assertColumn(out.table(), "m", 3, 1, 3, 1, 2); // (3 + 1 + 3 + 1) / 4
    assertColumn(out.table(), "y", NaN, 0, 1, NaN, 1); // the target is never imputed
    assertEquals(2, out.cellsChanged());
    assertEquals("", out.table().stringColumn("s").get(1)); // strings untouched
  }

  @Test
  void median() {
    Table out = new Imputer(ImputeStrategy.MEDIAN, "y").fit(data).transform(data);
    assertColumn(out, "x", 1, 2, 3, 4, 10);
    assertColumn(out, "m", 3, 1, 3, 1, 2); // sorted 1 1 3 3 -> (1 + 3) / 2
  }

  @Test
  void mostFrequentBreaksTiesTowardsTheSmallest() {
    Table out = new Imputer(ImputeStrategy.MOST_FREQUENT, "y").fit(data).transform(data);
    assertColumn(out, "m", 3, 1, 3, 1, 1); // 1 and 3 both twice -> 1
    assertColumn(out, "x", 1, 2, 1, 4, 10); // all once -> smallest, 1
  }

  @Test
  void constant() {
    Table out = new Imputer(ImputeStrategy.CONSTANT, -7.5, 5, null).fit(data).transform(data);
    assertColumn(out, "x", 1, 2, -7.5, 4, 10);
    assertColumn(out, "y", -7.5, 0, 1, -7.5, 1); // no target: y is a feature
  }

  @Test
  void fitOnTrainingOnlyAppliesItsStatisticsToNewData() {
    ImputerState state =
        roundTrip(new Imputer(ImputeStrategy.MEAN, "y").fit(data), ImputerState.class);
    Table test = table(col("x", NaN, 100), col("m", NaN, NaN), col("y", 0, 1), text("s", "a", "b"));
    Table out = state.transform(test);
    assertColumn(out, "x", 4.25, 100);
    assertColumn(out, "m", 2, 2);
  }

  @Test
  void knnAveragesTheNearestDonorsByNanEuclideanDistance() {
    // rows (a, b): r0 (1, 2), r1 (2, NaN), r2 (3.5, 6), r3 (10, 20), r4 (NaN, 5); k = 2, F = 2.
    // r1 needs b; donors have b: r0, r2, r3, r4. Only a is shared: d^2 = F/1 * diff^2:
    //   r0: 2 * 1 = 2, r2: 2 * 2.25 = 4.5, r3: 2 * 64 = 128, r4: nothing shared -> undefined.
    //   nearest two: r0, r2 -> b = (2 + 6) / 2 = 4.
    // r4 needs a; donors r0..r3 share b only: r0: 2 * 9 = 18, r1: undefined, r2: 2 * 1 = 2,
    //   r3: 2 * 225 = 450 -> r2, r0 -> a = (3.5 + 1) / 2 = 2.25.
    Table knn = table(col("a", 1, 2, 3.5, 10, NaN), col("b", 2, NaN, 6, 20, 5));
    ImputerState state = new Imputer(ImputeStrategy.KNN, 0, 2, null).fit(knn);
    Transformed out = state.apply(knn);
    assertColumn(out.table(), "a", 1, 2, 3.5, 10, 2.25);
    assertColumn(out.table(), "b", 2, 4, 6, 20, 5);
    assertEquals(2, out.cellsChanged());
    // k larger than the donors: all of them. Row sharing no feature with any donor: training mean.
    ImputerState all =
        roundTrip(new Imputer(ImputeStrategy.KNN, 0, 10, null).fit(knn), ImputerState.class);
    Table fresh = table(col("a", NaN, 2), col("b", NaN, NaN));
    // row 0 has nothing: a -> mean of 1, 2, 3.5, 10 = 4.125, b -> mean of 2, 6, 20, 5 = 8.25
    // row 1 (a = 2): b donors r0 (d 2), r2 (4.5), r3 (128), r4 (undefined, last) -> all four:
    //   (2 + 6 + 20 + 5) / 4 = 8.25
    Table filled = all.transform(fresh);
    assertColumn(filled, "a", 4.125, 2);
    assertColumn(filled, "b", 8.25, 8.25);
  }

  @Test
  void knnBreaksEqualDistancesTowardsTheEarlierRow() {
    // r1 (2, NaN) is at d^2 = 2 from both r0 (1, 10) and r2 (3, 30); k = 1 takes r0 -> 10
    Table t = table(col("a", 1, 2, 3), col("b", 10, NaN, 30));
    assertColumn(new Imputer(ImputeStrategy.KNN, 0, 1, null).fit(t).transform(t), "b", 10, 10, 30);
  }

  @Test
  void singleRowWithoutMissingValuesIsUnchanged() {
    Table one = table(col("x", 5));
    assertColumn(new Imputer(ImputeStrategy.MEDIAN, null).fit(one).transform(one), "x", 5);
  }

  @Test
  void anEntirelyMissingColumnIsAnError() {
    Table empty = table(col("x", 1, 2), col("gone", NaN, NaN));
    String message =
        assertThrows(DataException.class, () -> new Imputer(ImputeStrategy.MEAN, null).fit(empty))
            .getMessage();
    assertEquals(
        "column 'gone' has no values at all: mean imputation cannot fill an entirely"
            + " missing column; drop the column or use --impute constant",
        message);
    assertThrows(DataException.class, () -> new Imputer(ImputeStrategy.KNN, null).fit(empty));
    assertColumn(
        new Imputer(ImputeStrategy.CONSTANT, 0, 5, null).fit(empty).transform(empty), "gone", 0, 0);
  }

  @Test
  void missingTargetAndUnknownStrategy() {
    String message =
        assertThrows(DataException.class, () -> new Imputer(ImputeStrategy.MEAN, "label").fit(data))
            .getMessage();
    assertEquals("target column 'label' does not exist; the columns are: x, m, y, s", message);
    assertEquals(
        "unknown --impute value 'avg'; use one of none, mean, median, most_frequent,"
            + " constant, knn",
        assertThrows(DataException.class, () -> ImputeStrategy.parse("avg")).getMessage());
    assertEquals(ImputeStrategy.MOST_FREQUENT, ImputeStrategy.parse("most_frequent"));
  }
}
