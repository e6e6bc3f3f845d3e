package dev.stagecraft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The main job as a user runs it: {@code stagecraft run advanced-ml} with the defaults, each time
 * in a fresh JVM on a fresh store (so nothing is cached), timed for wall and CPU time (the child
 * process's user + system time from {@code /proc/self/stat}), with the deployed model's test
 * accuracy. Needs the CLI jar ({@code mvn -B -q -DskipTests package}).
 *
 * <pre>
 * benchmarks/run advanced-ml [ROUNDS]        # default 3
 * </pre>
 */
public final class AdvancedMlBenchmark {
  private AdvancedMlBenchmark() {}

  /** Runs the rounds and prints one JSON line last. */
  public static void main(String[] args) throws Exception {
    int rounds =
        args.length > 0 && args[0].matches("[1-9][0-9]{0,3}") ? Integer.parseInt(args[0]) : -1;
    if (args.length > 0 && rounds < 0) {
      System.err.println(
          "error: ROUNDS must be a whole number from 1 to 9999, got '" + args[0] + "'");
      System.exit(2);
    }
    rounds = rounds < 0 ? 3 : rounds;
    Path jar = Path.of("examples/target/stagecraft.jar");
    if (!Files.isRegularFile(jar)) {
      System.err.println(
          "error: " + jar + " is missing; build it with mvn -B -q -DskipTests package");
      System.exit(2);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Double> walls = new ArrayList<>();
    List<Double> cpus = new ArrayList<>();
    double accuracy = Double.NaN;
    String target = "";
    for (int round = 0; round < rounds; round++) {
      Path store = Files.createTempDirectory("stagecraft-advanced-ml-");
      double cpuBefore = childrenCpuSeconds();
      long t0 = System.nanoTime();
      Process process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  jar.toString(),
                  "dev.stagecraft.runtime.cli.StagecraftCli",
                  "run",
                  "advanced-ml",
                  "--json",
                  "--store",
                  store.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] out = process.getInputStream().readAllBytes();
      int code = process.waitFor();
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = childrenCpuSeconds() - cpuBefore;
      if (code != 0) {
        throw new IllegalStateException("advanced-ml exited with " + code);
      }
      JsonNode run = JsonMappers.create().readTree(new String(out, StandardCharsets.UTF_8));
      for (JsonNode stage : run.get("stages")) {
        if (stage.get("name").asText().startsWith("deploy")
            && stage.get("status").asText().equals("SUCCEEDED")) {
          accuracy = stage.get("metrics").get("accuracy").asDouble();
          target = stage.get("name").asText();
        }
      }
      walls.add(wall);
      cpus.add(cpu);
      System.out.printf(
          Locale.ROOT,
          "round %d: wall %.2f s, cpu %.2f s, %s accuracy %.4f%n",
          round + 1,
          wall,
          cpu,
          target,
          accuracy);
    }
    System.out.printf(
        Locale.ROOT,
        "{\"benchmark\":\"advanced-ml\",\"rounds\":%d,\"wallMedianS\":%.2f,\"wallMaxS\":%.2f,"
            + "\"cpuMedianS\":%.2f,\"cores\":%d,\"deployStage\":\"%s\",\"deployedAccuracy\":%.4f,"
            + "\"limitS\":60,\"minAccuracy\":0.97}%n",
        rounds,
        median(walls),
        Collections.max(walls),
        median(cpus),
        Runtime.getRuntime().availableProcessors(),
        target,
        accuracy);
  }

  /** User + system CPU seconds of this process's waited-for children (Linux). */
  static double childrenCpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
