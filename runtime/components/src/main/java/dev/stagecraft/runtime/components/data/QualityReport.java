package dev.stagecraft.runtime.components.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.io.AtomicFile;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import java.nio.file.Path;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What preprocessing did and what it produced: cells imputed, values capped, interaction columns
 * added, the final shape, an estimate of the table's memory ({@code memoryUsageBytes}: 8 bytes per
 * double, 4 per int or string reference, plus 2 bytes per character of each distinct string), the
 * numeric and categorical (string) column counts of the final table (target included), and the
 * scaling method.
 */
public record QualityReport(
    long missingValuesImputed,
    long outliersCapped,
    int interactionFeaturesCreated,
    int finalRows,
    int finalColumns,
    long memoryUsageBytes,
    int numericColumns,
    int categoricalColumns,
    String scalingMethod) {

  private static final ObjectMapper JSON = JsonMappers.indented();

  /** The report for {@code table} with the given counts. */
  public static QualityReport of(
      Table table, long imputed, long capped, int interactions, ScaleMethod scaling) {
    int numeric = 0;
    int categorical = 0;
    long bytes = 0;
    for (Column<?> column : table.columns()) {
      if (column instanceof NumericColumn<?>) {
        numeric++;
      } else if (column instanceof StringColumn strings) {
        categorical++;
        for (String value : strings.unique()) {
          bytes += 2L * value.length();
        }
      }
      bytes += (long) column.type().byteSize() * column.size();
    }
    return new QualityReport(
        imputed,
        capped,
        interactions,
        table.rowCount(),
        table.columnCount(),
        bytes,
        numeric,
        categorical,
        OptionValues.display(scaling));
  }

  /** The report as indented JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a record of numbers and a string always serializes", e);
    }
  }

  /** Writes the JSON to {@code path} atomically. */
  public void write(Path path) {
    prepare(path).commit();
  }

  /** Writes the JSON to a temporary file that replaces {@code path} when committed. */
  public AtomicFile.Pending prepare(Path path) {
    byte[] bytes = (toJson() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return AtomicFile.prepare(path, out -> out.write(bytes));
  }
}
