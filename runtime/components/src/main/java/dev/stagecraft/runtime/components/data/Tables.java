package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Builds new tables from old ones without copying the columns that stay the same. */
final class Tables {
  private Tables() {}

  /** {@code table} with the columns named in {@code replacements} replaced, in the same order. */
  static Table replace(Table table, Map<String, ? extends Column<?>> replacements) {
    List<Column<?>> columns = new ArrayList<>(table.columnCount());
    for (Column<?> column : table.columns()) {
      Column<?> replacement = replacements.get(column.name());
      columns.add(replacement != null ? replacement : column);
    }
    return Table.create(table.name(), columns);
  }

  /** {@code table} with the named columns replaced by double columns over the given arrays. */
  static Table withDoubles(Table table, Map<String, double[]> replacements) {
    Map<String, Column<?>> columns = new java.util.LinkedHashMap<>();
    replacements.forEach((name, values) -> columns.put(name, DoubleArrayColumn.wrap(name, values)));
    return replace(table, columns);
  }

  /** {@code table} with {@code extra} appended. */
  static Table append(Table table, List<? extends Column<?>> extra) {
    List<Column<?>> columns = new ArrayList<>(table.columns());
    columns.addAll(extra);
    return Table.create(table.name(), columns);
  }
}
