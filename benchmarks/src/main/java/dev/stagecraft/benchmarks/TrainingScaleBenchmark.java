package dev.stagecraft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.examples.advancedml.VariantConfigs;
import dev.stagecraft.runtime.components.data.CsvSource;
import dev.stagecraft.runtime.components.data.ScaleMethod;
import dev.stagecraft.runtime.components.data.Scaler;
import dev.stagecraft.runtime.components.data.ScalerState;
import dev.stagecraft.runtime.components.train.LabeledData;
import dev.stagecraft.runtime.components.train.ModelTraining;
import dev.stagecraft.runtime.components.train.ModelType;
import dev.stagecraft.runtime.components.train.TableDatasets;
import dev.stagecraft.runtime.components.train.TrainedModel;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import dev.stagecraft.runtime.components.train.TrainingOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import tech.tablesaw.api.Table;

/**
 * Training at scale, on the seeded data of {@link ScaleData} (100,000 rows x 20 features, binary):
 *
 * <ul>
 *   <li>{@code fit}: each model type fitted on the first 80,000 rows with the hyperparameters of
 *       its scikit-learn counterpart in {@code benchmarks/sklearn/fit_times.py} (logistic
 *       regression C = 1 on standardized features; a random forest of 100 trees of depth 12 trying
 *       a fifth of the features at each split; 100 rounds of gradient boosting at learning rate 0.1
 *       and depth 5), with 1 and 2 threads, after warm-up fits (for the JIT), the median of at
 *       least ROUNDS fits and at least 2 s of fits, accuracy on the last 20,000 rows; printed
 *       beside scikit-learn's figures from {@code benchmarks/sklearn/sklearn-results.json} with the
 *       ratio;
 *   <li>{@code parallel}: variant b's search (random forest and gradient boosting, 2 trials each, 3
 *       folds) on the same split with 1 and with 2 threads: the wall times, and whether the
 *       histories and test predictions are the same;
 *   <li>{@code run}: the main job on the 100,000-row CSV as a user runs it ({@code stagecraft run
 *       advanced-ml} in a fresh JVM with {@code -Xmx2g}, fresh store), with {@code nTrials=1,
 *       folds=2} and with the defaults: wall and CPU time, the peak heap (the largest heap in use
 *       before a collection, from the JVM's GC log) and the longest silence of the training stages
 *       (time between two of their progress lines on stderr).
 * </ul>
 *
 * <pre>
 * benchmarks/run training-scale [fit|parallel|run|all] [ROUNDS]     # default all, 3 rounds
 * benchmarks/run training-scale generate FILE [ROWS]       # the CSV alone
 * </pre>
 */
public final class TrainingScaleBenchmark {
  private static final int ROWS = 100_000;
  private static final int TRAIN_ROWS = 80_000;
  private static final long SEED = 42;
  private static final Path SKLEARN = Path.of("benchmarks/sklearn/sklearn-results.json");

  /** Each model type's hyperparameters, as its scikit-learn counterpart's. */
  private static final Map<ModelType, Map<String, Object>> SETTINGS =
      Map.of(
          ModelType.LOGISTIC_REGRESSION,
          Map.of("C", 1.0, "max_iter", 100),
          ModelType.RANDOM_FOREST,
          Map.of("n_estimators", 100, "max_depth", 12, "max_features", 0.2),
          ModelType.GRADIENT_BOOSTING,
          Map.of("n_estimators", 100, "learning_rate", 0.1, "max_depth", 5));

  private static final List<ModelType> TYPES =
      List.of(ModelType.LOGISTIC_REGRESSION, ModelType.RANDOM_FOREST, ModelType.GRADIENT_BOOSTING);

  private TrainingScaleBenchmark() {}

