package dev.stagecraft.runtime.components.data;

/** What {@link CategoricalEncoder} does with a category not seen at fit time. */
public enum UnknownCategory {
  /** Throw a {@link DataException} naming the column, row and value. */
  ERROR,
  /** Encode the row as all zeros (scikit-learn's {@code handle_unknown="ignore"}). */
  IGNORE;

  /** The choice written as {@code error} or {@code ignore}. */
  public static UnknownCategory parse(String text) {
    return OptionValues.parseEnum(UnknownCategory.class, "unknown-category", text);
  }
}
