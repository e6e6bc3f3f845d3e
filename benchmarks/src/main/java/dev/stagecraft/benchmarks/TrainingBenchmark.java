package dev.stagecraft.benchmarks;

import dev.stagecraft.runtime.components.abtest.AbTest;
import dev.stagecraft.runtime.components.abtest.AbTestOptions;
import dev.stagecraft.runtime.components.abtest.AbTestResult;
import dev.stagecraft.runtime.components.data.BundledData;
import dev.stagecraft.runtime.components.train.ModelTraining;
import dev.stagecraft.runtime.components.train.ModelType;
import dev.stagecraft.runtime.components.train.TrainedModel;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Times training with each model type's default search (and the two-type variant b) on a CSV
 * with numeric features, after a seeded stratified 80/20 split and z-scaling by the training
 * split's mean and population deviation.
 *
 * <p>{@code benchmarks/run training [CSV] [TARGET] [nTrials] [folds] [splitSeed]}; defaults: the
 * breast cancer data set, {@code diagnosis}, the {@link TrainingConfig} defaults, 42.
 */
public final class TrainingBenchmark {
  private TrainingBenchmark() {}

  public static void main(String[] args) throws Exception {
    String csv = args.length > 0 ? args[0] : null;
    String target = args.length > 1 ? args[1] : "diagnosis";
    int trials = args.length > 2 ? Integer.parseInt(args[2]) : TrainingConfig.DEFAULT_TRIALS;
    int folds = args.length > 3 ? Integer.parseInt(args[3]) : TrainingConfig.DEFAULT_FOLDS;
    long splitSeed = args.length > 4 ? Long.parseLong(args[4]) : 42;
    Table[] split =
        scale(split(csv == null ? BundledData.breastCancer() : Table.read().csv(Path.of(csv).toFile()),
            target, splitSeed), target);

    Map<String, List<TrainingConfig>> runs = new LinkedHashMap<>();
    for (ModelType type : ModelType.values()) {
      runs.put(type.id(), List.of(config(type, trials, folds)));
    }
    runs.put(
        "variant_b",
        List.of(
            config(ModelType.RANDOM_FOREST, trials, folds),
            config(ModelType.GRADIENT_BOOSTING, trials, folds)));
    // one warm-up so class loading and the JIT are not charged to the first model type
    ModelTraining.train(split[0], split[1], target, runs.get("logistic_regression"));

    StringBuilder json = new StringBuilder("{\"benchmark\":\"training\",\"trials\":" + trials
        + ",\"folds\":" + folds + ",\"results\":{");
    String separator = "";
    Map<String, TrainedModel> models = new LinkedHashMap<>();
    for (Map.Entry<String, List<TrainingConfig>> run : runs.entrySet()) {
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      TrainedModel model = ModelTraining.train(split[0], split[1], target, run.getValue());
      models.put(run.getKey(), model);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%-20s %6.2f s (cpu %6.2f s)  cv %.4f  test accuracy %.4f  auc %s  %s %s%n",
          run.getKey(),
          seconds,
          cpuSeconds,
          model.cvScore(),
          model.accuracy(),
          model.testMetrics().rocAuc(),
          model.modelType(),
          model.bestParams());
      json.append(separator)
          .append(String.format(Locale.ROOT,
              "\"%s\":{\"seconds\":%.3f,\"cpuSeconds\":%.3f,\"cvScore\":%.4f,\"testAccuracy\":%.4f,"
                  + "\"chosen\":\"%s\"}",
              run.getKey(),
              seconds,
              cpuSeconds,
              model.cvScore(),
              model.accuracy(),
              model.modelType()));
      separator = ",";
    }
    AbTestResult ab =
        AbTest.compare(
            models.get("logistic_regression"), models.get("variant_b"), AbTestOptions.DEFAULTS);
    System.out.println("A/B (a = logistic_regression, b = variant_b): " + ab);
    json.append(
        String.format(
            Locale.ROOT,
            "},\"abTest\":{\"selected\":\"%s\",\"pValue\":%.4f,\"confidence\":%.4f}",
            ab.selected(), ab.pValue(), ab.confidence()));
    System.out.println(json.append("}"));
  }

  /** CPU time of the whole process (the JVM's and XGBoost's native threads). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static TrainingConfig config(ModelType type, int trials, int folds) {
    return TrainingConfig.defaults(type).withTrials(trials).withFolds(folds);
  }

  private static Table[] split(Table table, String target, long seed) {
    TreeMap<String, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < table.rowCount(); i++) {
      byClass.computeIfAbsent(table.column(target).getString(i), k -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (List<Integer> rows : byClass.values()) {
      Collections.shuffle(rows, random);
      int nTest = (int) Math.round(rows.size() * 0.2);
      test.addAll(rows.subList(0, nTest));
      train.addAll(rows.subList(nTest, rows.size()));
    }
    Collections.sort(train);
    Collections.sort(test);
    return new Table[] {
      table.rows(train.stream().mapToInt(Integer::intValue).toArray()).setName("train"),
      table.rows(test.stream().mapToInt(Integer::intValue).toArray()).setName("test")
    };
  }

  private static Table[] scale(Table[] split, String target) {
    Table train = Table.create("train");
    Table test = Table.create("test");
    for (Column<?> column : split[0].columns()) {
      if (column.name().equals(target) || !(column instanceof NumericColumn<?>)) {
        train.addColumns(column.copy());
        test.addColumns(split[1].column(column.name()).copy());
        continue;
      }
      double[] x = ((NumericColumn<?>) column).asDoubleArray();
      double mean = 0;
      for (double v : x) {
        mean += v;
      }
      mean /= x.length;
      double variance = 0;
      for (double v : x) {
        variance += (v - mean) * (v - mean);
      }
      double sd = Math.sqrt(variance / x.length);
      double m = mean;
      train.addColumns(
          DoubleColumn.create(column.name(), java.util.Arrays.stream(x).map(v -> (v - m) / sd)));
      double[] y = split[1].numberColumn(column.name()).asDoubleArray();
      test.addColumns(
          DoubleColumn.create(column.name(), java.util.Arrays.stream(y).map(v -> (v - m) / sd)));
    }
    return new Table[] {train, test};
  }
}