  /** Runs the parts asked for and prints one JSON line last. */
  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "all";
    if (what.equals("generate")) {
      if (args.length < 2) {
        System.err.println("usage: benchmarks/run training-scale generate FILE [ROWS]");
        System.exit(2);
      }
      ScaleData.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (!List.of("fit", "parallel", "run", "all").contains(what)) {
      System.err.println("usage: benchmarks/run training-scale [fit|parallel|run|all] [ROUNDS]");
      System.exit(2);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("stagecraft-training-scale-");
    Path csv = dir.resolve("big.csv");
    ScaleData.write(csv, ROWS, ScaleData.SEED);
    System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
    StringBuilder json = new StringBuilder("{\"benchmark\":\"training-scale\"");
    if (what.equals("fit") || what.equals("all")) {
      json.append(",\"fit\":").append(fit(csv, rounds));
    }
    if (what.equals("parallel") || what.equals("all")) {
      json.append(",\"parallel\":").append(parallel(csv));
    }
    if (what.equals("run") || what.equals("all")) {
      json.append(",\"run\":").append(run(csv, dir));
    }
    System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
    System.out.println(json.append('}'));
  }

  // ---------------------------------------------------------------- fit times

  private static String fit(Path csv, int rounds) throws IOException {
    Table table = CsvSource.readCsv(csv);
    Table train = table.inRange(0, TRAIN_ROWS);
    Table test = table.inRange(TRAIN_ROWS, table.rowCount());
    ScalerState scaler = new Scaler(ScaleMethod.STANDARD, "label").fit(train);
    LabeledData rawTrain = TableDatasets.forTraining(train, "label");
    LabeledData rawTest = TableDatasets.forEvaluation(test, "label", rawTrain.featureNames());
    LabeledData scaledTrain = TableDatasets.forTraining(scaler.transform(train), "label");
    LabeledData scaledTest =
        TableDatasets.forEvaluation(scaler.transform(test), "label", rawTrain.featureNames());
    JsonNode sklearn = Files.exists(SKLEARN) ? new ObjectMapper().readTree(SKLEARN.toFile()) : null;
    System.out.printf(
        Locale.ROOT,
        "%-20s %7s %10s %10s %7s %9s %9s %7s%n",
        "model",
        "threads",
        "ours s",
        "sklearn s",
        "ratio",
        "ours acc",
        "sk acc",
        "diff");
    StringBuilder json = new StringBuilder("{");
    String separator = "";
    for (ModelType type : TYPES) {
      boolean scaled = type == ModelType.LOGISTIC_REGRESSION;
      LabeledData fitOn = scaled ? scaledTrain : rawTrain;
      LabeledData scoreOn = scaled ? scaledTest : rawTest;
      for (int threads : new int[] {1, 2}) {
        // warm-up (the JIT), then at least ROUNDS fits and at least 2 s of them, as the script
        Model<Label> model = null;
        for (long start = System.nanoTime(), warm = 0;
            warm < 3 && (warm < 1 || System.nanoTime() - start < 2e9);
            warm++) {
          model = type.fit(SETTINGS.get(type), SEED, fitOn, threads);
        }
        List<Double> times = new ArrayList<>();
        while (times.size() < rounds || times.stream().mapToDouble(t -> t).sum() < 2.0) {
          long t0 = System.nanoTime();
          model = type.fit(SETTINGS.get(type), SEED, fitOn, threads);
          times.add((System.nanoTime() - t0) / 1e9);
        }
        double seconds = median(times);
        double accuracy = accuracy(model, scoreOn);
        JsonNode theirs =
            sklearn == null ? null : sklearn.path("results").path(type.id()).path("" + threads);
        double skSeconds = theirs == null ? Double.NaN : theirs.path("seconds").asDouble();
        double skAccuracy = theirs == null ? Double.NaN : theirs.path("accuracy").asDouble();
        System.out.printf(
            Locale.ROOT,
            "%-20s %7d %10.3f %10.3f %7.2f %9.4f %9.4f %+7.4f%n",
            type.id(),
            threads,
            seconds,
            skSeconds,
            seconds / skSeconds,
            accuracy,
            skAccuracy,
            accuracy - skAccuracy);
        json.append(separator)
            .append(
                String.format(
                    Locale.ROOT,
                    "\"%s/%d\":{\"seconds\":%.4f,\"sklearnSeconds\":%.4f,\"ratio\":%.3f,"
                        + "\"accuracy\":%.4f,\"sklearnAccuracy\":%.4f}",
                    type.id(),
                    threads,
                    seconds,
                    skSeconds,
                    seconds / skSeconds,
                    accuracy,
                    skAccuracy));
        separator = ",";
      }
    }
    if (sklearn == null) {
      System.out.println(
          "(no " + SKLEARN + ": run benchmarks/sklearn/fit_times.py to compare; see the README)");
    }
    return json.append('}').toString();
  }

  // ---------------------------------------------------------------- parallel folds

  private static String parallel(Path csv) {
    Table table = CsvSource.readCsv(csv);
    LabeledData train = TableDatasets.forTraining(table.inRange(0, TRAIN_ROWS), "label");
    LabeledData test =
        TableDatasets.forEvaluation(
            table.inRange(TRAIN_ROWS, table.rowCount()), "label", train.featureNames());
    List<TrainingConfig> b =
        VariantConfigs.defaults("b", 2, 3, SEED).stream().map(c -> c.withTrials(2)).toList();
    ModelTraining.train(train, test, b, TrainingOptions.sequential()); // warm-up
    Map<Integer, Double> seconds = new LinkedHashMap<>();
    Map<Integer, TrainedModel> models = new LinkedHashMap<>();
    for (int threads : new int[] {1, 2}) {
      long t0 = System.nanoTime();
      models.put(
          threads,
          ModelTraining.train(
              train, test, b, TrainingOptions.sequential().withParallelism(threads)));
      seconds.put(threads, (System.nanoTime() - t0) / 1e9);
    }
    boolean same =
        untimed(models.get(1)).equals(untimed(models.get(2)))
            && models.get(1).predictions().equals(models.get(2).predictions());
    System.out.printf(
        Locale.ROOT,
        "variant b (4 trials x 3 folds + refit) on 80k rows: 1 thread %.1f s, 2 threads %.1f s"
            + " (x%.2f); same trials and test predictions: %s%n",
        seconds.get(1),
        seconds.get(2),
        seconds.get(1) / seconds.get(2),
        same);
    return String.format(
        Locale.ROOT,
        "{\"oneThreadSeconds\":%.2f,\"twoThreadsSeconds\":%.2f,\"same\":%s}",
        seconds.get(1),
        seconds.get(2),
        same);
  }

  /** The trials without their wall times, which vary. */
  private static List<List<Object>> untimed(TrainedModel model) {
    return model.history().stream()
        .map(t -> List.<Object>of(t.modelType(), t.params(), t.foldScores(), t.state()))
        .toList();
  }

  private static double accuracy(Model<Label> model, LabeledData data) {
    List<Prediction<Label>> predictions = model.predict(data.examples());
    int right = 0;
    for (int i = 0; i < predictions.size(); i++) {
      if (predictions.get(i).getOutput().getLabel().equals(data.label(i))) {
        right++;
      }
    }
    return (double) right / predictions.size();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  // ---------------------------------------------------------------- the main job end to end

  private static final Pattern GC = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");
  private static final Pattern PROGRESS = Pattern.compile("^\\[\\s*([0-9.]+)s\\] (train\\[\\d\\])");

  private static String run(Path csv, Path dir) throws Exception {
    Path jar = Path.of("examples/target/stagecraft.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing; build it with mvn -B -q -DskipTests package");
    }
    Map<String, List<String>> runs = new LinkedHashMap<>();
    runs.put("nTrials=1,folds=2", List.of("-p", "nTrials=1", "-p", "folds=2"));
    runs.put("defaults", List.of());
    StringBuilder json = new StringBuilder("{");
    String separator = "";
    for (Map.Entry<String, List<String>> r : runs.entrySet()) {
      Path store = Files.createTempDirectory(dir, "store-");
      Path gc = dir.resolve("gc-" + runs.size() + r.getKey().hashCode() + ".log");
      Path err = dir.resolve("stderr.txt");
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx2g",
                  "-Xlog:gc:file=" + gc,
                  "-cp",
                  jar.toString(),
                  "dev.stagecraft.runtime.cli.StagecraftCli",
                  "run",
                  "advanced-ml",
                  "--json",
                  "--store",
                  store.toString(),
                  "-p",
                  "inputDataPath=" + csv,
                  "-p",
                  "targetColumn=label"));
      command.addAll(r.getValue());
      double cpuBefore = AdvancedMlBenchmark.childrenCpuSeconds();
      long t0 = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
      byte[] out = process.getInputStream().readAllBytes();
      int code = process.waitFor();
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = AdvancedMlBenchmark.childrenCpuSeconds() - cpuBefore;
      if (code != 0) {
        throw new IllegalStateException(
            "advanced-ml exited with " + code + ": " + Files.readString(err));
      }
      JsonNode result = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
      Map<String, Double> accuracy = new LinkedHashMap<>();
      for (JsonNode stage : result.get("stages")) {
        if (stage.get("name").asText().startsWith("train[")) {
          accuracy.put(stage.get("name").asText(), stage.get("metrics").get("accuracy").asDouble());
        }
      }
      double heapMb = peakHeapMb(gc);
      double silence = longestSilence(err);
      System.out.printf(
          Locale.ROOT,
          "advanced-ml on 100k x 20, %-18s wall %6.1f s, cpu %6.1f s, peak heap %5.0f MB,"
              + " longest silence of a training stage %4.1f s, test accuracy %s%n",
          r.getKey(),
          wall,
          cpu,
          heapMb,
          silence,
          accuracy);
      json.append(separator)
          .append(
              String.format(
                  Locale.ROOT,
                  "\"%s\":{\"wallSeconds\":%.1f,\"cpuSeconds\":%.1f,\"peakHeapMb\":%.0f,"
                      + "\"longestSilenceSeconds\":%.1f,\"accuracyA\":%.4f,\"accuracyB\":%.4f}",
                  r.getKey(),
                  wall,
                  cpu,
                  heapMb,
                  silence,
                  accuracy.get("train[0]"),
                  accuracy.get("train[1]")));
      separator = ",";
    }
    return json.append('}').toString();
  }

  /** The most heap in use before a collection in a {@code -Xlog:gc} file, in MB. */
  private static double peakHeapMb(Path gcLog) throws IOException {
    double peak = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC.matcher(line);
      while (m.find()) {
        peak = Math.max(peak, Double.parseDouble(m.group(1)));
      }
    }
    return peak;
  }

  /**
   * The longest time a training stage went without a line on stderr (its start, its progress, its
   * end), from the log lines' elapsed-time prefixes.
   */
  private static double longestSilence(Path stderr) throws IOException {
    Map<String, Double> last = new LinkedHashMap<>();
    double longest = 0;
    for (String line : Files.readAllLines(stderr)) {
      Matcher m = PROGRESS.matcher(line);
      if (m.find()) {
        double t = Double.parseDouble(m.group(1));
        Double before = last.put(m.group(2), t);
        if (before != null) {
          longest = Math.max(longest, t - before);
        }
      }
    }
    return longest;
  }

  private static String loadAverage() throws IOException {
    Path proc = Path.of("/proc/loadavg");
    return Files.exists(proc)
        ? Files.readString(proc).trim()
        : String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
