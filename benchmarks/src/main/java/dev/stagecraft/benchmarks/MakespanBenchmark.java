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
    Result half = measure(CpuMix.UP_TO_HALF, dags, seed);
    Result whole = measure(CpuMix.UP_TO_WHOLE, dags, seed);
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"benchmark\":\"makespan\",\"dags\":%d,\"seed\":%d,\"cores\":%d,%s,%s,"
                + "\"targetEngineMeanRatio\":1.10,\"targetNoWorseShare\":0.90}",
            dags,
            seed,
            CORES,
            half.json("upToHalf"),
            whole.json("upToWhole")));
  }

  /** The CPU requests drawn, in millicores with their cumulative probabilities. */
  enum CpuMix {
    /** Half a core 15%, 1 core 50%, 2 cores 20%, 4 cores (half the machine) 15%. */
    UP_TO_HALF(new long[] {500, 1000, 2000, 4000}, new double[] {0.15, 0.65, 0.85, 1}),
    /** As above with 4 cores 11% and 8 cores (every core, so it runs alone) 4%. */
    UP_TO_WHOLE(new long[] {500, 1000, 2000, 4000, 8000}, new double[] {0.15, 0.65, 0.85, 0.96, 1});

    final long[] millis;
    final double[] cumulative;

    CpuMix(long[] millis, double[] cumulative) {
      this.millis = millis;
      this.cumulative = cumulative;
    }

    long draw(SplittableRandom random) {
      double u = random.nextDouble();
      int i = 0;
      while (u >= cumulative[i]) {
        i++;
      }
      return millis[i];
    }
  }

  /** Both policies' makespans over the lower bound, on one mix. */
  record Result(
      double engineMean, double fifoMean, double engineWorst, double fifoWorst, double noWorse) {
    String json(String name) {
      return String.format(
          Locale.ROOT,
          "\"%s\":{\"engineMeanRatio\":%.4f,\"fifoMeanRatio\":%.4f,\"engineWorstRatio\":%.4f,"
              + "\"fifoWorstRatio\":%.4f,\"engineNoWorseShare\":%.2f}",
          name,
          engineMean,
          fifoMean,
          engineWorst,
          fifoWorst,
          noWorse);
    }
  }

  static Result measure(CpuMix mix, int dags, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double engineSum = 0;
    double fifoSum = 0;
    double engineWorst = 0;
    double fifoWorst = 0;
    int noWorse = 0;
    for (int d = 0; d < dags; d++) {
      RandomDag dag = RandomDag.draw("dag" + d, random.split(), mix);
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
    Result r =
        new Result(
            engineSum / dags, fifoSum / dags, engineWorst, fifoWorst, (double) noWorse / dags);
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-11s engine %.4f (worst %.4f)  FIFO %.4f (worst %.4f)  engine no worse on %.0f%%",
            mix,
            r.engineMean(),
            r.engineWorst(),
            r.fifoMean(),
            r.fifoWorst(),
            100 * r.noWorse()));
    return r;
  }

  /** One random DAG, its stages' durations and CPU requests. */
  record RandomDag(PipelineDefinition definition, Map<String, Double> seconds) {

    /**
     * 50 to 200 stages in declaration order; each depends on up to 3 of the 20 stages declared just
     * before it (none for a third of them), so the graphs have both depth and width.
     */
    static RandomDag draw(String name, SplittableRandom random, CpuMix mix) {
      int n = random.nextInt(50, 201);
      PipelineDefinition.Builder b = PipelineDefinition.builder(name);
      Map<String, Double> seconds = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String stage = "s" + i;
        StageSpec.Builder s =
            StageSpec.builder(stage)
                .resources(new ResourceRequest(mix.draw(random), 1L << 20, 0))
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
