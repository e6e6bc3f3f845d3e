package dev.stagecraft.examples.advancedml;

import dev.stagecraft.runtime.Summarizable;
import dev.stagecraft.runtime.components.data.DataException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What the data-quality gate measured: the share of missing feature cells and of the rarest class,
 * against their thresholds.
 *
 * @param rows the rows of the data
 * @param missingFraction missing feature cells over all feature cells (the target excluded)
 * @param classCounts rows per class of the target, by class (rows without a class left out)
 * @param rarestClass the class with the fewest rows; empty when no row has a class
 * @param rarestClassFraction its rows over the rows with a class
 */
public record DataQuality(
    int rows,
    double missingFraction,
    double maxMissingFraction,
    Map<String, Integer> classCounts,
    String rarestClass,
    double rarestClassFraction,
    double minClassFraction)
    implements Summarizable {

  /** Copies the counts. */
  public DataQuality {
    classCounts = Map.copyOf(classCounts);
  }

  /**
   * Measures {@code data} and checks it.
   *
   * @throws DataException when the thresholds are out of range, too many feature values are
   *     missing, or the rarest of two or more classes is too rare (a single class is for {@code
   *     preprocess} to report, where the training data is prepared)
   */
  static DataQuality of(
      Table data, String target, double maxMissingFraction, double minClassFraction) {
    if (!(maxMissingFraction >= 0 && maxMissingFraction <= 1)) {
      throw new DataException(
          "maxMissingFraction " + maxMissingFraction + " must be in [0, 1]: a fraction of cells");
    }
    if (!(minClassFraction >= 0 && minClassFraction <= 0.5)) {
      throw new DataException(
          "minClassFraction "
              + minClassFraction
              + " must be in [0, 0.5]: the least fraction of rows the rarest class may have");
    }
    long missing = 0;
    long cells = 0;
    for (Column<?> column : data.columns()) {
      if (!column.name().equals(target)) {
        missing += column.countMissing();
        cells += column.size();
      }
    }
    double missingFraction = cells == 0 ? 0 : (double) missing / cells;
    if (missingFraction > maxMissingFraction) {
      throw new DataException(
          String.format(
              Locale.ROOT,
              "data quality: %d of %d feature cells (%.1f%%) are missing, more than"
                  + " maxMissingFraction %.2f: fill them in the data, or raise"
                  + " maxMissingFraction if imputing that much is right",
              missing,
              cells,
              100 * missingFraction,
              maxMissingFraction));
    }
    Column<?> labels = data.column(target);
    Map<String, Integer> counts = new TreeMap<>();
    int labelled = 0;
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.isMissing(i)) {
        counts.merge(labels.getString(i), 1, Integer::sum);
        labelled++;
      }
    }
    if (counts.isEmpty()) {
      // no class at all: preprocess reports it, where the training data is prepared
      return new DataQuality(
          data.rowCount(), missingFraction, maxMissingFraction, counts, "", 0, minClassFraction);
    }
    String rarest =
        counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    double rarestFraction = (double) counts.get(rarest) / labelled;
    if (counts.size() > 1 && rarestFraction < minClassFraction) {
      throw new DataException(
          String.format(
              Locale.ROOT,
              "data quality: class '%s' of '%s' has %d of %d rows (%.1f%%), less than"
                  + " minClassFraction %.2f: too few to learn and test it; add rows of it,"
                  + " or lower minClassFraction",
              rarest,
              target,
              counts.get(rarest),
              labelled,
              100 * rarestFraction,
              minClassFraction));
    }
    return new DataQuality(
        data.rowCount(),
        missingFraction,
        maxMissingFraction,
        counts,
        rarest,
        rarestFraction,
        minClassFraction);
  }

  @Override
  public List<String> summaryLines() {
    return List.of(
        String.format(
            Locale.ROOT,
            "data quality: %.1f%% of feature cells missing (at most %.1f%%), rarest class '%s'"
                + " %.1f%% of %d rows (at least %.1f%%)",
            100 * missingFraction,
            100 * maxMissingFraction,
            rarestClass,
            100 * rarestClassFraction,
            rows,
            100 * minClassFraction));
  }
}
