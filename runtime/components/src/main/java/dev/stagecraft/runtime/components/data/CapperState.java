package dev.stagecraft.runtime.components.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/** A fitted {@link OutlierCapper}: each column's lower and upper fence. */
public record CapperState(double factor, List<Fences> columns) implements FittedTransform {

  /** Values of {@code column} are clipped to {@code [lower, upper]}. */
  public record Fences(String column, double lower, double upper) {}

  /** Copies the list. */
  public CapperState {
    columns = List.copyOf(columns);
  }

  @Override
  public Table transform(Table table) {
    return apply(table).table();
  }

  /** The capped table and the number of values capped. */
  public Transformed apply(Table table) {
    return apply(table, Set.of());
  }

  /** Caps, overwriting the arrays of the {@code owned} columns (which nothing else may use). */
  Transformed apply(Table table, Set<String> owned) {
    Map<String, double[]> capped = new LinkedHashMap<>();
    long count = 0;
    for (Fences fences : columns) {
      double[] values = FeatureColumns.view(table, fences.column());
      double lower = fences.lower();
      double upper = fences.upper();
      double[] out = owned.contains(fences.column()) ? values : new double[values.length];
      int changed = 0;
      for (int i = 0; i < values.length; i++) {
        double v = values[i];
        if (v < lower) {
          v = lower;
          changed++;
        } else if (v > upper) {
          v = upper;
          changed++;
        }
        out[i] = v;
      }
      count += changed;
      capped.put(fences.column(), out);
    }
    return new Transformed(Tables.withDoubles(table, capped), count);
  }
}
