package dev.stagecraft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.examples.server.ResumedRun;
import dev.stagecraft.examples.server.ServerProcess;
import dev.stagecraft.runtime.config.tenants.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A live {@code stagecraft serve} killed with {@code kill -9} while RUNS runs of {@code workload}
 * are queued or running (two at once), then started again on the same store. Every run must end
 * SUCCEEDED, and no stage that finished before the kill may execute again: the history is read for
 * each resumed run, and a stage SUCCEEDED in the interrupted run must be CACHED in the run that
 * resumed it. Prints the runs at the kill, the time from the restart to the last run's end, and the
 * stages executed twice (target 0). Last line JSON.
 *
 * <pre>benchmarks/run server-restart [RUNS]</pre>
 */
public final class ServerRestartBenchmark {
  private static final String TOKEN = "restart-token";
  private static final String BODY =
      "{\"pipeline\":\"workload\",\"params\":{\"loadMs\":100,\"cleanMs\":1000,\"featuresMs\":300,"
          + "\"auditMs\":200,\"trainMs\":600,\"publishMs\":50}}";

  private ServerRestartBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path dir = Files.createTempDirectory("stagecraft-server-restart");
    Path tenants =
        Files.writeString(
            dir.resolve("tenants.yaml"),
            "tenants:\n  - id: batch\n    tokenSha256: "
                + Tenants.hashToken(TOKEN)
                + "\n    permissions: {pipelines: [workload]}\n    quota: {concurrentRuns: 2}\n");
    Path store = dir.resolve("store");
    List<String> ids = new ArrayList<>();
    int running = 0;
    int queued = 0;
    try (ServerProcess first =
        ServerProcess.start(store, dir.resolve("logs"), "first", "--tenants", tenants.toString())) {
      for (int i = 0; i < runs; i++) {
        ServerProcess.Answer a = first.post("/api/v1/runs", TOKEN, BODY);
        if (a.status() != 202) {
          throw new IllegalStateException(a.status() + " " + a.body());
        }
        ids.add(a.json().path("runId").asText());
      }
      first.awaitRun(
          TOKEN,
          ids.get(0),
          r ->
              r.path("status").asText().equals("RUNNING")
                  && r.path("stages").size() > 1
                  && r.path("stages").get(0).path("status").asText().equals("SUCCEEDED"),
          Duration.ofMinutes(2));
      for (String id : ids) {
        String status = first.get("/api/v1/runs/" + id, TOKEN).json().path("status").asText();
        if (status.equals("RUNNING")) {
          running++;
        } else if (status.equals("QUEUED")) {
          queued++;
        }
      }
      first.kill();
    }
    System.out.printf("killed with %d runs running and %d queued%n", running, queued);

    long restart = System.nanoTime();
    int succeeded = 0;
    Set<String> resumed = new HashSet<>();
    double listenMs;
    try (ServerProcess second =
        ServerProcess.start(
            store, dir.resolve("logs"), "second", "--tenants", tenants.toString())) {
      listenMs = (System.nanoTime() - restart) / 1e6;
      for (String id : ids) {
        JsonNode run = second.awaitRun(TOKEN, id, ServerProcess::ended, Duration.ofMinutes(5));
        if (run.path("status").asText().equals("SUCCEEDED")) {
          succeeded++;
        }
        if (!run.path("resumedFrom").isNull()) {
          resumed.add(run.path("runId").asText());
        }
      }
    }
    double recoverySeconds = (System.nanoTime() - restart) / 1e9;
    int twice = 0;
    for (String id : resumed) {
      ResumedRun r = ResumedRun.read(store.resolve("tenants").resolve("batch"), id);
      twice += r.ranAgain().size();
      r.ranAgain().forEach(stage -> System.out.println("executed twice: " + stage + " of " + id));
    }
    System.out.printf(
        Locale.ROOT,
        "after the restart (listening in %.0f ms) all %d runs ended in %.1f s: %d SUCCEEDED, %d"
            + " resumed, %d finished stages executed twice%n",
        listenMs,
        runs,
        recoverySeconds,
        succeeded,
        resumed.size(),
        twice);
    System.out.printf(
        Locale.ROOT,
        "{\"benchmark\":\"server-restart\",\"runs\":%d,\"runningAtKill\":%d,\"queuedAtKill\":%d,"
            + "\"succeeded\":%d,\"resumed\":%d,\"stagesExecutedTwice\":%d,\"listenMs\":%.0f,"
            + "\"recoverySeconds\":%.1f}%n",
        runs,
        running,
        queued,
        succeeded,
        resumed.size(),
        twice,
        listenMs,
        recoverySeconds);
  }
}
