package dev.stagecraft.runtime.components.data;

import static dev.stagecraft.runtime.components.data.Fixtures.NaN;
import static dev.stagecraft.runtime.components.data.Fixtures.assertColumn;
import static dev.stagecraft.runtime.components.data.Fixtures.col;
import static dev.stagecraft.runtime.components.data.Fixtures.roundTrip;
import static dev.stagecraft.runtime.components.data.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class InteractionFeaturesTest {
  // r(a, b) ~ 0.999; r(a, c) = -2 / sqrt(20) = -0.447; r(b, c): b deviations from 5.125 are
  // -3.125 -1.125 0.875 3.375, cov sum -4.5, ssq 23.1875 and 4 -> -4.5 / sqrt(92.75) = -0.467;
  // d is constant (no correlation); t is the target.
  private final Table data =
      table(
          col("a", 1, 2, 3, 4),
          col("b", 2, 4, 6, 8.5),
          col("c", 1, -1, 1, -1),
          col("d", 5, 5, 5, 5),
          col("t", 1, 2, 3, 4));

  private List<String> names(InteractionState state) {
    return state.pairs().stream().map(InteractionState.Pair::name).toList();
  }

  @Test
  void appendsProductsOfPairsAboveTheThresholdInColumnOrder() {
    InteractionState state = new InteractionFeatures(0.9, "t").fit(data);
    assertEquals(List.of("a_x_b"), names(state));
    Table out = state.transform(data);
    assertEquals(List.of("a", "b", "c", "d", "t", "a_x_b"), out.columnNames());
    assertColumn(out, "a_x_b", 2, 8, 18, 34);
    assertEquals(
        List.of("a_x_b", "a_x_c", "b_x_c"), names(new InteractionFeatures(0.44, "t").fit(data)));
    assertEquals(List.of("a_x_b", "b_x_c"), names(new InteractionFeatures(0.46, "t").fit(data)));
    assertEquals(
        -4.5 / Math.sqrt(92.75),
        new InteractionFeatures(0.46, "t").fit(data).pairs().get(1).correlation(),
        1e-12);
  }

  @Test
  void correlationUsesRowsWhereBothArePresentAndProductsKeepMissingValues() {
    Table t = table(col("x", 1, 2, NaN, 3), col("y", 2, 4, 100, 6));
    InteractionState state =
        roundTrip(new InteractionFeatures(0.99, null).fit(t), InteractionState.class);
    assertColumn(state.transform(t), "x_x_y", 2, 8, NaN, 18);
  }

  @Test
  void singleRowHasNoCorrelation() {
    assertEquals(
        List.of(), new InteractionFeatures(0, null).fit(table(col("x", 1), col("y", 2))).pairs());
  }

  @Test
  void errors() {
    assertThrows(DataException.class, () -> new InteractionFeatures(1.5, null));
    Table clash = table(col("a", 1, 2, 3), col("b", 1, 2, 3), col("a_x_b", 0, 0, 0));
    assertEquals(
        "interaction column 'a_x_b' would replace an existing column of that name; rename"
            + " the column or raise --interactions",
        assertThrows(DataException.class, () -> new InteractionFeatures(0.5, null).fit(clash))
            .getMessage());
  }
}
