package dev.stagecraft.runtime.components.data;

import static dev.stagecraft.runtime.components.data.Fixtures.NaN;
import static dev.stagecraft.runtime.components.data.Fixtures.assertColumn;
import static dev.stagecraft.runtime.components.data.Fixtures.col;
import static dev.stagecraft.runtime.components.data.Fixtures.roundTrip;
import static dev.stagecraft.runtime.components.data.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class OutlierCapperTest {
  @Test
  void clipsToTheIqrFences() {
    // x sorted 1 2 3 4 100: q1 (index 1) 2, q3 (index 3) 4, IQR 2 -> fences -1 and 7
    // y sorted 1..6: q1 at 1.25 -> 2.25, q3 at 3.75 -> 4.75, IQR 2.5 -> fences -1.5 and 8.5
    Table t =
        table(
            col("x", 100, 1, 2, NaN, 3, 4),
            col("y", 1, 2, 3, 4, 5, 6),
            col("t", 1e9, 0, 0, 0, 0, 0));
    CapperState state = new OutlierCapper(1.5, "t").fit(t);
    assertEquals(new CapperState.Fences("x", -1, 7), state.columns().get(0));
    assertEquals(new CapperState.Fences("y", -1.5, 8.5), state.columns().get(1));
    Transformed out = state.apply(t);
    assertColumn(out.table(), "x", 7, 1, 2, NaN, 3, 4);
    assertColumn(out.table(), "y", 1, 2, 3, 4, 5, 6);
    assertColumn(out.table(), "t", 1e9, 0, 0, 0, 0, 0); // target untouched
    assertEquals(1, out.cellsChanged());
  }

  @Test
  void factorZeroClipsToTheQuartilesAndStateIsJson() {
    Table t = table(col("x", 100, 1, 2, NaN, 3, 4));
    CapperState state = roundTrip(new OutlierCapper(0, null).fit(t), CapperState.class);
    Transformed out = state.apply(t);
    assertColumn(out.table(), "x", 4, 2, 2, NaN, 3, 4);
    assertEquals(2, out.cellsChanged());
    assertColumn(state.transform(table(col("x", -50, 50))), "x", 2, 4);
  }

  @Test
  void constantColumnAndSingleRowAreUnchanged() {
    Table t = table(col("c", 3, 3, 3), col("one", NaN, 8, NaN));
    Transformed out = new OutlierCapper(1.5, null).fit(t).apply(t);
    assertColumn(out.table(), "c", 3, 3, 3);
    assertColumn(out.table(), "one", NaN, 8, NaN);
    assertEquals(0, out.cellsChanged());
  }
}
