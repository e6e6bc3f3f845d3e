package dev.stagecraft.runtime.components.data;

import static dev.stagecraft.runtime.components.data.Fixtures.NaN;
import static dev.stagecraft.runtime.components.data.Fixtures.assertColumn;
import static dev.stagecraft.runtime.components.data.Fixtures.col;
import static dev.stagecraft.runtime.components.data.Fixtures.roundTrip;
import static dev.stagecraft.runtime.components.data.Fixtures.table;
import static dev.stagecraft.runtime.components.data.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PreprocessorTest {
  private final Table data =
      table(
          col("a", 1, 2, NaN, 4, 100),
          col("b", 2, 4, 6, 8, 200),
          text("y", "p", "n", "p", "n", "p"));

  @Test
  void stepsRunInOrderEachFittedOnThePreviousOutput() {
    PreprocessOptions options =
        PreprocessOptions.defaults()
            .withTarget("y")
            .withImpute(ImputeStrategy.MEDIAN)
            .withScale(ScaleMethod.MINMAX)
            .withInteractions(0.9)
            .withCapOutliers(OutlierMethod.IQR);
    Preprocessor.Result result = new Preprocessor(options).fitTransform(data);
    // impute: a median of 1 2 4 100 = 3 -> a = 1 2 3 4 100
    // minmax: a -> (a - 1) / 99: 0, 1/99, 2/99, 3/99, 1; b -> (b - 2) / 198: 0, 2/198, 4/198,
    // 6/198, 1
    // (computed as x * s - min * s; 1/99 = 2/198 so a and b become equal; r = 1 > 0.9 -> a_x_b)
    // a_x_b = a^2: 0, 1/9801, 4/9801, 9/9801, 1
    // cap: a sorted 0, 1/99, 2/99, 3/99, 1 -> q1 1/99, q3 3/99, IQR 2/99 -> upper 6/99: 1 -> 6/99
    //      a_x_b: q1 1/9801, q3 9/9801, IQR 8/9801 -> upper 21/9801: 1 -> 21/9801
    Table out = result.table();
    assertEquals(List.of("a", "b", "y", "a_x_b"), out.columnNames());
    assertColumn(out, "a", 0, 1.0 / 99, 2.0 / 99, 3.0 / 99, 6.0 / 99);
    assertColumn(out, "b", 0, 1.0 / 99, 2.0 / 99, 3.0 / 99, 6.0 / 99);
    assertColumn(out, "a_x_b", 0, 1.0 / 9801, 4.0 / 9801, 9.0 / 9801, 21.0 / 9801);
    QualityReport report = result.report();
    assertEquals(
        new QualityReport(1, 3, 1, 5, 4, report.memoryUsageBytes(), 3, 1, "minmax"), report);
    // the state replays the same chain on new data with the training statistics
    PreprocessState state = roundTrip(result.state(), PreprocessState.class);
    Table again = state.transform(table(col("a", NaN), col("b", 101), text("y", "p")));
    assertColumn(again, "a", 2.0 / 99); // 3 -> 2/99
    assertColumn(again, "b", 6.0 / 99); // 101 -> 99/198 = 0.5, capped at 6/99
  }

  @Test
  void defaultsChangeNothing() {
    Preprocessor.Result result = new Preprocessor(PreprocessOptions.defaults()).fitTransform(data);
    assertSame(data, result.table());
    assertEquals("none", result.report().scalingMethod());
  }

  @Test
  void missingTarget() {
    assertEquals(
        "target column 'label' does not exist; the columns are: a, b, y",
        assertThrows(
                DataException.class,
                () ->
                    new Preprocessor(PreprocessOptions.defaults().withTarget("label"))
                        .fitTransform(data))
            .getMessage());
  }

  @Test
  void reportIsJson() {
    QualityReport report = new QualityReport(1, 2, 3, 4, 5, 6, 7, 8, "robust");
    assertEquals(report, roundTrip(report, QualityReport.class));
    assertEquals(
        "unknown --cap-outliers value 'zscore'; use one of none, iqr",
        assertThrows(DataException.class, () -> OutlierMethod.parse("zscore")).getMessage());
  }
}
