package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Which columns of a table the transformers work on, and their values as {@code double[]}. Numeric
 * feature columns are the columns of a numeric type other than the target; categorical columns are
 * the string columns other than the target.
 */
public final class FeatureColumns {
  private FeatureColumns() {}

  /** Names of the numeric columns other than {@code target} (which may be null), in table order. */
  public static List<String> numeric(Table table, String target) {
    List<String> names = new ArrayList<>();
    for (Column<?> column : table.columns()) {
      if (column instanceof NumericColumn<?> && !column.name().equals(target)) {
        names.add(column.name());
      }
    }
    return names;
  }

  /** Names of the string columns other than {@code target} (which may be null), in table order. */
  public static List<String> categorical(Table table, String target) {
    List<String> names = new ArrayList<>();
    for (Column<?> column : table.columns()) {
      if (column instanceof StringColumn && !column.name().equals(target)) {
        names.add(column.name());
      }
    }
    return names;
  }

  /** Throws a {@link DataException} listing the columns when {@code target} is not in the table. */
  public static void requireTarget(Table table, String target) {
    if (target != null && !table.columnNames().contains(target)) {
      throw new DataException(
          "target column '"
              + target
              + "' does not exist; the columns are: "
              + String.join(", ", table.columnNames()));
    }
  }

  /**
   * The column's values with missing as {@code NaN}. The array must not be modified: for a {@link
   * DoubleArrayColumn} it is the column's own storage.
   */
  static double[] view(Table table, String name) {
    Column<?> column = column(table, name);
    if (column instanceof DoubleArrayColumn wrapped && wrapped.isExact()) {
      return wrapped.backing();
    }
    return copy(column);
  }

  /** A fresh copy of the column's values with missing as {@code NaN}; the caller may modify it. */
  static double[] copy(Table table, String name) {
    Column<?> column = column(table, name);
    if (column instanceof DoubleArrayColumn wrapped && wrapped.isExact()) {
      return wrapped.backing().clone();
    }
    return copy(column);
  }

  private static double[] copy(Column<?> column) {
    if (column instanceof DoubleColumn doubles) {
      return doubles.asDoubleArray();
    }
    NumericColumn<?> numbers = (NumericColumn<?>) column;
    double[] values = new double[numbers.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = numbers.isMissing(i) ? Double.NaN : numbers.getDouble(i);
    }
    return values;
  }

  private static Column<?> column(Table table, String name) {
    if (!table.columnNames().contains(name)) {
      throw new DataException(
          "column '"
              + name
              + "' is not in the table; the columns are: "
              + String.join(", ", table.columnNames()));
    }
    Column<?> column = table.column(name);
    if (!(column instanceof NumericColumn<?>)) {
      throw new DataException(
          "column '"
              + name
              + "' is "
              + column.type().name()
              + ", not numeric; it was numeric when the transformer was fitted");
    }
    return column;
  }
}
