package dev.stagecraft.benchmarks;

import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.ScheduleSimulator;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scheduling quality: the engine's own policy ({@link ScheduleSimulator.Order#ENGINE}: most
 * critical first, reservations, backfilling what fits) against first-in-first-out on seeded random
 * DAGs of 50 to 200 stages on 8 cores, each makespan divided by its lower bound, the larger of the
 * critical path and the core-seconds over the cores. Durations are log-normal (a few long stages,
 * many short), CPU requests mostly 1 core with a tail up to 8. Prints one line per policy and a
 * last line of JSON: the mean ratio of each, the share of DAGs where the engine is no worse than
 * FIFO.
 *
 * <pre>benchmarks/run makespan [dags] [seed]</pre>
 */
public final class MakespanBenchmark {
  static final int CORES = 8;
  static final ResourceRequest CAPACITY = new ResourceRequest(CORES * 1000L, 1L << 40, 0);

  private MakespanBenchmark() {}

  public static void main(String[] args) {
    int dags = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    SplittableRandom random = new SplittableRandom(seed);
    double engineSum = 0;
    double fifoSum = 0;
    double engineWorst = 0;
    double fifoWorst = 0;
    int noWorse = 0;
    long t0 = System.nanoTime();
    for (int d = 0; d < dags; d++) {
      RandomDag dag = RandomDag.draw("dag" + d, random.split());
      double bound = dag.lowerBound();
      double engine = dag.makespan(ScheduleSimulator.Order.ENGINE) / bound;
      double fifo = dag.makespan(ScheduleSimulator.Order.FIFO) / bound;
      engineSum += engine;
      fifoSum += fifo;
      engineWorst = Math.max(engineWorst, engine);
      fifoWorst = Math.max(fifoWorst, fifo);
      if (engine <= fifo + 1e-9) {
        noWorse++;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double engineMean = engineSum / dags;
    double fifoMean = fifoSum / dags;
    System.out.println(
        String.format(
            Locale.ROOT,
            "engine policy  mean makespan / lower bound %.4f (worst %.4f)",
            engineMean,
            engineWorst));
    System.out.println(
        String.format(
            Locale.ROOT,
            "FIFO           mean makespan / lower bound %.4f (worst %.4f)",
            fifoMean,
            fifoWorst));
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"benchmark\":\"makespan\",\"dags\":%d,\"seed\":%d,\"cores\":%d,"
                + "\"engineMeanRatio\":%.4f,\"fifoMeanRatio\":%.4f,\"engineWorstRatio\":%.4f,"
                + "\"fifoWorstRatio\":%.4f,\"engineNoWorseShare\":%.2f,\"simulationSeconds\":%.2f,"
                + "\"targetEngineMeanRatio\":1.10,\"targetNoWorseShare\":0.90}",
            dags,
            seed,
            CORES,
            engineMean,
            fifoMean,
            engineWorst,
            fifoWorst,
            (double) noWorse / dags,
            seconds));
  }

  /** One random DAG, its stages' durations and CPU requests. */
  record RandomDag(PipelineDefinition definition, Map<String, Double> seconds) {

    /**
     * 50 to 200 stages in declaration order; each depends on up to 3 of the 20 stages declared just
     * before it (none for a third of them), so the graphs have both depth and width.
     */
    static RandomDag draw(String name, SplittableRandom random) {
      int n = random.nextInt(50, 201);
      PipelineDefinition.Builder b = PipelineDefinition.builder(name);
      Map<String, Double> seconds = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String stage = "s" + i;
        StageSpec.Builder s =
            StageSpec.builder(stage)
                .resources(new ResourceRequest(cpu(random), 1L << 20, 0))
                .outputType("void")
                .body(call -> null);
        if (i > 0 && random.nextInt(3) > 0) {
          int parents = random.nextInt(1, 4);
          List<String> ups = new ArrayList<>();
          for (int p = 0; p < parents; p++) {
            String up = "s" + Math.max(0, i - 1 - random.nextInt(Math.min(i, 20)));
            if (!ups.contains(up)) {
              ups.add(up);
            }
          }
          s.dependsOn(ups.toArray(String[]::new));
        }
        b.stage(s.build());
        // log-normal: median 10 s, one in twenty over ~50 s
        seconds.put(stage, 10 * Math.exp(random.nextGaussian()));
      }
      return new RandomDag(b.build(), seconds);
    }

    /** Millicores: 1 core mostly, then 2, 4 and 8 ever less often, sometimes half a core. */
    private static long cpu(SplittableRandom random) {
      double u = random.nextDouble();
      return u < 0.15 ? 500 : u < 0.65 ? 1000 : u < 0.85 ? 2000 : u < 0.96 ? 4000 : 8000;
    }

    double makespan(ScheduleSimulator.Order order) {
      Map<String, List<Double>> work = new HashMap<>();
      seconds.forEach((k, v) -> work.put(k, List.of(v)));
      return ScheduleSimulator.simulate(
              definition, work, seconds, CAPACITY, RunOptions.DEFAULT_MAX_THREADS, order)
          .makespanSeconds();
    }

    /** The larger of the longest path and the core-seconds spread over every core. */
    double lowerBound() {
      Map<String, Double> finish = new HashMap<>();
      double longest = 0;
      double coreSeconds = 0;
      for (StageSpec s : definition.stages()) {
        double start = 0;
        for (String up : s.upstream()) {
          start = Math.max(start, finish.get(up));
        }
        double end = start + seconds.get(s.name());
        finish.put(s.name(), end);
        longest = Math.max(longest, end);
        coreSeconds += seconds.get(s.name()) * s.resources().milliCpu() / 1000.0;
      }
      return Math.max(longest, coreSeconds / CORES);
    }
  }
}
