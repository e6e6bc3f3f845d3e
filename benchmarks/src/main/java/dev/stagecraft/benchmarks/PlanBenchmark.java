package dev.stagecraft.benchmarks;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.Planner;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.plan.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Planning cost, in two parts. In-process: a generated 1,000-stage pipeline (built through the
 * graph API, every stage type, fan-outs, up to three upstream stages each) planned with a generated
 * 50-rule template and a profile that fires every built-in rule, after warm-up; beside it, reading
 * and checking the template's YAML, and building the definition (the graph checks), the baseline in
 * the same process. As processes: {@code ./stagecraft plan advanced-ml} (without and with the
 * example template) on a store whose history holds 10,000 stage executions of the pipeline, which
 * its predictions read, against {@code ./stagecraft list}, alternated, medians of fresh JVMs (needs
 * the CLI jar). Prints a last line of JSON.
 *
 * <pre>benchmarks/run plan [ROUNDS]</pre>
 */
public final class PlanBenchmark {
  static final int STAGES = 1000;
  static final int RULES = 50;
  static final int HISTORY_EXECUTIONS = 10_000;

  private PlanBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    PipelineDefinition def = pipeline();
    String yaml = template(def);
    Template template = ConfigFiles.template(yaml, "generated.yaml", def);
    Profile profile =
        Profile.parse(
            Map.of(
                "data_size", "2e10",
                "model_complexity", "high",
                "latency_requirement", "ultra_low",
                "environment", "production",
                "data_preprocessed", "true",
                "pipeline_mode", "inference",
                "priority", "high"));
    PlanRequest request =
        PlanRequest.of(ResourceRequest.parse("64", "1Ti", 16))
            .withProfile(profile)
            .withTemplate(template);

    Plan sample = Planner.plan(def, request);
    int changes = sample.stages().stream().mapToInt(s -> s.changes().size()).sum();
    System.out.printf(
        Locale.ROOT,
        "pipeline: %d stages; template: %d rules, %d lines; plan: %d changes, %d rules fired, %d"
            + " problems%n",
        def.stages().size(),
        template.rules().size(),
        yaml.lines().count(),
        changes,
        sample.rulesFired().size(),
        sample.problems().size());

    double build = median("build the definition (baseline)", rounds, () -> pipeline());
    double read =
        median(
            "read and check the template",
            rounds,
            () -> ConfigFiles.template(yaml, "generated.yaml", def));
    double plan = median("plan", rounds, () -> Planner.plan(def, request));

