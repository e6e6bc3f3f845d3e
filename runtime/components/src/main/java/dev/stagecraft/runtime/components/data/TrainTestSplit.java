package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Splits a table into training and test rows, reproducibly for a seed. The test set gets {@code
 * ceil(testFraction * rows)} rows, as scikit-learn's {@code train_test_split}. Stratified by a
 * column, each class is shuffled on its own and contributes to the test set in proportion to its
 * size (largest remainders first, ties to the larger class then the first seen), so both sets keep
 * the class proportions. Rows keep their original order within each set.
 */
public final class TrainTestSplit {
  private final double testFraction;
  private final long seed;
  private final String stratifyBy;

  /** A split; {@code stratifyBy} (may be null) names the column whose classes are kept balanced. */
  public TrainTestSplit(double testFraction, long seed, String stratifyBy) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new DataException(
          "test fraction " + testFraction + " must be between 0 and 1 (exclusive), e.g. 0.2");
    }
    this.testFraction = testFraction;
    this.seed = seed;
    this.stratifyBy = stratifyBy;
  }

  /** The training and test tables. */
  public record Split(Table train, Table test) {}

  /** Splits {@code table}. */
  public Split split(Table table) {
    int rows = table.rowCount();
    int testRows = (int) Math.ceil(testFraction * rows);
    if (testRows < 1 || testRows >= rows) {
      throw new DataException(
          "cannot split "
              + rows
              + " rows with test fraction "
              + testFraction
              + ": both sets need at least one row");
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] inTest = new boolean[rows];
    if (stratifyBy == null) {
      int[] order = shuffled(identity(rows), random);
      for (int i = 0; i < testRows; i++) {
        inTest[order[i]] = true;
      }
    } else {
      FeatureColumns.requireTarget(table, stratifyBy);
      Column<?> column = table.column(stratifyBy);
      Map<String, List<Integer>> classes = new LinkedHashMap<>();
      for (int r = 0; r < rows; r++) {
        if (column.isMissing(r)) {
          throw new DataException(
              "cannot stratify by '"
                  + stratifyBy
                  + "': row "
                  + (r + 1)
                  + " has no value; impute or drop it first");
        }
        classes.computeIfAbsent(column.getString(r), key -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<String, List<Integer>> e : classes.entrySet()) {
        if (e.getValue().size() < 2) {
          throw new DataException(
              "cannot stratify by '"
                  + stratifyBy
                  + "': class '"
                  + e.getKey()
                  + "' has only 1 row; each class needs at least 2");
        }
      }
      List<List<Integer>> members = new ArrayList<>(classes.values());
      int[] quota = allocate(members, testRows, rows);
      for (int c = 0; c < members.size(); c++) {
        int[] order =
            shuffled(members.get(c).stream().mapToInt(Integer::intValue).toArray(), random);
        for (int i = 0; i < quota[c]; i++) {
          inTest[order[i]] = true;
        }
      }
    }
    int[] train = new int[rows - testRows];
    int[] test = new int[testRows];
    int a = 0;
    int b = 0;
    for (int r = 0; r < rows; r++) {
      if (inTest[r]) {
        test[b++] = r;
      } else {
        train[a++] = r;
      }
    }
    return new Split(table.rows(train), table.rows(test));
  }

  private static int[] allocate(List<List<Integer>> members, int testRows, int rows) {
    int classes = members.size();
    int[] quota = new int[classes];
    double[] remainder = new double[classes];
    int given = 0;
    for (int c = 0; c < classes; c++) {
      double exact = (double) testRows * members.get(c).size() / rows;
      quota[c] = (int) Math.floor(exact);
      remainder[c] = exact - quota[c];
      given += quota[c];
    }
    Integer[] order = new Integer[classes];
    for (int c = 0; c < classes; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int byRemainder = Double.compare(remainder[y], remainder[x]);
          if (byRemainder != 0) {
            return byRemainder;
          }
          int bySize = Integer.compare(members.get(y).size(), members.get(x).size());
          return bySize != 0 ? bySize : Integer.compare(x, y);
        });
    int keepInTrain = 1;
    while (given < testRows) {
      int before = given;
      for (int i = 0; i < classes && given < testRows; i++) {
        int c = order[i];
        if (quota[c] < members.get(c).size() - keepInTrain) {
          quota[c]++;
          given++;
        }
      }
      if (given == before) {
        keepInTrain = 0;
      }
    }
    return quota;
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static int[] shuffled(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
