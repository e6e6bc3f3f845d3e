package dev.stagecraft.runtime.components.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a {@link Table} as CSV, atomically (nothing appears at the path unless the whole file was
 * written). Doubles are written with {@link Double#toString(double)}, which reads back to the same
 * {@code double}; missing values are empty fields, as pandas' {@code to_csv} writes them (a quoted
 * empty field in a one-column table, so the line is not taken for a blank one); text is
 * quoted only when it holds the separator, a quote or a line break. Rows are formatted in blocks on
 * all cores and written in order.
 */
public final class CsvSink {
  private static final int BLOCK_ROWS = 4096;

  private final char separator;

  /** A sink writing with {@code separator}. */
  public CsvSink(char separator) {
    this.separator = separator;
  }

  /** A comma-separated sink. */
  public CsvSink() {
    this(',');
  }

  /** Writes {@code table} to {@code path}, replacing it only when the whole file is written. */
  public void write(Table table, Path path) {
    AtomicFile.write(path, out -> writeTo(table, out));
  }

  /** Writes {@code table} to {@code out} (not closed). */
  public void writeTo(Table table, OutputStream out) throws IOException {
    List<Column<?>> columns = table.columns();
    Column<?>[] cols = columns.toArray(new Column<?>[0]);
    double[][] doubles = new double[cols.length][];
    for (int c = 0; c < cols.length; c++) {
      if (cols[c] instanceof NumericColumn<?> && !isIntegral(cols[c])) {
        doubles[c] = FeatureColumns.view(table, cols[c].name());
      }
    }
    StringBuilder header = new StringBuilder();
    for (int c = 0; c < cols.length; c++) {
      if (c > 0) {
        header.append(separator);
      }
      appendText(header, cols[c].name());
    }
    header.append('\n');
    out.write(header.toString().getBytes(StandardCharsets.UTF_8));
    int rows = table.rowCount();
    int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    int window = Math.max(1, Runtime.getRuntime().availableProcessors()) * 4;
    for (int first = 0; first < blocks; first += window) {
      int last = Math.min(blocks, first + window);
      List<byte[]> formatted = IntStream.range(first, last).parallel()
          .mapToObj(block -> format(cols, doubles, block * BLOCK_ROWS,
              Math.min(rows, (block + 1) * BLOCK_ROWS)))
          .toList();
      for (byte[] bytes : formatted) {
        out.write(bytes);
      }
    }
  }

  private byte[] format(Column<?>[] cols, double[][] doubles, int from, int to) {
    StringBuilder sb = new StringBuilder((to - from) * cols.length * 12);
    for (int r = from; r < to; r++) {
      for (int c = 0; c < cols.length; c++) {
        if (c > 0) {
          sb.append(separator);
        }
        double[] values = doubles[c];
        if (values != null) {
          double v = values[r];
          if (v == v) {
            sb.append(v);
          } else if (cols.length == 1) {
            sb.append("\"\""); // an empty line would read as a blank line, not a missing value
          }
        } else if (cols[c].isMissing(r)) {
          if (cols.length == 1) {
            sb.append("\"\"");
          }
        } else {
          Column<?> column = cols[c];
          if (column instanceof NumericColumn<?> numbers) {
            sb.append((long) numbers.getDouble(r));
          } else {
            appendText(sb, column.getString(r));
          }
        }
      }
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isIntegral(Column<?> column) {
    String type = column.type().name();
    return type.equals("INTEGER") || type.equals("LONG") || type.equals("SHORT");
  }

  private void appendText(StringBuilder sb, String text) {
    boolean quote = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == separator || ch == '"' || ch == '\n' || ch == '\r') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      sb.append(text);
      return;
    }
    sb.append('"').append(text.replace("\"", "\"\"")).append('"');
  }
}
