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
 * or an all-zero row, by {@link UnknownCategory}. A column with more categories than {@code
 * maxCategories} is an error at fit time: its one-hot columns would swamp the data (it is more
 * likely an identifier or free text).
 */
public final class CategoricalEncoder {
  private final String target;
  private final UnknownCategory unknown;
  private final int maxCategories;

  /** An encoder with no limit on categories; {@code target} (may be null) is left as it is. */
  public CategoricalEncoder(String target, UnknownCategory unknown) {
    this(target, unknown, Integer.MAX_VALUE);
  }

  /**
   * An encoder of columns with at most {@code maxCategories} categories each; {@code target} (may
   * be null) is left as it is.
   */
  public CategoricalEncoder(String target, UnknownCategory unknown, int maxCategories) {
    if (maxCategories < 1) {
      throw new DataException("maxCategories must be at least 1, got " + maxCategories);
    }
    this.target = target;
    this.unknown = unknown;
    this.maxCategories = maxCategories;
  }

  /**
   * Learns the categories of every string feature column.
   *
   * @throws DataException when a column has more than {@code maxCategories} categories
   */
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
      if (categories.size() > maxCategories) {
        throw new DataException(
            "text column '"
                + name
                + "' has "
                + categories.size()
                + " distinct values in "
                + column.size()
                + " rows, more than maxCategories "
                + maxCategories
                + " for one-hot encoding (e.g. "
                + String.join(", ", categories.stream().limit(3).map(v -> "'" + v + "'").toList())
                + "); drop the column if it is an identifier or free text, or raise maxCategories");
      }
      columns.add(new EncoderState.Categories(name, List.copyOf(categories)));
    }
    return new EncoderState(unknown, columns);
  }
}
