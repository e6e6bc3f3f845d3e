package dev.stagecraft.runtime.components.data;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import tech.tablesaw.api.DoubleColumn;

/**
 * A Tablesaw {@link DoubleColumn} over a {@code double[]} it wraps without copying, so the data
 * components can hand arrays to Tablesaw and read them back at the cost of a pointer. Missing
 * values are {@code NaN}, as in every {@code DoubleColumn}.
 */
public final class DoubleArrayColumn extends DoubleColumn {

  private DoubleArrayColumn(String name, double[] values) {
    super(name, DoubleArrayList.wrap(values));
  }

  /** A column named {@code name} backed by {@code values} (not copied: do not change it later). */
  public static DoubleArrayColumn wrap(String name, double[] values) {
    return new DoubleArrayColumn(name, values);
  }

  /** The backing array; its length is the row count until the column is appended to. */
  double[] backing() {
    return data.elements();
  }

  /** Whether the backing array still holds exactly this column's values. */
  boolean isExact() {
    return data.elements().length == data.size();
  }
}
