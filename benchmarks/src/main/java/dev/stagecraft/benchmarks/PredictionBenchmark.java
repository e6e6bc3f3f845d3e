package dev.stagecraft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prediction accuracy through the real command line, each command a fresh JVM on a fresh store:
 *
 * <ol>
 *   <li>makespan: the workload pipeline with sleeps of 0.5 to 2 s (three branches at once, a chain
 *       around them) runs three times on 8 cores; then a fourth run on 8 cores and one with {@code
 *       --max-cpu 2} (one branch waits) record the plan they were given, whose predicted makespan
 *       is compared with the run's actual start-to-end time;
 *   <li>data size: the same pipeline without sleeps, every stage sorting {@code rows} numbers, runs
 *       twice at each of three sizes ({@code data_size} = 8 bytes a row), one stage at a time
 *       ({@code --max-cpu 1}); the plan at a fourth size, between them but never seen, is compared
 *       with a run at that size, stage by stage (but publish, which sorts nothing) and for the
 *       makespan.
 * </ol>
 *
 * Prints each comparison and a last line of JSON with the relative errors.
 *
 * <pre>benchmarks/run prediction</pre>
 */
public final class PredictionBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path JAR = Path.of("examples/target/stagecraft.jar");
  private static final String[] SLEEPS = {
    "-p",
    "loadMs=500",
    "-p",
    "cleanMs=2000",
    "-p",
    "featuresMs=1500",
    "-p",
    "auditMs=1000",
    "-p",
    "trainMs=1500",
    "-p",
    "publishMs=500"
  };
  private static final long[] HISTORY_ROWS = {2_000_000, 4_000_000, 8_000_000};
  private static final long UNSEEN_ROWS = 6_000_000;

  private final Path home;

  private PredictionBenchmark(Path home) {
    this.home = home;
  }

  public static void main(String[] args) throws Exception {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: mvn -B -q -DskipTests package");
    }
    PredictionBenchmark sleeps = new PredictionBenchmark(Files.createTempDirectory("sc-pred"));
    for (int i = 0; i < 3; i++) {
      sleeps.run(SLEEPS, "--max-cpu", "8");
    }
    double wide = sleeps.makespanError("8 cores", SLEEPS, "--max-cpu", "8");
    double queued = sleeps.makespanError("2 cores (queueing)", SLEEPS, "--max-cpu", "2");

    PredictionBenchmark sizes = new PredictionBenchmark(Files.createTempDirectory("sc-size"));
    // one stage at a time, so that the sorts measure the model rather than contention on this
    // shared 2-core machine; two runs at each size
    for (long rows : HISTORY_ROWS) {
      for (int i = 0; i < 2; i++) {
        sizes.run(sorting(rows), "--max-cpu", "1");
      }
    }
    JsonNode run = sizes.run(sorting(UNSEEN_ROWS), "--max-cpu", "1");
    JsonNode plan = run.get("plan");
    double worstStage = 0;
    for (JsonNode s : run.get("stages")) {
      double predicted = s.get("predictedSeconds").doubleValue();
      double actual = s.get("durationMs").longValue() / 1000.0;
      if (s.get("name").asText().equals("publish")) {
        continue; // publish sorts nothing
      }
      double error = predicted / actual - 1;
      worstStage = Math.max(worstStage, Math.abs(error));
      System.out.printf(
          Locale.ROOT,
          "data size %,d rows: %-8s predicted %.3f s, actual %.3f s (%+.1f%%)%n",
          UNSEEN_ROWS,
          s.get("name").asText(),
          predicted,
          actual,
          100 * error);
    }
    System.out.println(
        "  basis of train: " + plan.at("/stages/4/predicted/basis").asText().split(";")[0]);
    double sizeMakespan = makespanError(run, "data size " + UNSEEN_ROWS + " rows");

    System.out.printf(
        Locale.ROOT,
        "{\"benchmark\":\"prediction\",\"makespanError8Cores\":%.4f,\"makespanError2Cores\":%.4f,"
            + "\"sizeModelWorstStageError\":%.4f,\"sizeModelMakespanError\":%.4f,"
            + "\"historyRows\":[2000000,4000000,8000000],\"unseenRows\":%d,"
            + "\"targetMakespanError\":0.15,\"targetSizeModelError\":0.20}%n",
        wide,
        queued,
        worstStage,
        sizeMakespan,
        UNSEEN_ROWS);
  }

  /** No sleep, every stage sorting {@code rows} numbers, the profile's data size 8 bytes a row. */
  private static String[] sorting(long rows) {
    List<String> args = new ArrayList<>();
    for (String stage : List.of("load", "clean", "features", "audit", "train", "publish")) {
      args.add("-p");
      args.add(stage + "Ms=0");
    }
    args.addAll(List.of("-p", "rows=" + rows, "--profile", "data_size=" + rows * 8));
    return args.toArray(String[]::new);
  }

  /** Runs the workload once more and compares the makespan its plan predicted with its own. */
  private double makespanError(String label, String[] params, String... more) throws Exception {
    return makespanError(run(params, more), label);
  }

  private static double makespanError(JsonNode shown, String label) {
    double predicted = shown.at("/plan/predicted/makespanSeconds").doubleValue();
    double actual =
        Duration.between(
                    Instant.parse(shown.get("start").asText()),
                    Instant.parse(shown.get("end").asText()))
                .toMillis()
            / 1000.0;
    double error = predicted / actual - 1;
    System.out.printf(
        Locale.ROOT,
        "%s: makespan predicted %.3f s, actual %.3f s (%+.1f%%)%n",
        label,
        predicted,
        actual,
        100 * error);
    return Math.abs(error);
  }

  /** {@code run workload ...} in a fresh JVM, then what {@code show --json} says of that run. */
  private JsonNode run(String[] params, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "workload", "--json"));
    args.addAll(List.of(params));
    args.addAll(List.of(more));
    String runId = JSON.readTree(cli(args)).get("runId").asText();
    return JSON.readTree(cli(List.of("show", runId, "--json")));
  }

  private String cli(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(JAR.toString());
    command.add("dev.stagecraft.runtime.cli.StagecraftCli");
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("STAGECRAFT_HOME", home.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", args) + " exited with " + code);
    }
    return out;
  }
}
