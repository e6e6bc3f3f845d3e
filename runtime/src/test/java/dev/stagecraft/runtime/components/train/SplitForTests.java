package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A seeded stratified split and population z-scaling, for tests only (the data components own the
 * real ones).
 */
final class SplitForTests {
  private SplitForTests() {}

  /** The breast cancer data set (569 rows, 30 numeric features, target {@code diagnosis}). */
  static Table breastCancer() {
    return dev.stagecraft.runtime.components.data.BundledData.breastCancer();
  }

  /** [train, test], stratified on {@code target}. */
  static Table[] split(Table table, String target, double testFraction, long seed) {
    TreeMap<String, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < table.rowCount(); i++) {
      byClass.computeIfAbsent(table.column(target).getString(i), k -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (List<Integer> rows : byClass.values()) {
      java.util.Collections.shuffle(rows, random);
      int nTest = (int) Math.round(rows.size() * testFraction);
      test.addAll(rows.subList(0, nTest));
      train.addAll(rows.subList(nTest, rows.size()));
    }
    java.util.Collections.sort(train);
    java.util.Collections.sort(test);
    return new Table[] {
      table.rows(train.stream().mapToInt(Integer::intValue).toArray()).setName("train"),
      table.rows(test.stream().mapToInt(Integer::intValue).toArray()).setName("test")
    };
  }

  /** Scales numeric columns of both tables by the train table's mean and population deviation. */
  static Table[] scale(Table train, Table test, String target) {
    Table a = Table.create("train");
    Table b = Table.create("test");
    for (Column<?> column : train.columns()) {
      if (column.name().equals(target) || !(column instanceof NumericColumn<?>)) {
        a.addColumns(column.copy());
        b.addColumns(test.column(column.name()).copy());
        continue;
      }
      double[] x = ((NumericColumn<?>) column).asDoubleArray();
      double mean = 0;
      for (double v : x) mean += v;
      mean /= x.length;
      double var = 0;
      for (double v : x) var += (v - mean) * (v - mean);
      double sd = Math.sqrt(var / x.length);
      double m = mean;
      a.addColumns(
          DoubleColumn.create(column.name(), java.util.Arrays.stream(x).map(v -> (v - m) / sd)));
      double[] y = test.numberColumn(column.name()).asDoubleArray();
      b.addColumns(
          DoubleColumn.create(column.name(), java.util.Arrays.stream(y).map(v -> (v - m) / sd)));
    }
    return new Table[] {a, b};
  }

  static Table[] breastCancerSplit() {
    Table[] split = split(breastCancer(), "diagnosis", 0.2, 42);
    return scale(split[0], split[1], "diagnosis");
  }
}
