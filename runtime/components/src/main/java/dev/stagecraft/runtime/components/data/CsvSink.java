package dev.stagecraft.runtime.components.data;

import dev.stagecraft.runtime.io.AtomicFile;
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
 * written). Doubles are written as the shortest decimal that reads back to the same {@code double},
 * laid out as Python's {@code repr} (see {@link DoubleFormat}); missing values are empty fields, as
 * pandas' {@code to_csv} writes them (a quoted empty field in a one-column table, so the line is
 * not taken for a blank one); text is quoted only when it holds the separator, a quote or a line
 * break. Rows are formatted in blocks on all cores and written in order.
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
    prepare(table, path).commit();
  }

  /** Writes {@code table} to a temporary file that replaces {@code path} when committed. */
  public AtomicFile.Pending prepare(Table table, Path path) {
    return AtomicFile.prepare(path, out -> writeTo(table, out));
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
      List<byte[]> formatted =
          IntStream.range(first, last)
              .parallel()
              .mapToObj(
                  block ->
                      format(
                          cols,
                          doubles,
                          block * BLOCK_ROWS,
                          Math.min(rows, (block + 1) * BLOCK_ROWS)))
              .toList();
      for (byte[] bytes : formatted) {
        out.write(bytes);
      }
    }
  }

  private byte[] format(Column<?>[] cols, double[][] doubles, int from, int to) {
    byte[] buf = new byte[Math.max(64, (to - from) * cols.length * 20)];
    int pos = 0;
    byte sep = (byte) separator;
    StringBuilder text = new StringBuilder();
    for (int r = from; r < to; r++) {
      if (buf.length - pos < cols.length * 32) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2 + cols.length * 32);
      }
      for (int c = 0; c < cols.length; c++) {
        if (c > 0) {
          buf[pos++] = sep;
        }
        double[] values = doubles[c];
        if (values != null) {
          double v = values[r];
          if (v == v) {
            pos = DoubleFormat.write(buf, pos, v);
          } else if (cols.length == 1) {
            buf[pos++] = '"'; // an empty line would read as a blank line, not a missing value
            buf[pos++] = '"';
          }
          continue;
        }
        if (cols[c].isMissing(r)) {
          if (cols.length == 1) {
            buf[pos++] = '"';
            buf[pos++] = '"';
          }
          continue;
        }
        text.setLength(0);
        Column<?> column = cols[c];
        if (column instanceof NumericColumn<?> numbers) {
          text.append((long) numbers.getDouble(r));
        } else {
          appendText(text, column.getString(r));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (buf.length - pos < bytes.length + cols.length * 32) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2 + bytes.length + cols.length * 32);
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
      }
      buf[pos++] = '\n';
    }
    return java.util.Arrays.copyOf(buf, pos);
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
