package dev.stagecraft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.examples.server.ServerProcess;
import dev.stagecraft.runtime.config.tenants.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live {@code stagecraft serve} on loopback under load: SUBMISSIONS submissions of {@code
 * diamond} from 4 tenants through 16 concurrent clients (after WARM_UP, 50 by default, not
 * counted), each a real HTTP request. Every submission must be answered 202, every accepted run
 * must end SUCCEEDED, none lost or listed twice. Prints the submission latency (p50, p99, max), the
 * wall time until every run ended, and the server's peak resident memory (VmHWM). Last line JSON.
 *
 * <pre>benchmarks/run server-load [SUBMISSIONS] [CLIENTS] [CONCURRENT_RUNS_PER_TENANT] [WARM_UP]
 * </pre>
 */
public final class ServerLoadBenchmark {
  private static final int TENANTS = 4;
  private static final String BODY = "{\"pipeline\":\"diamond\"}";

  private ServerLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int submissions = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int concurrentRuns = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    Path dir = Files.createTempDirectory("stagecraft-server-load");
    StringBuilder yaml = new StringBuilder("tenants:\n");
    List<String> tokens = new ArrayList<>();
    for (int t = 1; t <= TENANTS; t++) {
      String token = "load-token-" + t;
      tokens.add(token);
      yaml.append("  - id: team")
          .append(t)
          .append("\n    tokenSha256: ")
          .append(Tenants.hashToken(token))
          .append("\n    permissions: {pipelines: [diamond]}\n    quota: {concurrentRuns: ")
          .append(concurrentRuns)
          .append("}\n");
    }
    Path tenants = Files.writeString(dir.resolve("tenants.yaml"), yaml);
    try (ServerProcess server =
        ServerProcess.start(
            dir.resolve("store"),
            dir.resolve("logs"),
            "server",
            List.of("-Xmx512m"),
            Map.of(),
            "--tenants",
            tenants.toString())) {
      System.out.println("server at " + server.url() + ", store " + dir.resolve("store"));
      Map<String, String> warm = submit(server, tokens, warmUp, clients, new long[warmUp]);
      long[] nanos = new long[submissions];
      long start = System.nanoTime();
      Map<String, String> measured = submit(server, tokens, submissions, clients, nanos);
      Map<String, String> all = new HashMap<>(warm);
      all.putAll(measured);
      Outcome outcome = awaitAll(server, tokens, all);
      double wall = (System.nanoTime() - start) / 1e9;
      long rss = server.peakRssBytes();
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      double p50 = sorted[sorted.length / 2] / 1e6;
      double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
      double max = sorted[sorted.length - 1] / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%d submissions from %d tenants through %d clients: p50 %.1f ms, p99 %.1f ms, max %.1f"
              + " ms (target p99 <= 100 ms); all %d runs ended in %.1f s: %d SUCCEEDED, %d lost,"
              + " %d listed twice; peak RSS %d MiB (target <= 768)%n",
          submissions,
          TENANTS,
          clients,
          p50,
          p99,
          max,
          all.size(),
          wall,
          outcome.succeeded,
          outcome.lost,
          outcome.duplicated,
          rss >> 20);
      System.out.printf(
          Locale.ROOT,
          "{\"benchmark\":\"server-load\",\"submissions\":%d,\"tenants\":%d,\"clients\":%d,"
              + "\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,\"accepted\":%d,\"succeeded\":%d,"
              + "\"lost\":%d,\"duplicated\":%d,\"endedSeconds\":%.1f,\"peakRssMiB\":%d}%n",
          submissions,
          TENANTS,
          clients,
          p50,
          p99,
          max,
          measured.size(),
          outcome.succeeded,
          outcome.lost,
          outcome.duplicated,
          wall,
          rss >> 20);
    }
  }

  /** Submits {@code count} runs through {@code clients} threads; run id by tenant token. */
  private static Map<String, String> submit(
      ServerProcess server, List<String> tokens, int count, int clients, long[] nanos)
      throws InterruptedException {
    Map<String, String> ids = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.execute(
          () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
              String token = tokens.get(i % tokens.size());
              long t0 = System.nanoTime();
              try {
                ServerProcess.Answer a = server.post("/api/v1/runs", token, BODY);
                nanos[i] = System.nanoTime() - t0;
                if (a.status() != 202) {
                  failures.add(a.status() + " " + a.body());
                } else if (ids.put(a.json().path("runId").asText(), token) != null) {
                  failures.add("run id answered twice: " + a.body());
                }
              } catch (Exception e) {
                failures.add(e.toString());
              }
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.MINUTES) || !failures.isEmpty()) {
      throw new IllegalStateException(
          failures.size() + " submissions failed, first: " + failures.stream().findFirst());
    }
    return ids;
  }

  private record Outcome(int succeeded, int lost, int duplicated) {}

  /** Waits until every accepted run is listed as ended, then counts. */
  private static Outcome awaitAll(
      ServerProcess server, List<String> tokens, Map<String, String> ids) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    while (true) {
      int succeeded = 0;
      int ended = 0;
      int duplicated = 0;
      Set<String> seen = new HashSet<>();
      for (String token : tokens) {
        for (JsonNode run : server.get("/api/v1/runs?limit=10000", token).json()) {
          String id = run.path("runId").asText();
          if (!seen.add(id)) {
            duplicated++;
          }
          if (ids.containsKey(id)) {
            String status = run.path("status").asText();
            if (ServerProcess.ended(run)) {
              ended++;
            }
            if (status.equals("SUCCEEDED")) {
              succeeded++;
            }
          }
        }
      }
      if (ended == ids.size() || System.nanoTime() > deadline) {
        int lost = 0;
        for (String id : ids.keySet()) {
          if (!seen.contains(id)) {
            lost++;
          }
        }
        return new Outcome(succeeded, lost, duplicated);
      }
      Thread.sleep(500);
    }
  }
}
