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
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ScalerTest {
  private final Table data =
      table(
          col("x", 1, 2, NaN, 4, 10),
          col("c", 5, 5, 5, 5, 5),
          IntColumn.create("i", 0, 1, 0, 1, 0),
          text("label", "a", "b", "a", "b", "a"));

  @Test
  void standardUsesThePopulationDeviationAndIgnoresMissingValues() {
    // x present: mean 17 / 4 = 4.25; squared deviations 10.5625 + 5.0625 + 0.0625 + 33.0625
    // = 48.75; population variance 48.75 / 4 = 12.1875 (sample variance would be 16.25)
    double s = Math.sqrt(12.1875);
    Table out = new Scaler(ScaleMethod.STANDARD, "label").fit(data).transform(data);
    assertColumn(out, "x", -3.25 / s, -2.25 / s, NaN, -0.25 / s, 5.75 / s);
    assertColumn(out, "c", 0, 0, 0, 0, 0); // constant: scale 1, centred to 0
    // int column 0 1 0 1 0: mean 0.4, variance (3 * 0.16 + 2 * 0.36) / 5 = 0.24
    double si = Math.sqrt(0.24);
    assertColumn(out, "i", -0.4 / si, 0.6 / si, -0.4 / si, 0.6 / si, -0.4 / si);
    assertEquals("a", out.stringColumn("label").get(0));
  }

  @Test
  void robustUsesTheMedianAndInterpolatedQuartiles() {
    // x present sorted 1 2 4 10: median 3; q25 at index 0.75 -> 1.75; q75 at 2.25 -> 5.5; IQR 3.75
    Table out = new Scaler(ScaleMethod.ROBUST, null).fit(data).transform(data);
    assertColumn(out, "x", -2 / 3.75, -1 / 3.75, NaN, 1 / 3.75, 7 / 3.75);
    assertColumn(out, "c", 0, 0, 0, 0, 0); // IQR 0 -> scale 1: 5 - 5
    // i: 0 0 0 1 1 -> median 0, q25 (index 1) 0, q75 (index 3) 1
    assertColumn(out, "i", 0, 1, 0, 1, 0);
  }

  @Test
  void minmaxMapsToZeroOne() {
    // min 1, max 10: scale 1/9, min_ = -1/9; value * (1/9) + (-1/9)
    Table out = new Scaler(ScaleMethod.MINMAX, null).fit(data).transform(data);
    assertColumn(out, "x", 0, 1.0 / 9, NaN, 1.0 / 3, 1);
    assertColumn(out, "c", 0, 0, 0, 0, 0); // range 0 -> scale 1, min_ = -5
  }

  @Test
  void singleRowScalesToZero() {
    Table one = table(col("x", 42));
    for (ScaleMethod method :
        new ScaleMethod[] {ScaleMethod.STANDARD, ScaleMethod.ROBUST, ScaleMethod.MINMAX}) {
      assertColumn(new Scaler(method, null).fit(one).transform(one), "x", 0);
    }
  }

  @Test
  void fittedStateIsJsonAndAppliesTrainingStatistics() {
    ScalerState state =
        roundTrip(new Scaler(ScaleMethod.MINMAX, "label").fit(data), ScalerState.class);
    Table test =
        table(
            col("x", 19, -8), col("c", 6, 5), IntColumn.create("i", 2, 0), text("label", "a", "b"));
    Table out = state.transform(test);
    assertColumn(out, "x", 2, -1); // 19 * (1/9) - 1/9 = 2; -8 / 9 - 1/9 = -1
    assertColumn(out, "c", 1, 0);
  }

  @Test
  void errors() {
    assertEquals(
        "unknown --scale value 'zscore'; use one of none, standard, robust, minmax",
        assertThrows(DataException.class, () -> ScaleMethod.parse("zscore")).getMessage());
    Table other = table(col("y", 1));
    ScalerState state = new Scaler(ScaleMethod.STANDARD, null).fit(table(col("x", 1, 2)));
    assertEquals(
        "column 'x' is not in the table; the columns are: y",
        assertThrows(DataException.class, () -> state.transform(other)).getMessage());
  }
}
