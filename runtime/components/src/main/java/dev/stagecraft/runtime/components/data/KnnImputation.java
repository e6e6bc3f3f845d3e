package dev.stagecraft.runtime.components.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The knn half of {@link ImputerState}, as scikit-learn's {@code KNNImputer} with {@code
 * metric="nan_euclidean", weights="uniform"}: the distance between two rows is {@code sqrt(F / p *
 * sum of squared differences over the p features present in both)} ({@code F} features in all;
 * undefined when {@code p = 0}); a missing cell gets the mean of that feature over the k nearest
 * training rows that have it (fewer when fewer have it, rows at an undefined distance last), or the
 * training mean when no such row is at a defined distance. Equal distances go to the earlier
 * training row.
 */
final class KnnImputation {
  private KnnImputation() {}

  static Transformed apply(ImputerState state, Table table) {
    List<ImputerState.Fill> fills = state.fills();
    int features = fills.size();
    if (features == 0) {
      return new Transformed(table, 0);
    }
    double[][] x = new double[features][];
    for (int c = 0; c < features; c++) {
      x[c] = FeatureColumns.view(table, fills.get(c).column());
    }
    double[][] train = state.training().toArray(new double[0][]);
    int rows = table.rowCount();
    int trainRows = train[0].length;
    double[][] out = new double[features][];
    double[] distance = new double[trainRows];
    int k = state.k();
    int[] best = new int[k];
    long count = 0;
    for (int r = 0; r < rows; r++) {
      boolean anyMissing = false;
      for (int c = 0; c < features && !anyMissing; c++) {
        anyMissing = x[c][r] != x[c][r];
      }
      if (!anyMissing) {
        continue;
      }
      for (int j = 0; j < trainRows; j++) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < features; c++) {
          double a = x[c][r];
          double b = train[c][j];
          if (a == a && b == b) {
            double d = a - b;
            sum += d * d;
            present++;
          }
        }
        distance[j] = present == 0 ? Double.NaN : sum / present * features;
      }
      for (int c = 0; c < features; c++) {
        if (x[c][r] == x[c][r]) {
          continue;
        }
        double[] donorValues = train[c];
        int chosen = 0;
        boolean anyDefined = false;
        int candidates = 0;
        for (int j = 0; j < trainRows; j++) {
          if (donorValues[j] != donorValues[j]) {
            continue;
          }
          candidates++;
          anyDefined |= distance[j] == distance[j];
          // insert j into best[0, chosen) ordered by (distance, NaN last, index)
          if (chosen < k) {
            best[chosen++] = j;
          } else if (closer(distance, j, best[k - 1])) {
            best[k - 1] = j;
          } else {
            continue;
          }
          for (int i = chosen - 1; i > 0 && closer(distance, best[i], best[i - 1]); i--) {
            int t = best[i];
            best[i] = best[i - 1];
            best[i - 1] = t;
          }
        }
        double value;
        if (!anyDefined || candidates == 0) {
          value = fills.get(c).value();
        } else {
          double sum = 0;
          for (int i = 0; i < chosen; i++) {
            sum += donorValues[best[i]];
          }
          value = sum / chosen;
        }
        if (out[c] == null) {
          out[c] = x[c].clone();
        }
        out[c][r] = value;
        count++;
      }
    }
    Map<String, double[]> filled = new LinkedHashMap<>();
    for (int c = 0; c < features; c++) {
      if (out[c] != null) {
        filled.put(fills.get(c).column(), out[c]);
      }
    }
    return new Transformed(filled.isEmpty() ? table : Tables.withDoubles(table, filled), count);
  }

  /** Whether training row {@code a} is strictly closer than {@code b} (undefined is farthest). */
  private static boolean closer(double[] distance, int a, int b) {
    double da = distance[a];
    double db = distance[b];
    if (da == da && db == db) {
      return da < db || (da == db && a < b);
    }
    if (da == da) {
      return true;
    }
    if (db == db) {
      return false;
    }
    return a < b;
  }
}
