package dev.stagecraft.runtime.components.data;

import static dev.stagecraft.runtime.components.data.Fixtures.assertColumn;
import static dev.stagecraft.runtime.components.data.Fixtures.col;
import static dev.stagecraft.runtime.components.data.Fixtures.roundTrip;
import static dev.stagecraft.runtime.components.data.Fixtures.table;
import static dev.stagecraft.runtime.components.data.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class CategoricalEncoderTest {
  private final Table train =
      table(col("x", 1, 2, 3), text("color", "red", "blue", ""), text("label", "yes", "no", "yes"));

  @Test
  void oneHotWithSortedCategoriesInPlaceOfTheColumn() {
    EncoderState state = new CategoricalEncoder("label", UnknownCategory.ERROR).fit(train);
    assertEquals(
        List.of(new EncoderState.Categories("color", List.of("blue", "red"))), state.columns());
    Table out = state.transform(train);
    assertEquals(List.of("x", "color_blue", "color_red", "label"), out.columnNames());
    assertColumn(out, "color_blue", 0, 1, 0);
    assertColumn(out, "color_red", 1, 0, 0); // a missing value is all zeros
  }

  @Test
  void unseenCategoryIsAnErrorOrZeros() {
    Table test = table(col("x", 1, 2), text("color", "red", "green"), text("label", "yes", "no"));
    EncoderState strict =
        roundTrip(
            new CategoricalEncoder("label", UnknownCategory.ERROR).fit(train), EncoderState.class);
    assertEquals(
        "column 'color', row 2: category 'green' was not seen at fit time (known: blue,"
            + " red); encode unknown categories as zeros with UnknownCategory.IGNORE",
        assertThrows(DataException.class, () -> strict.transform(test)).getMessage());
    Table out = new CategoricalEncoder("label", UnknownCategory.IGNORE).fit(train).transform(test);
    assertColumn(out, "color_blue", 0, 0);
    assertColumn(out, "color_red", 1, 0);
  }

  @Test
  void aColumnWithMoreCategoriesThanTheLimitIsAnError() {
    Table ids = table(col("x", 1, 2, 3, 4), text("id", "u3", "u1", "u2", "u1"));
    assertEquals(
        List.of(new EncoderState.Categories("id", List.of("u1", "u2", "u3"))),
        new CategoricalEncoder(null, UnknownCategory.IGNORE, 3).fit(ids).columns());
    assertEquals(
        "text column 'id' has 3 distinct values in 4 rows, more than maxCategories 2 for one-hot"
            + " encoding (e.g. 'u1', 'u2', 'u3'); drop the column if it is an identifier or free"
            + " text, or raise maxCategories",
        assertThrows(
                DataException.class,
                () -> new CategoricalEncoder(null, UnknownCategory.IGNORE, 2).fit(ids))
            .getMessage());
    assertThrows(
        DataException.class, () -> new CategoricalEncoder(null, UnknownCategory.IGNORE, 0));
  }
}
