package dev.stagecraft.benchmarks;

import dev.stagecraft.examples.server.ServerProcess;
import dev.stagecraft.runtime.config.tenants.Tenants;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fair share on a live {@code stagecraft serve} with {@code --max-cpu 2}: two tenants flood it at
 * the same time with runs of {@code workload} whose stages sort millions of numbers (CPU-bound, one
 * core each, so two stages fit at once). Afterwards each tenant's store says when each stage ran
 * and the CPU time it used; over the window in which both tenants had stages running, each tenant's
 * share of the CPU-seconds is printed, with equal weights and with weights 2 and 1 (targets 50% ±
 * 5% each, 67% / 33% ± 5%). Last line JSON.
 *
 * <pre>benchmarks/run server-fairshare [RUNS_PER_TENANT] [ROWS]</pre>
 */
public final class ServerFairShareBenchmark {
  private ServerFairShareBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
    double[] equal = phase("equal", 1, 1, runs, rows);
    double[] weighted = phase("weighted", 2, 1, runs, rows);
    System.out.printf(
        Locale.ROOT,
        "{\"benchmark\":\"server-fairshare\",\"equalA\":%.3f,\"equalB\":%.3f,\"weighted2A\":%.3f,"
            + "\"weighted1B\":%.3f,\"equalWindowSeconds\":%.1f,\"weightedWindowSeconds\":%.1f}%n",
        equal[0],
        equal[1],
        weighted[0],
        weighted[1],
        equal[2],
        weighted[2]);
  }

  /** One server with tenants a and b of these weights; returns a's share, b's, the window. */
  private static double[] phase(String name, int weightA, int weightB, int runs, int rows)
      throws Exception {
    Path dir = Files.createTempDirectory("stagecraft-server-fairshare-" + name);
    String yaml = "tenants:\n" + tenant("a", weightA) + tenant("b", weightB);
    Path tenants = Files.writeString(dir.resolve("tenants.yaml"), yaml);
    Path store = dir.resolve("store");
    List<String> ids = new ArrayList<>();
    try (ServerProcess server =
        ServerProcess.start(
            store,
            dir.resolve("logs"),
            "server",
            List.of("-Xmx1g"),
            Map.of(),
            "--tenants",
            tenants.toString(),
            "--max-cpu",
            "2")) {
      for (int i = 0; i < runs; i++) {
        for (String t : List.of("a", "b")) {
          String body =
              "{\"pipeline\":\"workload\",\"params\":{\"rows\":"
                  + (rows + i)
                  + ",\"loadMs\":0,\"cleanMs\":0,\"featuresMs\":0,\"auditMs\":0,\"trainMs\":0,"
                  + "\"publishMs\":0}}";
          ServerProcess.Answer a = server.post("/api/v1/runs", token(t), body);
          if (a.status() != 202) {
            throw new IllegalStateException(a.status() + " " + a.body());
          }
          ids.add(t + ":" + a.json().path("runId").asText());
        }
      }
      for (String id : ids) {
        String[] parts = id.split(":", 2);
        server.awaitRun(token(parts[0]), parts[1], ServerProcess::ended, Duration.ofMinutes(20));
      }
    }
    List<StageExecution> a = executions(store, "a");
    List<StageExecution> b = executions(store, "b");
    Instant from = later(first(a), first(b));
    Instant to = earlier(last(a), last(b));
    double cpuA = cpuWithin(a, from, to);
    double cpuB = cpuWithin(b, from, to);
    double window = Duration.between(from, to).toMillis() / 1000.0;
    double shareA = cpuA / (cpuA + cpuB);
    System.out.printf(
        Locale.ROOT,
        "%s: weights %d:%d, %d runs each: over %.1f s with both tenants running, a used %.1f"
            + " CPU-s (%.1f%%), b %.1f CPU-s (%.1f%%)%n",
        name,
        weightA,
        weightB,
        runs,
        window,
        cpuA,
        100 * shareA,
        cpuB,
        100 * (1 - shareA));
    return new double[] {shareA, 1 - shareA, window};
  }

  private static String tenant(String id, int weight) {
    return "  - id: "
        + id
        + "\n    tokenSha256: "
        + Tenants.hashToken(token(id))
        + "\n    weight: "
        + weight
        + "\n    permissions: {pipelines: [workload]}\n    quota: {concurrentRuns: 100}\n";
  }

  private static String token(String tenant) {
    return "fairshare-token-" + tenant;
  }

  /** Every stage execution the tenant's store recorded. */
  private static List<StageExecution> executions(Path store, String tenant) {
    StoreReader reader = StoreReader.open(store.resolve("tenants").resolve(tenant));
    List<StageExecution> all = new ArrayList<>();
    for (RunSummary r : reader.queries().runs(Optional.empty(), 100_000)) {
      RunRecord run = reader.queries().run(r.runId()).orElseThrow();
      for (StageExecution s : run.stages()) {
        if (s.start().isPresent() && s.end().isPresent()) {
          all.add(s);
        }
      }
    }
    return all;
  }

  private static Instant first(List<StageExecution> xs) {
    return xs.stream().map(s -> s.start().get()).min(Instant::compareTo).orElseThrow();
  }

  private static Instant last(List<StageExecution> xs) {
    return xs.stream().map(s -> s.end().get()).max(Instant::compareTo).orElseThrow();
  }

  private static Instant later(Instant x, Instant y) {
    return x.isAfter(y) ? x : y;
  }

  private static Instant earlier(Instant x, Instant y) {
    return x.isBefore(y) ? x : y;
  }

  /** CPU-seconds used within [from, to], each execution's CPU spread evenly over its wall time. */
  private static double cpuWithin(List<StageExecution> xs, Instant from, Instant to) {
    double total = 0;
    for (StageExecution s : xs) {
      long start = s.start().get().toEpochMilli();
      long end = Math.max(start + 1, s.end().get().toEpochMilli());
      long overlap = Math.min(end, to.toEpochMilli()) - Math.max(start, from.toEpochMilli());
      if (overlap > 0) {
        total += s.cpuNanos() / 1e9 * overlap / (double) (end - start);
      }
    }
    return total;
  }
}
