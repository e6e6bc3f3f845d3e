package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A fitted {@link CategoricalEncoder}: each encoded column's categories, in output order. */
public record EncoderState(UnknownCategory unknown, List<Categories> columns)
    implements FittedTransform {

  /** The categories of one column. */
  public record Categories(String column, List<String> categories) {
    /** Copies the list. */
    public Categories {
      categories = List.copyOf(categories);
    }
  }

  /** Copies the list. */
  public EncoderState {
    columns = List.copyOf(columns);
  }

  @Override
  public Table transform(Table table) {
    Map<String, Categories> byName = new HashMap<>();
    for (Categories c : columns) {
      if (!table.columnNames().contains(c.column())) {
        throw new DataException(
            "column '"
                + c.column()
                + "' was encoded at fit time but is not in"
                + " the table; the columns are: "
                + String.join(", ", table.columnNames()));
      }
      byName.put(c.column(), c);
    }
    List<Column<?>> out = new ArrayList<>();
    for (Column<?> column : table.columns()) {
      Categories categories = byName.get(column.name());
      if (categories == null) {
        out.add(column);
        continue;
      }
      if (!(column instanceof StringColumn strings)) {
        throw new DataException(
            "column '"
                + column.name()
                + "' is "
                + column.type().name()
                + ", but it was a string column when the encoder was fitted");
      }
      List<String> cats = categories.categories();
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < cats.size(); i++) {
        index.put(cats.get(i), i);
      }
      double[][] dummies = new double[cats.size()][strings.size()];
      for (int r = 0; r < strings.size(); r++) {
        if (strings.isMissing(r)) {
          continue;
        }
        Integer i = index.get(strings.get(r));
        if (i == null) {
          if (unknown == UnknownCategory.ERROR) {
            throw new DataException(
                "column '"
                    + column.name()
                    + "', row "
                    + (r + 1)
                    + ": category '"
                    + strings.get(r)
                    + "' was not seen at fit time (known: "
                    + String.join(", ", cats)
                    + "); encode unknown categories as zeros with UnknownCategory.IGNORE");
          }
          continue;
        }
        dummies[i][r] = 1.0;
      }
      for (int i = 0; i < cats.size(); i++) {
        out.add(DoubleArrayColumn.wrap(column.name() + "_" + cats.get(i), dummies[i]));
      }
    }
    return Table.create(table.name(), out);
  }
}
