package dev.stagecraft.benchmarks;

import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scheduler overhead: 10,000 no-op stages in 100 layers of 100, each depending on 2 stages of the
 * layer before, built through the graph API, run (a) by the engine with the store off, (b) by the
 * engine with the SQLite store recording every stage execution in its run history, and (c) as plain
 * {@code CompletableFuture}s on a pool of the same size: the floor. Prints one line per measurement
 * and a last line of JSON with microseconds per stage and the ratios.
 *
 * <pre>benchmarks/run scheduler [rounds]</pre>
 */
public final class SchedulerBenchmark {
  static final int LAYERS = 100;
  static final int WIDTH = 100;
  static final int STAGES = LAYERS * WIDTH;

  private SchedulerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int threads = Runtime.getRuntime().availableProcessors();
    PipelineDefinition def = graph();
    RunOptions plain =
        RunOptions.defaults().withMaxMilliCpu(threads * 1000L).withMaxMemoryBytes(1L << 40);

    double engine =
        best("engine (store off)", rounds, () -> check(PipelineRunner.run(def, Map.of(), plain)));
    // (b): the store attached as 'stagecraft run' attaches it: every stage execution recorded in
    // the SQLite run history of a fresh store, outputs kept (these stages return null: nothing)
    Path dir = Files.createTempDirectory("stagecraft-bench");
    double store;
    try (Store opened = Store.open(dir)) {
      RunOptions recorded = opened.attach(plain, def.name());
      store =
          best(
              "engine (SQLite store)",
              rounds,
              () -> check(PipelineRunner.run(def, Map.of(), recorded)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    double futures = best("CompletableFuture floor", rounds, () -> futures(pool));
    pool.shutdown();

    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"benchmark\":\"scheduler\",\"stages\":%d,\"threads\":%d,\"maxHeapMb\":%d,"
                + "\"engineUsPerStage\":%.3f,\"storeUsPerStage\":%s,\"futuresUsPerStage\":%.3f,"
                + "\"engineVsFutures\":%.2f,\"storeVsFutures\":%s,\"targetEngineUsPerStage\":2,"
                + "\"targetStoreUsPerStage\":30}",
            STAGES,
            threads,
            heapMb,
            engine,
            String.format(Locale.ROOT, "%.3f", store),
            futures,
            engine / futures,
            String.format(Locale.ROOT, "%.2f", store / futures)));
  }

  /**
   * 100 layers of 100 no-op stages; stage j of a layer depends on stages j and (7j+3) mod 100
   * before it.
   */
  static PipelineDefinition graph() {
    ResourceRequest oneCore = ResourceRequest.parse("1", "1Mi", 0);
    PipelineDefinition.Builder b = PipelineDefinition.builder("scheduler-benchmark");
    for (int layer = 0; layer < LAYERS; layer++) {
      for (int j = 0; j < WIDTH; j++) {
        StageSpec.Builder s =
            StageSpec.builder(name(layer, j))
                .resources(oneCore)
                .outputType("void")
                .body(call -> null);
        if (layer > 0) {
          int other = (7 * j + 3) % WIDTH == j ? (j + 1) % WIDTH : (7 * j + 3) % WIDTH;
          s.dependsOn(name(layer - 1, j), name(layer - 1, other));
        }
        b.stage(s.build());
      }
    }
    return b.build();
  }

  private static String name(int layer, int j) {
    return "s" + layer + "_" + j;
  }

  private static void check(RunResult r) {
    if (r.status() != RunStatus.SUCCEEDED || r.stages().size() != STAGES) {
      throw new IllegalStateException("benchmark run ended " + r.status());
    }
  }

  /**
   * The same graph as futures: each stage runs on the pool once its two upstream futures complete.
   */
  private static void futures(ExecutorService pool) {
    Runnable noop = () -> {};
    List<CompletableFuture<Void>> previous = new ArrayList<>(WIDTH);
    for (int j = 0; j < WIDTH; j++) {
      previous.add(CompletableFuture.runAsync(noop, pool));
    }
    for (int layer = 1; layer < LAYERS; layer++) {
      List<CompletableFuture<Void>> current = new ArrayList<>(WIDTH);
      for (int j = 0; j < WIDTH; j++) {
        int other = (7 * j + 3) % WIDTH == j ? (j + 1) % WIDTH : (7 * j + 3) % WIDTH;
        current.add(
            CompletableFuture.allOf(previous.get(j), previous.get(other)).thenRunAsync(noop, pool));
      }
      previous = current;
    }
    CompletableFuture.allOf(previous.toArray(new CompletableFuture<?>[0])).join();
  }

  /** Best microseconds per stage over the rounds, after as many warm-up rounds. */
  private static double best(String label, int rounds, Runnable body) {
    for (int i = 0; i < rounds; i++) {
      body.run();
    }
    double best = Double.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      body.run();
      double us = (System.nanoTime() - t0) / 1e3 / STAGES;
      best = Math.min(best, us);
    }
    System.out.println(
        String.format(Locale.ROOT, "%-26s %8.3f us per stage (best of %d)", label, best, rounds));
    return best;
  }
}
