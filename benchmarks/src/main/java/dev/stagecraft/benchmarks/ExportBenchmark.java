package dev.stagecraft.benchmarks;

import dev.stagecraft.examples.advancedml.StagecraftAdvancedMlPipeline;
import dev.stagecraft.examples.argo.LocalArgo;
import dev.stagecraft.runtime.export.ArgoExport;
import dev.stagecraft.runtime.export.ExportOptions;
import dev.stagecraft.runtime.export.ExportedWorkflow;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Export to Argo, in two parts. In-process: planning and exporting (to YAML text) advanced-ml and
 * the generated 1,000-stage pipeline of {@link PlanBenchmark}, after warm-up, against planning
 * alone as the baseline in the same process, with the YAML's size. As processes (needs the CLI
 * jar): advanced-ml ({@code nTrials=1 folds=2}) exported and run by the tests' {@link LocalArgo},
 * every stage a JVM of its own, against {@code stagecraft run advanced-ml} with the same
 * parameters, alternated, medians. Prints a last line of JSON.
 *
 * <pre>benchmarks/run export [ROUNDS] [PROCESS_ROUNDS]</pre>
 */
public final class ExportBenchmark {
  private static final ResourceRequest CLUSTER = ResourceRequest.parse("64", "256Gi", 4);
  private static final Map<String, String> PARAMS = Map.of("nTrials", "1", "folds", "2");

  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int processRounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String advancedMl =
        inProcess("advanced-ml", new StagecraftAdvancedMlPipeline().definition(), rounds);
    String large = inProcess("1,000 stages", PlanBenchmark.pipeline(), rounds);

    Path jar = Path.of("examples/target/stagecraft.jar");
    String processes = "null";
    if (Files.isRegularFile(jar)) {
      processes = processes(jar.toAbsolutePath(), processRounds);
    } else {
      System.out.println(
          "processes: skipped, " + jar + " is missing (mvn -B -q -DskipTests package)");
    }
    System.out.printf(
        Locale.ROOT,
        "{\"benchmark\":\"export\",\"advancedMl\":%s,\"stages1000\":%s,\"processes\":%s}%n",
        advancedMl,
        large,
        processes);
  }

  private static String inProcess(String label, PipelineDefinition def, int rounds) {
    PlanRequest request = PlanRequest.of(CLUSTER);
    Plan plan = Planner.plan(def, request);
    String yaml = ArgoExport.export(def, plan, ExportOptions.defaults()).workflowYaml();
    System.out.printf(
        Locale.ROOT,
        "%s: %d stages, YAML %d bytes, %d lines%n",
        label,
        def.stages().size(),
        yaml.length(),
        yaml.lines().count());
    double planMs =
        PlanBenchmark.median(label + ": plan (baseline)", rounds, () -> Planner.plan(def, request));
    double exportMs =
        PlanBenchmark.median(
            label + ": plan and export",
            rounds,
            () ->
                ArgoExport.export(def, Planner.plan(def, request), ExportOptions.defaults())
                    .workflowYaml());
    return String.format(
        Locale.ROOT,
        "{\"stages\":%d,\"yamlBytes\":%d,\"yamlLines\":%d,\"planMs\":%.2f,\"planAndExportMs\":%.2f,"
            + "\"exportVsPlan\":%.2f}",
        def.stages().size(),
        yaml.length(),
        yaml.lines().count(),
        planMs,
        exportMs,
        exportMs / planMs);
  }

  private static String processes(Path jar, int rounds) throws Exception {
    Path work = Files.createTempDirectory("stagecraft-export-bench-");
    List<String> java =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            jar.toString(),
            "dev.stagecraft.runtime.cli.StagecraftCli");
    Path yaml = work.resolve("advanced-ml.yaml");
    run(java, work.resolve("export"), "export", "argo", "advanced-ml", "-o", yaml.toString());
    List<Double> runs = new ArrayList<>();
    List<Double> harness = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      Path dir = Files.createDirectories(work.resolve("round-" + i));
      long t0 = System.nanoTime();
      run(java, dir.resolve("run"), "run", "advanced-ml", "-p", "nTrials=1", "-p", "folds=2");
      runs.add((System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      LocalArgo.Result result =
          new LocalArgo(
                  ExportedWorkflow.parse(Files.readString(yaml)),
                  java,
                  dir.resolve("shared"),
                  Files.createDirectories(dir.resolve("pods")),
                  "advanced-ml-bench-" + i,
                  PARAMS)
              .run();
      harness.add((System.nanoTime() - t0) / 1e9);
      if (!result.phase().equals("Succeeded")) {
        throw new IllegalStateException("the exported run did not succeed: " + result);
      }
    }
    double r = PlanBenchmark.median(runs);
    double h = PlanBenchmark.median(harness);
    System.out.printf(
        Locale.ROOT,
        "advanced-ml as processes (median of %d): stagecraft run %.1f s, exported and run by"
            + " LocalArgo (a JVM per stage) %.1f s, %.2fx%n",
        rounds,
        r,
        h,
        h / r);
    return String.format(
        Locale.ROOT, "{\"runS\":%.2f,\"harnessS\":%.2f,\"harnessVsRun\":%.2f}", r, h, h / r);
  }

  /** Runs the CLI in a fresh directory of its own (its store and working directory). */
  private static void run(List<String> java, Path dir, String... args) throws Exception {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>(java);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("STAGECRAFT_HOME", dir.resolve("store").toString());
    pb.redirectOutput(dir.resolve("stdout").toFile());
    pb.redirectError(dir.resolve("stderr").toFile());
    int code = pb.start().waitFor();
    if (code != 0) {
      throw new IllegalStateException(
          "stagecraft "
              + String.join(" ", args)
              + " exited "
              + code
              + ": "
              + dir.resolve("stderr"));
    }
  }
}
