package dev.stagecraft.runtime.components.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Small tables and assertions shared by the transformer tests. */
final class Fixtures {
  static final double NaN = Double.NaN;
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static Table table(Column<?>... columns) {
    return Table.create("t", columns);
  }

  static DoubleArrayColumn col(String name, double... values) {
    return DoubleArrayColumn.wrap(name, values);
  }

  static StringColumn text(String name, String... values) {
    return StringColumn.create(name, values);
  }

  /** Every cell within relative 1e-9 (absolute 1e-15 near zero); NaN where NaN is expected. */
  static void assertColumn(Table table, String name, double... expected) {
    double[] actual = table.numberColumn(name).asDoubleArray();
    assertEquals(expected.length, actual.length, name + " rows");
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertEquals(expected[i], actual[i], name + "[" + i + "]");
      } else {
        double tolerance = Math.max(1e-9 * Math.abs(expected[i]), 1e-15);
        assertEquals(expected[i], actual[i], tolerance, name + "[" + i + "]");
      }
    }
  }

  /** The record survives a JSON round trip through a plain ObjectMapper. */
  static <T> T roundTrip(T value, Class<T> type) {
    try {
      return JSON.readValue(JSON.writeValueAsString(value), type);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
