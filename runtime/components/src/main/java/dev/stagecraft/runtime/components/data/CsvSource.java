package dev.stagecraft.runtime.components.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a CSV file into a Tablesaw {@link Table}, with column types detected, in one streaming
 * pass.
 *
 * <p>The first line names the columns. A column's type is decided by its first non-missing value: a
 * number makes it numeric ({@code INTEGER} when every value is a whole number that fits an {@code
 * int} and none is missing, {@code DOUBLE} otherwise), anything else makes it a {@code STRING}
 * column. A later value that is not a number in a numeric column is an error naming the line, the
 * column and the value; declare such a column's type in {@link Options#columnTypes()}. A column
 * whose values are all missing is a {@code DOUBLE} column of {@code NaN}. Fields may be quoted with
 * {@code "} ({@code ""} inside quotes is one quote); blank lines are skipped, as pandas does.
 * Missing values are {@code NaN} in numeric columns and the empty string in string columns.
 *
 * <pre>{@code
 * Table table = new CsvSource(CsvSource.Options.defaults().withSeparator(';')).read(path);
 * }</pre>
 */
public final class CsvSource {

  /** The missing-value tokens by default, as pandas' {@code read_csv} knows them. */
  public static final Set<String> DEFAULT_MISSING_TOKENS = Set.of("", "NA", "NaN", "null");

  /**
   * How to read: the separator (one ASCII character), the tokens that mean a missing value, and
   * explicit types ({@code DOUBLE}, {@code INTEGER} or {@code STRING}) for some columns.
   */
  public record Options(
      char separator, Set<String> missingTokens, Map<String, ColumnType> columnTypes) {
    /** Validates and copies. */
    public Options {
      if (separator > 127 || separator == '"' || separator == '\n' || separator == '\r') {
        throw new DataException(
            "separator '"
                + separator
                + "' is not allowed; use one ASCII character other than a quote or a line break");
      }
      missingTokens = Set.copyOf(missingTokens);
      columnTypes = Map.copyOf(columnTypes);
      for (Map.Entry<String, ColumnType> entry : columnTypes.entrySet()) {
        ColumnType type = entry.getValue();
        if (type != ColumnType.DOUBLE && type != ColumnType.INTEGER && type != ColumnType.STRING) {
          throw new DataException(
              "column type "
                  + type.name()
                  + " for column '"
                  + entry.getKey()
                  + "' is not supported; use DOUBLE, INTEGER or STRING");
        }
      }
    }

    /** Comma-separated, the default missing tokens, types detected. */
    public static Options defaults() {
      return new Options(',', DEFAULT_MISSING_TOKENS, Map.of());
    }

    /** The same options with another separator. */
    public Options withSeparator(char newSeparator) {
      return new Options(newSeparator, missingTokens, columnTypes);
    }

    /** The same options with other missing-value tokens. */
    public Options withMissingTokens(Set<String> tokens) {
      return new Options(separator, tokens, columnTypes);
    }

    /** The same options with {@code column} read as {@code type}. */
    public Options withColumnType(String column, ColumnType type) {
      Map<String, ColumnType> types = new LinkedHashMap<>(columnTypes);
      types.put(column, type);
      return new Options(separator, missingTokens, types);
    }
  }

  private final Options options;

  /** A source reading with {@code options}. */
  public CsvSource(Options options) {
    this.options = options;
  }

  /** A source with the default options. */
  public CsvSource() {
    this(Options.defaults());
  }

  /** The separators {@link #otherSeparator} looks for, in order. */
  private static final String COMMON_SEPARATORS = ",;\t|";

  /**
   * A separator as a setting gives it: one character, or {@code \t} or {@code tab} for a tab.
   *
   * @param setting the setting's name for the message, e.g. {@code --separator}
   * @throws DataException for anything else
   */
  public static char separator(String setting, String text) {
    if ("\\t".equals(text) || "tab".equalsIgnoreCase(text)) {
      return '\t';
    }
    if (text.length() != 1) {
      throw new DataException(
          setting + " '" + text + "' must be exactly one character, e.g. ';' (or tab)");
    }
    return text.charAt(0);
  }

  /**
   * The separator a table read with {@code separator} probably uses instead: when it has a single
   * column whose name holds one of the common separators ({@code , ; tab |}), the most frequent of
   * them. A header such as {@code f0;f1;label} read as comma-separated gives {@code ;}.
   */
  public static Optional<Character> otherSeparator(Table table, char separator) {
    if (table.columnCount() != 1) {
      return Optional.empty();
    }
    String header = table.column(0).name();
    char best = 0;
    long bestCount = 0;
    for (char candidate : COMMON_SEPARATORS.toCharArray()) {
      long count = header.chars().filter(ch -> ch == candidate).count();
      if (candidate != separator && count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return bestCount == 0 ? Optional.empty() : Optional.of(best);
  }

  /** Reads {@code path} with the default options. */
  public static Table readCsv(Path path) {
    return new CsvSource().read(path);
  }

  /**
   * Reads the whole file.
   *
   * @throws DataException for a missing or empty file, a header without rows, a row with a wrong
   *     number of fields, or a value that is not a number in a numeric column
   */
  public Table read(Path path) {
    if (Files.isDirectory(path)) {
      throw new DataException(path + " is a directory, not a CSV file");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return new Parser(path, in, options, Files.size(path)).parse();
    } catch (NoSuchFileException e) {
      throw new DataException(path + ": file not found (check the path)", e);
    } catch (AccessDeniedException e) {
      throw new DataException(path + ": permission denied", e);
    } catch (IOException e) {
      throw new DataException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads CSV from {@code in} (not closed); {@code name} stands for the file in messages and names
   * the table.
   */
  public Table read(InputStream in, String name) {
    try {
      return new Parser(Path.of(name), in, options, -1).parse();
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** One pass over the bytes: records are staged, then committed to the column builders. */
  private static final class Parser {
    private static final int INITIAL_BUFFER = 1 << 20;

    private final Path path;
    private final InputStream in;
    private final Options options;
    private final byte separator;
    private final byte[][] missing;
    private final int longestMissing;

    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;

    // staging for the record being parsed
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];
    private double[] parsed = new double[64]; // a number read while scanning, when hasParsed
    private boolean[] hasParsed = new boolean[64];
    private final int[] stop = new int[1];
    private final boolean
        fuse; // parse numbers while scanning (off when a missing token is a number)
    private int fields;
    private long recordLine;

    private ColumnBuilder[] columns;

    private final long fileSize;
    private long discarded; // bytes dropped from the front of the buffer so far

    Parser(Path path, InputStream in, Options options, long fileSize) {
      this.fileSize = fileSize;
      this.path = path;
      this.in = in;
      this.options = options;
      this.separator = (byte) options.separator();
      this.missing =
          options.missingTokens().stream()
              .map(t -> t.getBytes(StandardCharsets.UTF_8))
              .toArray(byte[][]::new);
      int longest = 0;
      for (byte[] token : missing) {
        longest = Math.max(longest, token.length);
      }
      this.longestMissing = longest;
      boolean numericToken = false;
      for (byte[] token : missing) {
        numericToken |=
            token.length > 0 && !Double.isNaN(NumberParser.parse(token, 0, token.length));
      }
      this.fuse = !numericToken;
    }

    Table parse() throws IOException {
      fill();
      if (limit >= 3
          && (buf[0] & 0xFF) == 0xEF
          && (buf[1] & 0xFF) == 0xBB
          && (buf[2] & 0xFF) == 0xBF) {
        pos = 3;
      }
      if (!nextRecord()) {
        throw new DataException(path + " is empty: expected a header line naming the columns");
      }
      String[] names = header();
      long dataStart = discarded + pos;
      int rows = 0;
      while (nextRecord()) {
        if (++rows == 1000 && fileSize > 0) {
          // size the columns for the whole file once, instead of growing them step by step
          double bytesPerRow = (discarded + pos - dataStart) / 1000.0;
          long estimate = (long) ((fileSize - dataStart) / bytesPerRow * 1.02) + 1000;
          estimate =
              Math.min(estimate, fileSize / columns.length + 1); // a row takes >= 1 byte per column
          for (ColumnBuilder column : columns) {
            column.reserve((int) Math.min(estimate, Integer.MAX_VALUE - 16));
          }
        }
        if (fields != columns.length) {
          throw new DataException(
              path
                  + " line "
                  + recordLine
                  + ": expected "
                  + columns.length
                  + " fields as in the header but found "
                  + fields
                  + (fields > columns.length
                      ? " (too many; quote values that contain the separator)"
                      : " (too few)"));
        }
        for (int c = 0; c < fields; c++) {
          columns[c].add(this, c);
        }
      }
      if (columns[0].size == 0) {
        throw new DataException(
            path + " has a header but no data rows; add rows below the header" + " line");
      }
      List<Column<?>> built = new ArrayList<>(names.length);
      for (ColumnBuilder column : columns) {
        built.add(column.build());
      }
      return Table.create(path.getFileName().toString(), built);
    }

    private String[] header() {
      String[] names = new String[fields];
      Set<String> seen = new LinkedHashSet<>();
      for (int c = 0; c < fields; c++) {
        String name = text(c).strip();
        if (name.isEmpty()) {
          name = "Unnamed: " + c;
        }
        if (!seen.add(name)) {
          throw new DataException(
              path
                  + " line "
                  + recordLine
                  + ": column name '"
                  + name
                  + "' appears twice in the header; give every column its own name");
        }
        names[c] = name;
      }
      for (String declared : options.columnTypes().keySet()) {
        if (!seen.contains(declared)) {
          throw new DataException(
              "a type is declared for column '"
                  + declared
                  + "' but "
                  + path
                  + " has no such column; the columns are: "
                  + String.join(", ", names));
        }
      }
      columns = new ColumnBuilder[names.length];
      for (int c = 0; c < names.length; c++) {
        columns[c] = new ColumnBuilder(names[c], options.columnTypes().get(names[c]));
      }
      return names;
    }

    /** Parses the next non-blank record into the staging arrays; false at the end of the file. */
    private boolean nextRecord() throws IOException {
      while (true) {
        int result = scan(pos);
        if (result == SCAN_NEED_MORE) {
          compactAndFill();
          continue;
        }
        if (result == SCAN_END_OF_FILE) {
          return false;
        }
        if (result == SCAN_BLANK) {
          continue;
        }
        return true;
      }
    }

    private static final int SCAN_RECORD = 0;
    private static final int SCAN_NEED_MORE = 1;
    private static final int SCAN_END_OF_FILE = 2;
    private static final int SCAN_BLANK = 3;

    /**
     * Scans one record from {@code p}. On success, advances {@code pos} and {@code line}; when the
     * buffer ends before the record does (and more input may come), changes nothing.
     */
    private int scan(int p) {
      byte[] b = buf;
      int lim = limit;
      long l = line;
      if (p >= lim) {
        return eof ? SCAN_END_OF_FILE : SCAN_NEED_MORE;
      }
      recordLine = l;
      int n = 0;
      int fieldStart = p;
      while (true) {
        if (n == starts.length) {
          grow();
        }
        if (p < lim && b[p] == '"') {
          // quoted field
          int q = p + 1;
          boolean closed = false;
          while (q < lim) {
            byte x = b[q];
            if (x == '"') {
              if (q + 1 < lim && b[q + 1] == '"') {
                q += 2;
                continue;
              }
              if (q + 1 >= lim && !eof) {
                return SCAN_NEED_MORE;
              }
              closed = true;
              break;
            }
            if (x == '\n') {
              l++;
            }
            q++;
          }
          if (!closed) {
            if (!eof) {
              return SCAN_NEED_MORE;
            }
            throw new DataException(
                path
                    + " line "
                    + recordLine
                    + ": a quoted field is not closed before the end of the file; close it with \"");
          }
          starts[n] = p + 1;
          ends[n] = q;
          quoted[n] = true;
          hasParsed[n] = false;
          n++;
          p = q + 1;
          if (p >= lim) {
            if (!eof) {
              return SCAN_NEED_MORE;
            }
            return finish(n, p, l);
          }
          byte x = b[p];
          if (x == separator) {
            p++;
            fieldStart = p;
            continue;
          }
          if (x == '\n' || x == '\r') {
            return endOfLine(n, p, l);
          }
          throw new DataException(
              path
                  + " line "
                  + recordLine
                  + ", field "
                  + n
                  + ": unexpected text after a closing quote; double quotes inside a quoted field");
        }
        // unquoted field: one comparison per byte above the highest special byte (digits, letters)
        byte sep = separator;
        int highest = Math.max(sep, '\r');
        hasParsed[n] = false;
        if (fuse && columns != null && n < columns.length && columns[n].wantsNumbers()) {
          double value = NumberParser.parsePrefix(b, p, lim, stop);
          int e = stop[0];
          if (e > p && value == value) {
            if (e < lim) {
              byte x = b[e];
              if (x == sep || x == '\n' || x == '\r') {
                parsed[n] = value;
                hasParsed[n] = true;
                p = e;
              }
            } else if (eof) {
              parsed[n] = value;
              hasParsed[n] = true;
              p = e;
            }
          }
        }
        while (p < lim) {
          byte x = b[p];
          if (x <= highest && (x == sep || x == '\n' || x == '\r')) {
            break;
          }
          p++;
        }
        if (p >= lim && !eof) {
          return SCAN_NEED_MORE;
        }
        starts[n] = fieldStart;
        ends[n] = p;
        quoted[n] = false;
        n++;
        if (p >= lim) {
          if (n == 1 && ends[0] == starts[0]) {
            pos = p;
            return SCAN_END_OF_FILE;
          }
          return finish(n, p, l);
        }
        if (b[p] == separator) {
          p++;
          fieldStart = p;
          continue;
        }
        return endOfLine(n, p, l);
      }
    }

    private int endOfLine(int n, int p, long l) {
      byte[] b = buf;
      if (b[p] == '\r') {
        if (p + 1 >= limit && !eof) {
          return SCAN_NEED_MORE;
        }
        if (p + 1 < limit && b[p + 1] == '\n') {
          p++;
        }
      }
      p++;
      pos = p;
      line = l + 1;
      fields = n;
      return n == 1 && !quoted[0] && ends[0] == starts[0] ? SCAN_BLANK : SCAN_RECORD;
    }

    private int finish(int n, int p, long l) {
      pos = p;
      line = l;
      fields = n;
      return SCAN_RECORD;
    }

    private void grow() {
      int size = starts.length * 2;
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      quoted = Arrays.copyOf(quoted, size);
      parsed = Arrays.copyOf(parsed, size);
      hasParsed = Arrays.copyOf(hasParsed, size);
    }

    private void fill() throws IOException {
      while (limit < buf.length) {
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
          eof = true;
          return;
        }
        limit += read;
      }
    }

    private void compactAndFill() throws IOException {
      int remaining = limit - pos;
      if (pos == 0) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      } else {
        System.arraycopy(buf, pos, buf, 0, remaining);
        discarded += pos;
      }
      pos = 0;
      limit = remaining;
      fill();
    }

    boolean isMissing(int field) {
      int s = starts[field];
      int len = ends[field] - s;
      if (len > longestMissing) {
        return false;
      }
      if (quoted[field] && len == 0) {
        return true;
      }
      byte[] b = buf;
      outer:
      for (byte[] token : missing) {
        if (token.length != len) {
          continue;
        }
        for (int i = 0; i < len; i++) {
          if (b[s + i] != token[i]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    String text(int field) {
      String raw =
          new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
      return quoted[field] ? raw.replace("\"\"", "\"") : raw;
    }

    /** The field as a number, {@code NaN} when it is not one. */
    double number(int field) {
      return NumberParser.parse(buf, starts[field], ends[field]);
    }

    /** Whether the field is written without a decimal point or an exponent. */
    boolean looksIntegral(int field) {
      byte[] b = buf;
      for (int i = starts[field], end = ends[field]; i < end; i++) {
        byte x = b[i];
        if (x == '.' || x == 'e' || x == 'E') {
          return false;
        }
      }
      return true;
    }

    DataException notANumber(int field, String column) {
      return new DataException(
          path
              + " line "
              + recordLine
              + ", column '"
              + column
              + "' (field "
              + (field + 1)
              + "): '"
              + text(field)
              + "' is not a number in this numeric column;"
              + " write a number, leave it empty or write NA for a missing value, or read the column"
              + " as STRING");
    }

    DataException notAnInteger(int field, String column) {
      return new DataException(
          path
              + " line "
              + recordLine
              + ", column '"
              + column
              + "' (field "
              + (field + 1)
              + "): '"
              + text(field)
              + "' is not a whole number that fits an int in this"
              + " INTEGER column; read the column as DOUBLE");
    }
  }

  /** Collects one column's values while its type is being decided. */
  private static final class ColumnBuilder {
    private enum Kind {
      UNDECIDED,
      NUMBER,
      TEXT
    }

    private final String name;
    private final ColumnType declared;
    private Kind kind;
    private double[] numbers;
    private String[] texts;
    private int size;
    private boolean integral = true;
    private boolean anyMissing;

    ColumnBuilder(String name, ColumnType declared) {
      this.name = name;
      this.declared = declared;
      this.kind =
          declared == null
              ? Kind.UNDECIDED
              : declared == ColumnType.STRING ? Kind.TEXT : Kind.NUMBER;
      if (kind == Kind.TEXT) {
        texts = new String[1024];
      } else {
        numbers = new double[1024];
      }
    }

    void add(Parser parser, int field) {
      if (size == (kind == Kind.TEXT ? texts.length : numbers.length)) {
        growTo(size + (size >> 1) + 16);
      }
      if (kind == Kind.TEXT) {
        texts[size++] = parser.isMissing(field) ? "" : parser.text(field);
        return;
      }
      double value;
      if (parser.hasParsed[field]) {
        value = parser.parsed[field];
      } else if (parser.isMissing(field)) {
        anyMissing = true;
        numbers[size++] = Double.NaN;
        return;
      } else {
        value = parser.number(field);
      }
      if (value != value) {
        if (kind == Kind.UNDECIDED) {
          becomeText(parser, field);
          return;
        }
        throw parser.notANumber(field, name);
      }
      kind = Kind.NUMBER;
      if (integral
          && (value != Math.rint(value)
              || value > Integer.MAX_VALUE
              || value <= Integer.MIN_VALUE
              || !parser.looksIntegral(field))) {
        if (declared == ColumnType.INTEGER) {
          throw parser.notAnInteger(field, name);
        }
        integral = false;
      }
      numbers[size++] = value;
    }

    boolean wantsNumbers() {
      return kind != Kind.TEXT;
    }

    void reserve(int capacity) {
      if (capacity > (kind == Kind.TEXT ? texts.length : numbers.length)) {
        growTo(capacity);
      }
    }

    private void becomeText(Parser parser, int field) {
      kind = Kind.TEXT;
      texts = new String[numbers.length];
      Arrays.fill(texts, 0, size, "");
      numbers = null;
      texts[size++] = parser.text(field);
    }

    private void growTo(int capacity) {
      if (kind == Kind.TEXT) {
        texts = Arrays.copyOf(texts, capacity);
      } else {
        numbers = Arrays.copyOf(numbers, capacity);
      }
    }

    Column<?> build() {
      if (kind == Kind.TEXT) {
        return StringColumn.create(name, Arrays.copyOf(texts, size));
      }
      boolean asInt =
          declared == ColumnType.INTEGER
              || (declared == null && kind == Kind.NUMBER && integral && !anyMissing);
      if (asInt) {
        Integer[] ints = new Integer[size];
        for (int i = 0; i < size; i++) {
          double v = numbers[i];
          ints[i] = v == v ? (int) v : null;
        }
        return IntColumn.create(name, ints);
      }
      double[] values = numbers.length == size ? numbers : Arrays.copyOf(numbers, size);
      numbers = null;
      return DoubleArrayColumn.wrap(name, values);
    }
  }
}