    Path jar = Path.of("examples/target/stagecraft.jar");
    String processes = "null";
    if (Files.isRegularFile(jar)) {
      // a history of 10,000 stage executions (1,250 runs of 8), which predictions read
      Path history = Files.createTempDirectory("stagecraft-plan-history");
      StoreCheckBenchmark.writeHistory(history, HISTORY_EXECUTIONS / 8);
      int launches = Math.max(5, rounds / 2);
      List<Double> list = new ArrayList<>();
      List<Double> planPlain = new ArrayList<>();
      List<Double> planTemplate = new ArrayList<>();
      for (int i = 0; i < launches; i++) {
        list.add(launch(jar, "list"));
        planPlain.add(
            launch(
                jar,
                "plan",
                "advanced-ml",
                "--store",
                history.toString(),
                "--profile",
                "environment=production",
                "--profile",
                "data_size=2e9",
                "--profile",
                "model_complexity=high",
                "--gpus",
                "2",
                "--max-memory",
                "32Gi"));
        planTemplate.add(
            launch(
                jar,
                "plan",
                "advanced-ml",
                "--store",
                history.toString(),
                "--template",
                "examples/templates/advanced-ml.yaml",
                "--profile",
                "environment=production",
                "--gpus",
                "2",
                "--max-memory",
                "32Gi"));
      }
      double l = median(list);
      double p = median(planPlain);
      double t = median(planTemplate);
      System.out.printf(
          Locale.ROOT,
          "processes (median of %d): list %.3f s, plan %.3f s (+%.3f s), plan with template %.3f"
              + " s (+%.3f s)%n",
          launches,
          l,
          p,
          p - l,
          t,
          t - l);
      processes =
          String.format(
              Locale.ROOT,
              "{\"historyExecutions\":%d,\"listS\":%.3f,\"planS\":%.3f,\"planMinusListS\":%.3f,\"planTemplateS\":%.3f,"
                  + "\"planTemplateMinusListS\":%.3f,\"targetMinusListS\":0.3}",
              HISTORY_EXECUTIONS,
              l,
              p,
              p - l,
              t,
              t - l);
    } else {
      System.out.println(
          "processes: skipped, " + jar + " is missing (mvn -B -q -DskipTests package)");
    }
    System.out.printf(
        Locale.ROOT,
        "{\"benchmark\":\"plan\",\"stages\":%d,\"rules\":%d,\"buildMs\":%.2f,\"readTemplateMs\":%.2f,"
            + "\"planMs\":%.2f,\"planVsBuild\":%.2f,\"targetPlanMs\":200,\"processes\":%s}%n",
        STAGES,
        RULES,
        build,
        read,
        plan,
        plan / build,
        processes);
  }

  /**
   * 1,000 stages of every type in turn; stage i reads up to three earlier stages (seeded), a third
   * of them as Optional inputs, another third as plain dependencies; every 25th stage fans out over
   * four items.
   */
  static PipelineDefinition pipeline() {
    SplittableRandom random = new SplittableRandom(13);
    StageType[] types = StageType.values();
    PipelineDefinition.Builder b =
        PipelineDefinition.builder("plan-benchmark")
            .param(ParamSpec.optional("nTrials", ParamType.INT, "trials", "8"))
            .param(ParamSpec.optional("mode", ParamType.STRING, "mode", "full"));
    for (int i = 0; i < STAGES; i++) {
      StageSpec.Builder s =
          StageSpec.builder("s" + i)
              .type(types[i % types.length])
              .resources(ResourceRequest.parse(i % 3 == 0 ? "500m" : "1", (1 + i % 4) + "Gi", 0))
              .body(call -> null);
      int ups = i == 0 ? 0 : 1 + random.nextInt(Math.min(3, i));
      List<Integer> seen = new ArrayList<>();
      for (int k = 0; k < ups; k++) {
        int up = random.nextInt(i);
        if (seen.contains(up)) {
          continue;
        }
        seen.add(up);
        switch (random.nextInt(3)) {
          case 0 -> s.input(InputSpec.of("s" + up));
          case 1 -> s.input(InputSpec.optionalOf("s" + up));
          default -> s.dependsOn("s" + up);
        }
      }
      if (i % 25 == 24) {
        s.fanOut(new FanOut.Items(List.of("a", "b", "c", "d")));
      }
      b.stage(s.build());
    }
    return b.build();
  }

  /**
   * An environment overlay for 100 stages and 50 rules: conditions on the profile and the
   * parameters, each setting resources, retries, timeouts or parallelism on ten named stages or on
   * a stage type; one in ten excludes two stages.
   */
  static String template(PipelineDefinition def) {
    StringBuilder y = new StringBuilder("pipeline: " + def.name() + "\nenvironments:\n");
    y.append("  production:\n    params: {nTrials: 32, mode: fast}\n    stages:\n");
    for (int i = 0; i < 100; i++) {
      y.append("      s").append(i * 7).append(": {retries: 2, timeout: PT30M}\n");
    }
    y.append("rules:\n");
    String[] conditions = {
      "profile.data_size > 1e10 && profile.environment == 'production'",
      "profile.model_complexity in ['medium', 'high']",
      "nTrials >= 16 || mode == 'fast'",
      "!profile.data_preprocessed",
      "profile.priority != 'low'"
    };
    StageType[] types = StageType.values();
    for (int r = 0; r < RULES; r++) {
      y.append("  - name: rule-").append(r).append('\n');
      y.append("    when: \"").append(conditions[r % conditions.length]).append("\"\n");
      if (r % 10 == 9) {
        y.append("    exclude: [s")
            .append(r * 13 + 3)
            .append(", s")
            .append(r * 13 + 5)
            .append("]\n");
        continue;
      }
      if (r % 2 == 0) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
          names.add("s" + ((r * 37 + k * 101) % STAGES));
        }
        y.append("    stages: [").append(String.join(", ", names)).append("]\n");
      } else {
        y.append("    stageTypes: [").append(types[r % types.length]).append("]\n");
      }
      y.append("    set: {resources: {cpu: \"")
          .append(1 + r % 4)
          .append("\", memory: ")
          .append(2 + r % 6)
          .append("Gi}, retries: ")
          .append(r % 3)
          .append(", parallelism: ")
          .append(1 + r % 8)
          .append("}\n");
    }
    return y.toString();
  }

  private static double launch(Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(jar.toString());
    command.add("dev.stagecraft.runtime.cli.StagecraftCli");
    command.addAll(List.of(args));
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int code = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", args) + " exited with " + code);
    }
    return seconds;
  }

  /** Median milliseconds of {@code rounds} calls, after as many warm-up calls. */
  static double median(String label, int rounds, Supplier<?> body) {
    for (int i = 0; i < rounds; i++) {
      body.get();
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      body.get();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    double median = median(ms);
    System.out.printf(
        Locale.ROOT,
        "%-32s median %8.2f ms, min %8.2f ms (%d rounds)%n",
        label,
        median,
        Collections.min(ms),
        rounds);
    return median;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
