package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One-hot encodes the string columns other than the target, as scikit-learn's {@code
 * OneHotEncoder}: the categories of each column are learned at fit time and sorted; each column is
 * replaced, where it stood, by one {@code 0.0/1.0} column per category, named {@code
 * column_category}. A missing value encodes as all zeros. A category unseen at fit time is an error
 * or an all-zero row, by {@link UnknownCategory}.
 */
public final class CategoricalEncoder {
  private final String target;
  private final UnknownCategory unknown;

  /** An encoder; {@code target} (may be null) is left as it is. */
  public CategoricalEncoder(String target, UnknownCategory unknown) {
    this.target = target;
    this.unknown = unknown;
  }

  /** Learns the categories of every string feature column. */
  public EncoderState fit(Table table) {
    FeatureColumns.requireTarget(table, target);
    List<EncoderState.Categories> columns = new ArrayList<>();
    for (String name : FeatureColumns.categorical(table, target)) {
      StringColumn column = table.stringColumn(name);
      TreeSet<String> categories = new TreeSet<>();
      for (int i = 0; i < column.size(); i++) {
        if (!column.isMissing(i)) {
          categories.add(column.get(i));
        }
      }
      columns.add(new EncoderState.Categories(name, List.copyOf(categories)));
    }
    return new EncoderState(unknown, columns);
  }
}
