package dev.stagecraft.benchmarks;

import dev.stagecraft.runtime.components.abtest.AbTest;
import dev.stagecraft.runtime.components.abtest.AbTestOptions;
import dev.stagecraft.runtime.components.abtest.AbTestResult;
import dev.stagecraft.runtime.components.data.BundledData;
import dev.stagecraft.runtime.components.data.CsvSource;
import dev.stagecraft.runtime.components.data.ScaleMethod;
import dev.stagecraft.runtime.components.data.Scaler;
import dev.stagecraft.runtime.components.data.ScalerState;
import dev.stagecraft.runtime.components.data.TrainTestSplit;
import dev.stagecraft.runtime.components.train.ModelTraining;
import dev.stagecraft.runtime.components.train.ModelType;
import dev.stagecraft.runtime.components.train.TrainedModel;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Times training with each model type's default search (and the two-type variant b) on a CSV with
 * numeric features, after a seeded stratified 80/20 split and z-scaling by the training split's
 * mean and population deviation.
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
        splitAndScale(
            csv == null ? BundledData.breastCancer() : new CsvSource().read(Path.of(csv)),
            target,
            splitSeed);

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

    StringBuilder json =
        new StringBuilder(
            "{\"benchmark\":\"training\",\"trials\":"
                + trials
                + ",\"folds\":"
                + folds
                + ",\"results\":{");
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
          .append(
              String.format(
                  Locale.ROOT,
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
            ab.selected(),
            ab.pValue(),
            ab.confidence()));
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

  /** Stratified split and standard scaling fitted on the training rows, by the data components. */
  private static Table[] splitAndScale(Table table, String target, long seed) {
    TrainTestSplit.Split split = new TrainTestSplit(0.2, seed, target).split(table);
    ScalerState scale = new Scaler(ScaleMethod.STANDARD, target).fit(split.train());
    return new Table[] {scale.transform(split.train()), scale.transform(split.test())};
  }
}
