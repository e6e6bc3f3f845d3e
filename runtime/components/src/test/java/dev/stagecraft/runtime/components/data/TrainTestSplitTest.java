package dev.stagecraft.runtime.components.data;

import static dev.stagecraft.runtime.components.data.Fixtures.col;
import static dev.stagecraft.runtime.components.data.Fixtures.table;
import static dev.stagecraft.runtime.components.data.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TrainTestSplitTest {
  private Table data(int rows) {
    double[] id = new double[rows];
    String[] label = new String[rows];
    for (int i = 0; i < rows; i++) {
      id[i] = i;
      label[i] = i % 10 < 3 ? "pos" : "neg"; // 30 % positive
    }
    return table(col("id", id), text("label", label));
  }

  private Set<Double> ids(Table t) {
    Set<Double> ids = new HashSet<>();
    for (double v : t.numberColumn("id").asDoubleArray()) {
      ids.add(v);
    }
    return ids;
  }

  @Test
  void sameSeedSameSplitAndEveryRowOnce() {
    Table t = data(100);
    TrainTestSplit.Split a = new TrainTestSplit(0.25, 42, null).split(t);
    TrainTestSplit.Split b = new TrainTestSplit(0.25, 42, null).split(t);
    assertEquals(ids(a.test()), ids(b.test()));
    assertEquals(25, a.test().rowCount());
    assertEquals(75, a.train().rowCount());
    Set<Double> all = ids(a.train());
    all.addAll(ids(a.test()));
    assertEquals(100, all.size());
    assertNotEquals(ids(a.test()), ids(new TrainTestSplit(0.25, 43, null).split(t).test()));
  }

  @Test
  void stratifiedKeepsClassProportions() {
    // 101 rows, 31 pos / 70 neg; test = ceil(0.2 * 101) = 21: 31 * 21 / 101 = 6.45 -> 6 pos,
    // 70 * 21 / 101 = 14.55 -> 15 neg (larger remainder gets the extra row)
    TrainTestSplit.Split split = new TrainTestSplit(0.2, 7, "label").split(data(101));
    assertEquals(21, split.test().rowCount());
    assertEquals(6, split.test().stringColumn("label").isEqualTo("pos").size());
    assertEquals(15, split.test().stringColumn("label").isEqualTo("neg").size());
  }

  @Test
  void errors() {
    assertThrows(DataException.class, () -> new TrainTestSplit(1.0, 1, null));
    Table lonely = table(col("id", 1, 2, 3, 4), text("label", "a", "a", "a", "b"));
    assertEquals(
        "cannot stratify by 'label': class 'b' has only 1 row; each class needs at least 2",
        assertThrows(DataException.class, () -> new TrainTestSplit(0.5, 1, "label").split(lonely))
            .getMessage());
    assertTrue(
        assertThrows(DataException.class, () -> new TrainTestSplit(0.5, 1, "nope").split(lonely))
            .getMessage()
            .startsWith("target column 'nope' does not exist"));
    assertThrows(
        DataException.class, () -> new TrainTestSplit(0.5, 1, null).split(table(col("id", 1))));
  }
}
