package dev.stagecraft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.processor.StagecraftProcessor;
import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineProvider;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The cold path through the command line: generates no-op pipelines of {@value #SMALL} and {@value
 * #LARGE} stages, compiles each with javac and the Stagecraft processor, then runs {@code
 * ./stagecraft run NAME --store FRESH_DIR} in a fresh JVM per run (the pipeline on {@code
 * STAGECRAFT_CLASSPATH}), several rounds, and reads the run's own recorded duration back with
 * {@code ./stagecraft show RUN_ID --json} (end - start). The per-stage cost is the difference of
 * the medians, {@code (d_large - d_small) / (large - small)}, so the JVM's start and the CLI's
 * fixed costs cancel out. For comparison the same two pipelines run warm in this JVM with a store
 * attached (the engine's cost once everything is loaded and compiled). Target: at most {@value
 * #TARGET_US} us per stage. The last line printed is JSON.
 *
 * <p>On Linux it also prints the CPU time of each {@code run} process (user and system, from the
 * children's times in {@code /proc/self/stat}, in 10 ms ticks), which other processes on a shared
 * machine disturb far less than wall times.
 *
 * <pre>benchmarks/run cold-cli [rounds]</pre>
 *
 * <p>Run from the repository root with {@code examples/target/stagecraft.jar} built.
 */
public final class ColdCliBenchmark {
  static final int SMALL = 50;
  static final int LARGE = 2000;
  static final int TARGET_US = 100;

  /** Stages per layer; every layer reads the one before. */
  static final int WIDTH = 25;

  private static final ObjectMapper JSON = JsonMappers.create();

  private ColdCliBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
    }
    Path launcher = Path.of("stagecraft").toAbsolutePath();
    if (!Files.isRegularFile(Path.of("examples/target/stagecraft.jar"))) {
      throw new IllegalStateException(
          "examples/target/stagecraft.jar is missing: run from the repository root after"
              + " mvn -B -q -DskipTests package");
    }
    Path work = Files.createTempDirectory("stagecraft-cold-cli");
    try {
      Path small = compile(work, SMALL);
      Path large = compile(work, LARGE);
      // one discarded round: the first JVM pays for reading the jar from disk
      runCli(launcher, work, small, SMALL);
      runCli(launcher, work, large, LARGE);
      List<long[]> smallRuns = new ArrayList<>(); // run duration, process wall, process CPU
      List<long[]> largeRuns = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        smallRuns.add(runCli(launcher, work, small, SMALL));
        largeRuns.add(runCli(launcher, work, large, LARGE));
        System.out.printf(
            Locale.ROOT,
            "round %d: %,d stages run %,d us (process %,d ms, CPU %,d ms), %,d stages run %,d us"
                + " (process %,d ms, CPU %,d ms)%n",
            r + 1,
            SMALL,
            smallRuns.get(r)[0],
            smallRuns.get(r)[1] / 1000,
            smallRuns.get(r)[2] / 1000,
            LARGE,
            largeRuns.get(r)[0],
            largeRuns.get(r)[1] / 1000,
            largeRuns.get(r)[2] / 1000);
      }
      long runSmall = median(smallRuns, 0);
      long runLarge = median(largeRuns, 0);
      long wallSmall = median(smallRuns, 1);
      long wallLarge = median(largeRuns, 1);
      double usPerStage = (double) (runLarge - runSmall) / (LARGE - SMALL);
      double wallUsPerStage = (double) (wallLarge - wallSmall) / (LARGE - SMALL);
      long cpuSmall = median(smallRuns, 2);
      long cpuLarge = median(largeRuns, 2);
      double cpuUsPerStage = (double) (cpuLarge - cpuSmall) / (LARGE - SMALL);
      double warm = warmUsPerStage(work, small, large);
      System.out.printf(
          Locale.ROOT,
          "cold, median of %d: run %,d us at %,d stages, %,d us at %,d stages: %.1f us per stage"
              + " (target <= %d); process %,d ms and %,d ms: %.1f us per stage; process CPU %,d ms"
              + " and %,d ms: %.1f us per stage%n",
          rounds,
          runSmall,
          SMALL,
          runLarge,
          LARGE,
          usPerStage,
          TARGET_US,
          wallSmall / 1000,
          wallLarge / 1000,
          wallUsPerStage,
          cpuSmall / 1000,
          cpuLarge / 1000,
          cpuUsPerStage);
      System.out.printf(
          Locale.ROOT,
          "warm engine with a store, in this JVM: %.1f us per stage; cold is %.1fx warm%n",
          warm,
          usPerStage / warm);
      System.out.printf(
          Locale.ROOT,
          "{\"benchmark\":\"cold-cli\",\"rounds\":%d,\"stagesSmall\":%d,\"stagesLarge\":%d,"
              + "\"runUsSmall\":%d,\"runUsLarge\":%d,\"processUsSmall\":%d,\"processUsLarge\":%d,"
              + "\"usPerStage\":%.1f,\"processUsPerStage\":%.1f,\"processCpuUsPerStage\":%.1f,"
              + "\"targetUsPerStage\":%d,"
              + "\"warmUsPerStage\":%.2f,\"coldOverWarm\":%.1f,\"targetMet\":%b}%n",
          rounds,
          SMALL,
          LARGE,
          runSmall,
          runLarge,
          wallSmall,
          wallLarge,
          usPerStage,
          wallUsPerStage,
          cpuUsPerStage,
          TARGET_US,
          warm,
          usPerStage / warm,
          usPerStage <= TARGET_US);
    } finally {
      deleteTree(work);
    }
  }

  /** The pipeline's name for {@code n} stages. */
  static String pipelineName(int n) {
    return "cold" + n;
  }

  /**
   * A no-op pipeline of {@code n} stages in layers of {@value #WIDTH}: in every layer but the
   * first, each stage reads one or two value stages of the layer before through {@code @Input} and
   * returns a small number; every fifth stage returns nothing and orders after a stage of the layer
   * before through {@code @DependsOn}.
   */
  static String pipelineSource(int n) {
    String className = "Cold" + n + "Pipeline";
    StringBuilder sb = new StringBuilder(n * 160);
    sb.append("package bench.cold;\n\n")
        .append("import dev.stagecraft.annotations.DependsOn;\n")
        .append("import dev.stagecraft.annotations.Input;\n")
        .append("import dev.stagecraft.annotations.Pipeline;\n")
        .append("import dev.stagecraft.annotations.Stage;\n\n")
        .append("@Pipeline(name = \"")
        .append(pipelineName(n))
        .append("\", description = \"no-op pipeline of ")
        .append(n)
        .append(" stages for the cold-cli benchmark\")\n")
        .append("public class ")
        .append(className)
        .append(" {\n");
    for (int i = 0; i < n; i++) {
      int layer = i / WIDTH;
      int j = i % WIDTH;
      String name = "s" + i;
      if (isVoid(j)) {
        sb.append("  @Stage\n");
        if (layer > 0) {
          sb.append("  @DependsOn(\"s").append(i - WIDTH).append("\")\n");
        }
        sb.append("  public void ").append(name).append("() {}\n\n");
        continue;
      }
      sb.append("  @Stage\n  public long ").append(name).append("(");
      if (layer == 0) {
        sb.append(") {\n    return ").append(i).append(";\n  }\n\n");
        continue;
      }
      int first = valueStageBefore(layer, j);
      int second = valueStageBefore(layer, (7 * j + 3) % WIDTH);
      sb.append("@Input(\"s").append(first).append("\") long a");
      if (second != first && j % 2 == 0) {
        sb.append(", @Input(\"s").append(second).append("\") long b) {\n");
        sb.append("    return a + b + ").append(i).append(";\n  }\n\n");
      } else {
        sb.append(") {\n    return a + ").append(i).append(";\n  }\n\n");
      }
    }
    return sb.append("}\n").toString();
  }

  private static boolean isVoid(int j) {
    return j % 5 == 4;
  }

  /** A value (non-void) stage of the layer before, near position {@code j}. */
  private static int valueStageBefore(int layer, int j) {
    int k = isVoid(j) ? j - 1 : j;
    return (layer - 1) * WIDTH + k;
  }

  /** Compiles the pipeline with the processor; returns the directory of its classes. */
  private static Path compile(Path work, int n) throws IOException {
    Path src = Files.createDirectories(work.resolve("src" + n).resolve("bench/cold"));
    Path source = src.resolve("Cold" + n + "Pipeline.java");
    Files.writeString(source, pipelineSource(n));
    Path classes = Files.createDirectories(work.resolve("classes" + n));
    Path generated = Files.createDirectories(work.resolve("generated" + n));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d",
              classes.toString(),
              "-s",
              generated.toString(),
              "-classpath",
              System.getProperty("java.class.path"),
              "--release",
              "17");
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjects(source.toFile()));
      task.setProcessors(List.of(new StagecraftProcessor()));
      if (!task.call()) {
        throw new IllegalStateException(
            "compiling the " + n + "-stage pipeline failed: " + diagnostics.getDiagnostics());
      }
    }
    return classes;
  }

  /**
   * One {@code ./stagecraft run} in a fresh JVM on a fresh store: the run's recorded duration, the
   * process's wall time and its CPU time (-1 where unknown), in microseconds.
   */
  private static long[] runCli(Path launcher, Path work, Path classes, int n) throws Exception {
    Path store = Files.createTempDirectory(work, "store");
    long cpu0 = childrenCpuMicros();
    long t0 = System.nanoTime();
    String out =
        cli(launcher, classes, "run", pipelineName(n), "--store", store.toString(), "--json");
    long wall = (System.nanoTime() - t0) / 1000;
    long cpu = cpu0 < 0 ? -1 : childrenCpuMicros() - cpu0;
    JsonNode run = JSON.readTree(out);
    if (!"SUCCEEDED".equals(run.path("status").asText()) || run.path("stages").size() != n) {
      throw new IllegalStateException("the " + n + "-stage run did not succeed: " + out);
    }
    String runId = run.path("runId").asText();
    JsonNode shown =
        JSON.readTree(cli(launcher, classes, "show", runId, "--store", store.toString(), "--json"));
    Instant start = Instant.parse(shown.path("start").asText());
    Instant end = Instant.parse(shown.path("end").asText());
    deleteTree(store);
    return new long[] {Duration.between(start, end).toNanos() / 1000, wall, cpu};
  }

  /**
   * The user and system time of this process's finished children, in microseconds; -1 without
   * {@code /proc}. Linux reports it in ticks of 1/100 s (USER_HZ).
   */
  private static long childrenCpuMicros() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the name: state is field 3, cutime field 16 and cstime field 17 of proc(5)
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Runs the launcher with the pipeline on STAGECRAFT_CLASSPATH; returns its stdout. */
  private static String cli(Path launcher, Path classes, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("STAGECRAFT_CLASSPATH", classes.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + code + ": " + out);
    }
    return out;
  }

  /**
   * The warm engine's cost per stage: both pipelines run in this JVM with a fresh store attached
   * (as the CLI attaches it), warmed up first; the difference of the best recorded durations.
   */
  private static double warmUsPerStage(Path work, Path small, Path large) throws Exception {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {small.toUri().toURL(), large.toUri().toURL()},
            ColdCliBenchmark.class.getClassLoader())) {
      PipelineDefinition smallDef = definition(loader, pipelineName(SMALL));
      PipelineDefinition largeDef = definition(loader, pipelineName(LARGE));
      long bestSmall = Long.MAX_VALUE;
      long bestLarge = Long.MAX_VALUE;
      for (int i = 0; i < 20; i++) {
        long s = warmRun(work, smallDef);
        long l = warmRun(work, largeDef);
        if (i >= 10) {
          bestSmall = Math.min(bestSmall, s);
          bestLarge = Math.min(bestLarge, l);
        }
      }
      return (double) (bestLarge - bestSmall) / (LARGE - SMALL);
    }
  }

  private static PipelineDefinition definition(ClassLoader loader, String name) {
    for (PipelineProvider p : ServiceLoader.load(PipelineProvider.class, loader)) {
      if (p.name().equals(name)) {
        return p.definition();
      }
    }
    throw new IllegalStateException("pipeline " + name + " was not generated");
  }

  /** One in-process run on a fresh store: its recorded duration in microseconds. */
  private static long warmRun(Path work, PipelineDefinition def) throws IOException {
    Path dir = Files.createTempDirectory(work, "warm");
    RunResult r;
    try (Store store = Store.open(dir)) {
      r = PipelineRunner.runText(def, Map.of(), store.attach(RunOptions.defaults(), def.name()));
    }
    deleteTree(dir);
    if (r.status() != RunStatus.SUCCEEDED) {
      throw new IllegalStateException("warm run of " + def.name() + " ended " + r.status());
    }
    return Duration.between(r.start(), r.end()).toNanos() / 1000;
  }

  /** The median of column {@code k} of the runs. */
  private static long median(List<long[]> runs, int k) {
    long[] values = runs.stream().mapToLong(r -> r[k]).sorted().toArray();
    return values[values.length / 2];
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
