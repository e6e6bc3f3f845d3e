package dev.stagecraft.benchmarks;

import dev.stagecraft.processor.StagecraftProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How much the processor adds to javac, and whether its checks stay linear: generates pipelines of
 * 1,000 and 5,000 stages (each depending on up to 3 earlier ones, seeded), compiles each in-process
 * with the processor and with {@code -proc:none} (a warm-up first, median of several runs), and
 * prints the times and ratios; the last line is JSON. Times are the compiling thread's CPU time
 * (javac runs in the calling thread), which other processes on a shared machine barely disturb;
 * wall times are printed too.
 *
 * <p>Targets: the processor adds less than 50% at 1,000 stages; the 5,000-stage compile takes at
 * most 6x the 1,000-stage one.
 *
 * <p>A third mode compiles the same source with a processor that only writes an empty class: what
 * any source-generating processor costs before it does any work, because javac enters the whole
 * source again in the round that compiles the new file. It is printed as the floor the overhead
 * cannot go below.
 */
public final class ProcessorBenchmark {
  private static final int[] SIZES = {1000, 5000};
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Which processor a compilation runs. */
  private enum Mode {
    PLAIN,
    EMPTY_CLASS,
    STAGECRAFT
  }

  private ProcessorBenchmark() {}

  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    Path work = Files.createTempDirectory("stagecraft-processor-bench");
    try {
      Path[] sources = new Path[SIZES.length];
      for (int i = 0; i < SIZES.length; i++) {
        sources[i] = write(work, SIZES[i]);
      }
      // warm-up: both modes, three times on the small pipeline and once on the large one
      for (int w = 0; w < 3; w++) {
        for (Mode mode : Mode.values()) {
          compile(javac, work, sources[0], mode);
        }
      }
      for (Mode mode : Mode.values()) {
        compile(javac, work, sources[SIZES.length - 1], mode);
      }
      long[][] plain = new long[SIZES.length][];
      long[][] processed = new long[SIZES.length][];
      long[][] floor = new long[SIZES.length][];
      for (int i = 0; i < SIZES.length; i++) {
        List<long[]> plainRuns = new ArrayList<>();
        List<long[]> processedRuns = new ArrayList<>();
        List<long[]> floorRuns = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
          plainRuns.add(compile(javac, work, sources[i], Mode.PLAIN));
          processedRuns.add(compile(javac, work, sources[i], Mode.STAGECRAFT));
          floorRuns.add(compile(javac, work, sources[i], Mode.EMPTY_CLASS));
        }
        plain[i] = median(plainRuns);
        processed[i] = median(processedRuns);
        floor[i] = median(floorRuns);
        System.out.printf(
            Locale.ROOT,
            "%,d stages: javac -proc:none %,d ms CPU (%,d ms wall), with processor %,d ms CPU (%,d ms wall): +%.0f%%;"
                + " inside the processor %,d ms, the rest is javac compiling the generated class%n",
            SIZES[i],
            plain[i][0],
            plain[i][1],
            processed[i][0],
            processed[i][1],
            100.0 * (processed[i][0] - plain[i][0]) / plain[i][0],
            processed[i][2]);
        System.out.printf(
            Locale.ROOT,
            "%,d stages: floor: a processor writing an empty class %,d ms CPU: +%.0f%% (javac enters the source again)%n",
            SIZES[i],
            floor[i][0],
            100.0 * (floor[i][0] - plain[i][0]) / plain[i][0]);
      }
      double overhead1000 = (double) (processed[0][0] - plain[0][0]) / plain[0][0];
      double overhead5000 = (double) (processed[1][0] - plain[1][0]) / plain[1][0];
      double scale = (double) processed[1][0] / processed[0][0];
      System.out.printf(
          Locale.ROOT,
          "CPU time, median of %d: 5,000 / 1,000 stages with processor %.2fx (target <= 6x); "
              + "processor overhead at 1,000 stages %.0f%% (target < 50%%)%n",
          runs,
          scale,
          100 * overhead1000);
      System.out.printf(
          Locale.ROOT,
          "{\"benchmark\":\"processor\",\"runs\":%d,\"measure\":\"median compiling-thread CPU ms\","
              + "\"stages1000\":{\"javacMs\":%d,\"processorMs\":%d,\"emptyClassProcessorMs\":%d,\"javacWallMs\":%d,\"processorWallMs\":%d,\"insideProcessorMs\":%d,\"overhead\":%.3f},"
              + "\"stages5000\":{\"javacMs\":%d,\"processorMs\":%d,\"emptyClassProcessorMs\":%d,\"javacWallMs\":%d,\"processorWallMs\":%d,\"insideProcessorMs\":%d,\"overhead\":%.3f},"
              + "\"scale5000over1000\":%.3f,\"overheadTargetMet\":%b,\"scaleTargetMet\":%b}%n",
          runs,
          plain[0][0],
          processed[0][0],
          floor[0][0],
          plain[0][1],
          processed[0][1],
          processed[0][2],
          overhead1000,
          plain[1][0],
          processed[1][0],
          floor[1][0],
          plain[1][1],
          processed[1][1],
          processed[1][2],
          overhead5000,
          scale,
          overhead1000 < 0.5,
          scale <= 6.0);
    } finally {
      deleteTree(work);
    }
  }

  /**
   * Compiles one source in-process; returns the compiling thread's CPU time and the wall time, in
   * ms.
   */
  private static long[] compile(JavaCompiler javac, Path work, Path source, Mode mode)
      throws IOException {
    Path out = Files.createTempDirectory(work, mode.name().toLowerCase(Locale.ROOT));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-d",
                  out.toString(),
                  "-s",
                  out.toString(),
                  "-classpath",
                  System.getProperty("java.class.path"),
                  "-implicit:none"));
      if (mode == Mode.PLAIN) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjects(source.toFile()));
      TimedProcessor timed =
          new TimedProcessor(
              mode == Mode.EMPTY_CLASS ? new EmptyClassProcessor() : new StagecraftProcessor());
      if (mode != Mode.PLAIN) {
        task.setProcessors(List.of(timed));
      }
      long startWall = System.nanoTime();
      long startCpu = THREADS.getCurrentThreadCpuTime();
      boolean ok = task.call();
      long cpu = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
      long wall = (System.nanoTime() - startWall) / 1_000_000;
      if (!ok) {
        throw new IllegalStateException(
            "compilation of " + source + " failed: " + diagnostics.getDiagnostics());
      }
      return new long[] {cpu, wall, timed.cpuNanos / 1_000_000};
    } finally {
      deleteTree(out);
    }
  }

  /**
   * A pipeline of {@code n} stages: each reads up to two earlier stages through {@code @Input} and
   * may order after one more through {@code @DependsOn}; some read parameters, fan out or reserve
   * resources. Each body is a few lines over its inputs, like a small real stage. Seeded, so every
   * run compiles the same source.
   */
  static String pipelineSource(int n) {
    Random random = new Random(42L + n);
    StringBuilder sb = new StringBuilder(n * 200);
    String name = "Bench" + n + "Pipeline";
    sb.append("package bench;\n\n")
        .append("import dev.stagecraft.annotations.*;\n")
        .append("import java.util.List;\n\n")
        .append("@Pipeline(description = \"generated benchmark pipeline of ")
        .append(n)
        .append(" stages\")\n")
        .append("public class ")
        .append(name)
        .append(" {\n")
        .append("  public record Value(long amount, String label) {}\n\n");
    boolean[] fanOut = new boolean[n];
    for (int i = 0; i < n; i++) {
      fanOut[i] = i > 0 && i % 50 == 0;
      List<String> params = new ArrayList<>();
      List<String> deps = new ArrayList<>();
      if (i > 0) {
        int inputs = Math.min(i, random.nextInt(3));
        int[] picks = random.ints(0, i).distinct().limit(Math.min(i, 3)).toArray();
        for (int k = 0; k < picks.length; k++) {
          int up = picks[k];
          if (k < inputs) {
            params.add(
                fanOut[up]
                    ? "@Input(\"s" + up + "\") List<Value> in" + k
                    : "@Input(\"s" + up + "\") Value in" + k);
          } else if (k == inputs) {
            deps.add("s" + up);
          }
        }
      }
      if (i % 10 == 3) {
        params.add("@Param(\"p" + (i % 40) + "\") @Default(\"" + (i % 40) + "\") int p");
      }
      if (fanOut[i]) {
        params.add("@Item String item");
      }
      sb.append("  @Stage(type = StageType.")
          .append(i % 7 == 0 ? "PREPROCESSING" : "GENERIC")
          .append(i % 13 == 0 ? ", retries = 2, timeout = \"PT5M\"" : "")
          .append(")\n");
      if (!deps.isEmpty()) {
        sb.append("  @DependsOn(\"").append(String.join("\", \"", deps)).append("\")\n");
      }
      if (i % 10 == 7) {
        sb.append("  @Resources(cpu = \"500m\", memory = \"").append(1 + i % 4).append("Gi\")\n");
      }
      if (fanOut[i]) {
        sb.append("  @ForEach(items = {\"a\", \"b\", \"c\"})\n");
      }
      sb.append("  public Value s")
          .append(i)
          .append("(")
          .append(String.join(", ", params))
          .append(") {\n")
          .append("    long total = ")
          .append(i)
          .append(";\n");
      for (int k = 0; k < params.size(); k++) {
        String p = params.get(k);
        if (p.contains("List<Value>")) {
          sb.append("    for (Value v : in")
              .append(k)
              .append(") {\n      total += v.amount();\n    }\n");
        } else if (p.contains("Value in")) {
          sb.append("    total += in").append(k).append(".amount();\n");
        } else if (p.endsWith("int p")) {
          sb.append("    total = total * 31 + p;\n");
        } else if (p.endsWith("item")) {
          sb.append("    total += item.length();\n");
        }
      }
      sb.append("    return new Value(total, \"s")
          .append(i)
          .append(":\" + Long.toHexString(total));\n")
          .append("  }\n\n");
    }
    return sb.append("}\n").toString();
  }

  /** Runs a processor and adds up the CPU time the compiling thread spends inside it. */
  private static final class TimedProcessor extends AbstractProcessor {
    private final Processor delegate;
    private long cpuNanos;

    TimedProcessor(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      long start = THREADS.getCurrentThreadCpuTime();
      delegate.init(env);
      cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = THREADS.getCurrentThreadCpuTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
      }
    }
  }

  /**
   * Writes one empty class for the first {@code @Pipeline} round: the cost of any generated file.
   */
  private static final class EmptyClassProcessor extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("dev.stagecraft.annotations.Pipeline");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (written || annotations.isEmpty()) {
        return false;
      }
      written = true;
      try (Writer w =
          processingEnv.getFiler().createSourceFile("bench.EmptyGenerated").openWriter()) {
        w.write("package bench;\n\nfinal class EmptyGenerated {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  /** The run with the median CPU time. */
  private static long[] median(List<long[]> runs) {
    List<long[]> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingLong(r -> r[0]));
    return sorted.get(sorted.size() / 2);
  }

  private static Path write(Path work, int n) throws IOException {
    Path dir = Files.createDirectories(work.resolve("src").resolve("bench"));
    Path file = dir.resolve("Bench" + n + "Pipeline.java");
    Files.writeString(file, pipelineSource(n));
    return file;
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
