package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.components.data.CsvSink;
import dev.stagecraft.runtime.components.data.CsvSource;
import dev.stagecraft.runtime.components.data.DataException;
import dev.stagecraft.runtime.components.data.ImputeStrategy;
import dev.stagecraft.runtime.components.data.OutlierMethod;
import dev.stagecraft.runtime.components.data.PreprocessOptions;
import dev.stagecraft.runtime.components.data.Preprocessor;
import dev.stagecraft.runtime.components.data.ScaleMethod;
import dev.stagecraft.runtime.io.AtomicFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code stagecraft preprocess}: reads a CSV, imputes, scales, adds interaction features and caps
 * outliers (each optional, in that order, fitted on the whole input), and writes the result and an
 * optional quality report. Nothing is written unless the whole run succeeds. Exit codes: 0 done, 2
 * bad input (one line on stderr).
 */
@Command(
    name = "preprocess",
    mixinStandardHelpOptions = true,
    description = "Impute, scale, add interaction features and cap outliers in a CSV file.")
final class PreprocessCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "IN.csv", description = "CSV to read.")
  Path input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "OUT.csv",
      description = "CSV to write.")
  Path output;

  @Option(names = "--target", paramLabel = "COL", description = "Target column, never transformed.")
  String target;

  @Option(
      names = "--impute",
      paramLabel = "STRATEGY",
      defaultValue = "none",
      description =
          "mean, median, most_frequent, constant, knn or none (default: ${DEFAULT-VALUE}).")
  String impute;

  @Option(
      names = "--fill-value",
      paramLabel = "V",
      defaultValue = "0",
      description = "Value for --impute constant (default: ${DEFAULT-VALUE}).")
  String fillValue;

  @Option(
      names = "--knn-k",
      paramLabel = "K",
      defaultValue = "5",
      description = "Neighbours for --impute knn (default: ${DEFAULT-VALUE}).")
  String knnK;

  @Option(
      names = "--scale",
      paramLabel = "METHOD",
      defaultValue = "none",
      description = "standard, robust, minmax or none (default: ${DEFAULT-VALUE}).")
  String scale;

  @Option(
      names = "--cap-outliers",
      paramLabel = "METHOD",
      defaultValue = "none",
      description = "iqr or none (default: ${DEFAULT-VALUE}).")
  String capOutliers;

  @Option(
      names = "--iqr-factor",
      paramLabel = "F",
      defaultValue = "1.5",
      description = "IQR fence factor (default: ${DEFAULT-VALUE}).")
  String iqrFactor;

  @Option(
      names = "--interactions",
      paramLabel = "THRESHOLD",
      description = "Append a_x_b for feature pairs with |Pearson r| above THRESHOLD.")
  String interactions;

  @Option(names = "--report", paramLabel = "q.json", description = "Write the quality report here.")
  Path report;

  @Option(
      names = "--separator",
      paramLabel = "C",
      defaultValue = ",",
      description = "Field separator of input and output (default: '${DEFAULT-VALUE}').")
  String separator;

  @Override
  public Integer call() {
    char sep = separator();
    PreprocessOptions options =
        new PreprocessOptions(
            target,
            ImputeStrategy.parse(impute),
            number("--fill-value", fillValue),
            positiveInt("--knn-k", knnK),
            ScaleMethod.parse(scale),
            OutlierMethod.parse(capOutliers),
            number("--iqr-factor", iqrFactor),
            interactions == null ? null : number("--interactions", interactions));
    if (report != null && report.toAbsolutePath().equals(output.toAbsolutePath())) {
      throw new DataException(
          "--report and --output are the same file " + output + "; name two different files");
    }
    Table data = new CsvSource(CsvSource.Options.defaults().withSeparator(sep)).read(input);
    Preprocessor.Result result = new Preprocessor(options).fitTransform(data);
    // both files are written in full before either replaces its target
    AtomicFile.Pending table = new CsvSink(sep).prepare(result.table(), output);
    AtomicFile.Pending quality = null;
    try {
      quality = report == null ? null : result.report().prepare(report);
    } catch (UserInputException e) {
      table.discard();
      throw e;
    }
    table.commit();
    if (quality != null) {
      quality.commit();
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %d rows x %d columns (%d imputed, %d capped, %d" + " interaction columns)%n",
            output,
            result.report().finalRows(),
            result.report().finalColumns(),
            result.report().missingValuesImputed(),
            result.report().outliersCapped(),
            result.report().interactionFeaturesCreated());
    return 0;
  }

  private char separator() {
    return CsvSource.separator("--separator", separator);
  }

  private static double number(String option, String text) {
    try {
      double value = Double.parseDouble(text.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DataException(option + " value '" + text + "' is not a number; write e.g. 1.5");
  }

  private static int positiveInt(String option, String text) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DataException(
        option + " value '" + text + "' is not a positive whole number; write e.g. 5");
  }
}
