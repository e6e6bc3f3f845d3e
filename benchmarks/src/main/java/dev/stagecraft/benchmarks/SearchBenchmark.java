package dev.stagecraft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.benchmarks.TestFunctions.TestFunction;
import dev.stagecraft.examples.advancedml.VariantConfigs;
import dev.stagecraft.runtime.components.data.BundledData;
import dev.stagecraft.runtime.components.data.ImputeStrategy;
import dev.stagecraft.runtime.components.data.PreprocessOptions;
import dev.stagecraft.runtime.components.data.Preprocessor;
import dev.stagecraft.runtime.components.data.ScaleMethod;
import dev.stagecraft.runtime.components.data.TrainTestSplit;
import dev.stagecraft.runtime.components.search.Direction;
import dev.stagecraft.runtime.components.search.ParameterSpace;
import dev.stagecraft.runtime.components.search.Pruner;
import dev.stagecraft.runtime.components.search.RandomSampler;
import dev.stagecraft.runtime.components.search.Sampler;
import dev.stagecraft.runtime.components.search.Study;
import dev.stagecraft.runtime.components.search.TpeSampler;
import dev.stagecraft.runtime.components.search.Trial;
import dev.stagecraft.runtime.components.train.HyperparameterSearch;
import dev.stagecraft.runtime.components.train.LabeledData;
import dev.stagecraft.runtime.components.train.SearchStrategy;
import dev.stagecraft.runtime.components.train.TableDatasets;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import dev.stagecraft.runtime.components.train.TrialRecord;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import tech.tablesaw.api.Table;

/**
 * The hyperparameter search against Optuna 3.1 and random search, in three parts:
 *
 * <ul>
 *   <li>{@code functions}: the best value after {@value #TRIALS} trials, mean over seeds 0 to
 *       {@value #SEEDS}-1, on {@link TestFunctions} (minimized): TPE (multivariate, the default),
 *       TPE independent (Optuna's default mode), Optuna 3.1's {@code TPESampler} with its defaults
 *       (read from {@code benchmarks/optuna/optuna-results.json}, written by {@code run_optuna.py})
 *       and random search;
 *   <li>{@code overhead}: milliseconds per TPE suggestion once {@value #OVERHEAD_HISTORY} trials
 *       are finished, on each test function's space;
 *   <li>{@code training}: the main job's training (the bundled breast cancer data, its split and
 *       preprocessing, variants a and b, {@value #MAIN_JOB_TRIALS} trials per model type, 3 folds)
 *       for seeds 42 to 46 (or as many as the second argument says): the best cross-validation
 *       accuracy of random and TPE search, and the search's wall and CPU time of TPE and random
 *       search without and with pruning, with whether pruning kept the same best model.
 * </ul>
 *
 * <pre>
 * benchmarks/run search [functions|overhead|training|all] [SEEDS]    # default all, 5 seeds
 * </pre>
 */
public final class SearchBenchmark {
  static final int TRIALS = 50;
  static final int SEEDS = 20;
  static final int OVERHEAD_HISTORY = 200;
  static final int OVERHEAD_SUGGESTIONS = 50;
  static final int OVERHEAD_ROUNDS = 3;
  static final int MAIN_JOB_TRIALS = 16;
  static final long FIRST_SEED = 42;
  static final int MAIN_JOB_SEEDS = 5;
  private static final Path OPTUNA_RESULTS = Path.of("benchmarks/optuna/optuna-results.json");

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    String part = args.length > 0 ? args[0] : "all";
    if (!List.of("functions", "overhead", "training", "all").contains(part)) {
      System.err.println(
          "error: unknown part '" + part + "'; use functions, overhead, training or all");
      System.exit(2);
    }
    if (args.length > 1 && !args[1].matches("[1-9][0-9]?")) {
      System.err.println("error: SEEDS must be a whole number from 1 to 99, got '" + args[1] + "'");
      System.exit(2);
    }
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : MAIN_JOB_SEEDS;
    StringBuilder json = new StringBuilder("{\"benchmark\":\"search\"");
    if (part.equals("functions") || part.equals("all")) {
      json.append(",\"functions\":").append(functions());
    }
    if (part.equals("overhead") || part.equals("all")) {
      json.append(",\"overheadMsPerSuggestion\":").append(overhead());
    }
    if (part.equals("training") || part.equals("all")) {
      json.append(",\"training\":").append(training(seeds));
    }
    System.out.println(json.append("}"));
  }

  private static String functions() throws Exception {
    if (!Files.isRegularFile(OPTUNA_RESULTS)) {
      System.err.println(
          "error: "
              + OPTUNA_RESULTS
              + " is missing; run /usr/bin/python3 benchmarks/optuna/run_optuna.py from the"
              + " repository root");
      System.exit(2);
    }
    JsonNode optuna = JsonMappers.create().readTree(Files.readString(OPTUNA_RESULTS));
    System.out.printf(
        Locale.ROOT,
        "best value after %d trials, mean over seeds 0-%d (minimized; lower is better)%n"
            + "%-10s %12s %12s %12s %12s%n",
        TRIALS,
        SEEDS - 1,
        "function",
        "tpe",
        "tpe-indep",
        "optuna-3.1",
        "random");
    StringBuilder json = new StringBuilder("{");
    for (TestFunction f : TestFunctions.all()) {
      double tpe = meanBest(f, TpeSampler::new);
      double independent =
          meanBest(
              f,
              (space, seed) ->
                  new TpeSampler(
                      space,
                      seed,
                      TpeSampler.Mode.INDEPENDENT,
                      TpeSampler.DEFAULT_STARTUP_TRIALS,
                      TpeSampler.DEFAULT_EI_CANDIDATES));
      double random = meanBest(f, RandomSampler::new);
      double reference = optuna.at("/functions/" + f.name() + "/tpe/meanBest").asDouble();
      System.out.printf(
          Locale.ROOT,
          "%-10s %12.4f %12.4f %12.4f %12.4f%n",
          f.name(),
          tpe,
          independent,
          reference,
          random);
      json.append(json.length() > 1 ? "," : "")
          .append(
              String.format(
                  Locale.ROOT,
                  "\"%s\":{\"tpe\":%.6f,\"tpeIndependent\":%.6f,\"optunaTpe\":%.6f,\"random\":%.6f}",
                  f.name(),
                  tpe,
                  independent,
                  reference,
                  random));
    }
    return json.append("}").toString();
  }

  private static double meanBest(
      TestFunction f, BiFunction<ParameterSpace, Long, Sampler> sampler) {
    double sum = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      Study study =
          new Study(sampler.apply(f.space(), seed), Pruner.NEVER, Direction.MINIMIZE, TRIALS, 1);
      for (Optional<Trial> t = study.ask(); t.isPresent(); t = study.ask()) {
        study.tell(t.get(), f.f().applyAsDouble(t.get().params()));
      }
      sum += study.best().orElseThrow().value();
    }
    return sum / SEEDS;
  }

  /**
   * The time of a suggestion once {@value #OVERHEAD_HISTORY} trials are finished, in thread CPU
   * time (other jobs on the machine do not count; the sampler is single-threaded): the mean over
   * {@value #OVERHEAD_SUGGESTIONS} suggestions and {@value #OVERHEAD_ROUNDS} seeds, after one round
   * for the JIT; the worst space's is returned.
   */
  private static String overhead() {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double worst = 0;
    for (TestFunction f : TestFunctions.all()) {
      long cpu = 0;
      long wall = 0;
      for (int round = 0; round <= OVERHEAD_ROUNDS; round++) {
        Study study =
            new Study(
                new TpeSampler(f.space(), round),
                Pruner.NEVER,
                Direction.MINIMIZE,
                OVERHEAD_HISTORY + OVERHEAD_SUGGESTIONS,
                1);
        for (int i = 0; i < OVERHEAD_HISTORY + OVERHEAD_SUGGESTIONS; i++) {
          long cpuStart = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          Trial t = study.ask().orElseThrow();
          if (i >= OVERHEAD_HISTORY && round > 0) {
            wall += System.nanoTime() - start;
            cpu += threads.getCurrentThreadCpuTime() - cpuStart;
          }
          study.tell(t, f.f().applyAsDouble(t.params()));
        }
      }
      double cpuMs = cpu / 1e6 / (OVERHEAD_SUGGESTIONS * OVERHEAD_ROUNDS);
      double wallMs = wall / 1e6 / (OVERHEAD_SUGGESTIONS * OVERHEAD_ROUNDS);
      worst = Math.max(worst, cpuMs);
      System.out.printf(
          Locale.ROOT,
          "overhead %-10s %.3f ms cpu (%.3f ms wall) per suggestion after %d trials%n",
          f.name(),
          cpuMs,
          wallMs,
          OVERHEAD_HISTORY);
    }
    return String.format(Locale.ROOT, "%.3f", worst);
  }

  /** One search of both variants: the best trial of each and the time spent searching. */
  private record Searched(List<TrialRecord> best, double seconds, double cpuSeconds, int pruned) {
    double meanBestScore() {
      return best.stream().mapToDouble(TrialRecord::meanScore).average().orElseThrow();
    }

    boolean sameBest(Searched other) {
      for (int i = 0; i < best.size(); i++) {
        TrialRecord a = best.get(i);
        TrialRecord b = other.best.get(i);
        if (!a.modelType().equals(b.modelType()) || !a.params().equals(b.params())) {
          return false;
        }
      }
      return true;
    }
  }

  private static String training(int seeds) {
    System.out.printf(
        Locale.ROOT,
        "main job training, %d trials per model type, variants a and b, 3 folds%n"
            + "%4s %-16s %9s %9s %8s %8s %7s %s%n",
        MAIN_JOB_TRIALS,
        "seed",
        "search",
        "cv a",
        "cv b",
        "wall s",
        "cpu s",
        "pruned",
        "same best as without pruning");
    LabeledData[] warm = prepared(0);
    search(warm[0], 0, SearchStrategy.RANDOM, false);
    List<String> rows = new ArrayList<>();
    double[] sums = new double[8];
    int sameTpe = 0;
    int sameRandom = 0;
    for (long seed = FIRST_SEED; seed < FIRST_SEED + seeds; seed++) {
      LabeledData[] data = prepared(seed);
      Searched random = search(data[0], seed, SearchStrategy.RANDOM, false);
      Searched tpe = search(data[0], seed, SearchStrategy.TPE, false);
      Searched tpePruned = search(data[0], seed, SearchStrategy.TPE, true);
      Searched randomPruned = search(data[0], seed, SearchStrategy.RANDOM, true);
      print(seed, "random", random, null);
      print(seed, "tpe", tpe, null);
      print(seed, "tpe+pruning", tpePruned, tpe);
      print(seed, "random+pruning", randomPruned, random);
      sameTpe += tpePruned.sameBest(tpe) ? 1 : 0;
      sameRandom += randomPruned.sameBest(random) ? 1 : 0;
      sums[0] += random.meanBestScore();
      sums[1] += tpe.meanBestScore();
      sums[2] += tpe.seconds();
      sums[3] += tpePruned.seconds();
      sums[4] += random.seconds();
      sums[5] += randomPruned.seconds();
      sums[6] += tpe.cpuSeconds();
      sums[7] += tpePruned.cpuSeconds();
      rows.add(
          String.format(
              Locale.ROOT,
              "{\"seed\":%d,\"randomCv\":[%.4f,%.4f],\"tpeCv\":[%.4f,%.4f],"
                  + "\"tpeSeconds\":%.2f,\"tpePrunedSeconds\":%.2f,\"tpePruned\":%d,"
                  + "\"randomSeconds\":%.2f,\"randomPrunedSeconds\":%.2f,\"randomPruned\":%d,"
                  + "\"tpeSameBest\":%b,\"randomSameBest\":%b}",
              seed,
              random.best().get(0).meanScore(),
              random.best().get(1).meanScore(),
              tpe.best().get(0).meanScore(),
              tpe.best().get(1).meanScore(),
              tpe.seconds(),
              tpePruned.seconds(),
              tpePruned.pruned(),
              random.seconds(),
              randomPruned.seconds(),
              randomPruned.pruned(),
              tpePruned.sameBest(tpe),
              randomPruned.sameBest(random)));
    }
    int n = seeds;
    double tpeCut = 1 - sums[3] / sums[2];
    double randomCut = 1 - sums[5] / sums[4];
    double tpeCpuCut = 1 - sums[7] / sums[6];
    System.out.printf(
        Locale.ROOT,
        "mean best cv accuracy (mean of variants a and b): random %.4f, tpe %.4f%n"
            + "pruning cuts the search's wall time by %.1f%% with tpe (cpu %.1f%%), %.1f%% with"
            + " random; same best model in %d of %d seeds with tpe, %d of %d with random%n",
        sums[0] / n,
        sums[1] / n,
        100 * tpeCut,
        100 * tpeCpuCut,
        100 * randomCut,
        sameTpe,
        n,
        sameRandom,
        n);
    return String.format(
        Locale.ROOT,
        "{\"trials\":%d,\"randomMeanBestCv\":%.4f,\"tpeMeanBestCv\":%.4f,\"tpePruningWallCut\":%.3f,"
            + "\"tpePruningCpuCut\":%.3f,\"randomPruningWallCut\":%.3f,\"tpeSameBest\":%d,"
            + "\"randomSameBest\":%d,\"seeds\":[%s]}",
        MAIN_JOB_TRIALS,
        sums[0] / n,
        sums[1] / n,
        tpeCut,
        tpeCpuCut,
        randomCut,
        sameTpe,
        sameRandom,
        String.join(",", rows));
  }

  private static void print(long seed, String search, Searched s, Searched unpruned) {
    System.out.printf(
        Locale.ROOT,
        "%4d %-16s %9.4f %9.4f %8.2f %8.2f %7d %s%n",
        seed,
        search,
        s.best().get(0).meanScore(),
        s.best().get(1).meanScore(),
        s.seconds(),
        s.cpuSeconds(),
        s.pruned(),
        unpruned == null ? "" : s.sameBest(unpruned) ? "yes" : "no");
  }

  /** The main job's split and preprocessing of the bundled data with the seed: train and test. */
  private static LabeledData[] prepared(long seed) {
    String target = BundledData.BREAST_CANCER_TARGET;
    TrainTestSplit.Split split =
        new TrainTestSplit(0.2, seed, target).split(BundledData.breastCancer());
    Table train =
        new Preprocessor(
                PreprocessOptions.defaults()
                    .withTarget(target)
                    .withImpute(ImputeStrategy.MEDIAN)
                    .withScale(ScaleMethod.STANDARD))
            .fitTransform(split.train())
            .table();
    return new LabeledData[] {TableDatasets.forTraining(train, target)};
  }

  /** Searches variants a and b as the main job's train stage does, timing the searches only. */
  private static Searched search(
      LabeledData train, long seed, SearchStrategy strategy, boolean pruning) {
    List<TrialRecord> best = new ArrayList<>();
    long wall = 0;
    long cpu = 0;
    int pruned = 0;
    for (String variant : VariantConfigs.VARIANTS) {
      List<TrialRecord> history = new ArrayList<>();
      for (TrainingConfig config : VariantConfigs.defaults(variant, MAIN_JOB_TRIALS, 3, seed)) {
        TrainingConfig c = config.withStrategy(strategy).withPruning(pruning);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        history.addAll(HyperparameterSearch.run(train, c, history.size()));
        wall += System.nanoTime() - start;
        cpu += processCpuNanos() - cpuStart;
      }
      pruned += (int) history.stream().filter(t -> !t.complete()).count();
      best.add(HyperparameterSearch.best(history));
    }
    return new Searched(best, wall / 1e9, cpu / 1e9, pruned);
  }

  /** CPU time of the whole process (the JVM's and XGBoost's native threads). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
