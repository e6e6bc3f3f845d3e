package dev.stagecraft.benchmarks;

import dev.stagecraft.runtime.cli.StagecraftCli;
import dev.stagecraft.runtime.components.data.CsvSink;
import dev.stagecraft.runtime.components.data.CsvSource;
import dev.stagecraft.runtime.components.data.ImputeStrategy;
import dev.stagecraft.runtime.components.data.OutlierMethod;
import dev.stagecraft.runtime.components.data.PreprocessOptions;
import dev.stagecraft.runtime.components.data.Preprocessor;
import dev.stagecraft.runtime.components.data.ScaleMethod;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * Times the data components on a seeded CSV of 1,000,000 rows x 20 numeric columns with 5% of the
 * values missing (Gaussian values per column, written at full precision with {@code
 * Double.toString}, as numpy's {@code repr} writes them): reading; mean imputation + standard
 * scaling + IQR capping through the components; writing; and the same transform on plain {@code
 * double[]} loops (the floor, quartiles by quickselect). All in one JVM after a warm-up round; each
 * figure is the best of the measured rounds. Also measures the heap the table holds after a full GC
 * and the peak heap (sum of the heap pools' peaks, an upper bound) while reading and while
 * transforming. CPU times (the thread's; the process's for the multi-threaded write) are printed
 * too, as the machine may be shared. Finally runs the preprocess command in a fresh JVM (startup
 * included), to compare with the same work as a pandas script (13.23 s: read 0.92, imputation +
 * scaling 0.69, capping 0.82, write 10.8). Usage: {@code benchmarks/run preprocess [rows]
 * [rounds]}. Last line: JSON.
 */
public final class PreprocessBenchmark {
  private static final int COLUMNS = 20;
  private static final long SEED = 20240501L;

  private PreprocessBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length > 0 && args[0].equals("--command")) {
      // the preprocess command alone in a fresh JVM, as ./stagecraft preprocess runs it
      args[0] = "preprocess";
      StagecraftCli.main(args);
    }
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("stagecraft-preprocess-bench");
    try {
      run(dir, rows, rounds);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void run(Path dir, int rows, int rounds) throws IOException, InterruptedException {
    Path input = dir.resolve("input.csv");
    Path output = dir.resolve("output.csv");
    generate(input, rows);
    System.out.printf(
        "generated %s: %d rows x %d columns, %.0f MB%n",
        input, rows, COLUMNS, Files.size(input) / 1e6);
    PreprocessOptions options =
        PreprocessOptions.defaults()
            .withImpute(ImputeStrategy.MEAN)
            .withScale(ScaleMethod.STANDARD)
            .withCapOutliers(OutlierMethod.IQR);

    double read = Double.MAX_VALUE;
    double transform = Double.MAX_VALUE;
    double write = Double.MAX_VALUE;
    double floor = Double.MAX_VALUE;
    double endToEnd = Double.MAX_VALUE;
    double readCpu = Double.MAX_VALUE;
    double transformCpu = Double.MAX_VALUE;
    double floorCpu = Double.MAX_VALUE;
    double writeCpu = Double.MAX_VALUE;
    long tableBytes = 0;
    long peakRead = 0;
    long peakTransform = 0;
    long capped = 0;
    for (int round = 0; round <= rounds; round++) {
      boolean warmUp = round == 0;
      gc();
      resetPeaks();
      long c0 = cpu();
      long t0 = System.nanoTime();
      Table table = new CsvSource().read(input);
      long t1 = System.nanoTime();
      long c1 = cpu();
      long peakR = peakHeap();
      gc();
      long held = usedHeap();
      resetPeaks();
      long c2 = cpu();
      long t2 = System.nanoTime();
      Preprocessor.Result result = new Preprocessor(options).fitTransform(table);
      long t3 = System.nanoTime();
      long c3 = cpu();
      long peakT = peakHeap();
      long p3 = processCpu();
      new CsvSink().write(result.table(), output);
      long t4 = System.nanoTime();
      long p4 = processCpu();
      long componentsCapped = result.report().outliersCapped();
      result = null;
      double[][] columns = new double[COLUMNS][];
      for (int c = 0; c < COLUMNS; c++) {
        columns[c] = table.doubleColumn(c).asDoubleArray();
      }
      long c5 = cpu();
      long t5 = System.nanoTime();
      long floorCapped = Floor.transform(columns);
      long t6 = System.nanoTime();
      long c6 = cpu();
      if (floorCapped != componentsCapped) {
        System.out.println(
            "note: floor capped "
                + floorCapped
                + " values, components "
                + componentsCapped
                + " (summation order differs)");
      }
      table = null;
      columns = null;
      gc();
      long t7 = System.nanoTime();
      java.io.PrintStream discard =
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
      int code =
          StagecraftCli.execute(
              new String[] {
                "preprocess",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--impute",
                "mean",
                "--scale",
                "standard",
                "--cap-outliers",
                "iqr"
              },
              discard,
              discard,
              System.getenv(),
              false);
      long t8 = System.nanoTime();
      if (code != 0) {
        throw new IllegalStateException("preprocess exited with " + code);
      }
      System.out.printf(
          Locale.ROOT,
          "%s: read %.3f s (cpu %.3f), transform %.3f s (cpu %.3f),"
              + " write %.3f s (process cpu %.3f), floor %.3f s (cpu %.3f), preprocess command %.3f s, table %.0f MB,"
              + " peak read %.0f MB, peak transform %.0f MB%n",
          warmUp ? "warm-up" : "round " + round,
          s(t1 - t0),
          s(c1 - c0),
          s(t3 - t2),
          s(c3 - c2),
          s(t4 - t3),
          s(p4 - p3),
          s(t6 - t5),
          s(c6 - c5),
          s(t8 - t7),
          held / 1e6,
          peakR / 1e6,
          peakT / 1e6);
      if (!warmUp) {
        readCpu = Math.min(readCpu, s(c1 - c0));
        transformCpu = Math.min(transformCpu, s(c3 - c2));
        floorCpu = Math.min(floorCpu, s(c6 - c5));
        read = Math.min(read, s(t1 - t0));
        transform = Math.min(transform, s(t3 - t2));
        write = Math.min(write, s(t4 - t3));
        writeCpu = Math.min(writeCpu, s(p4 - p3));
        floor = Math.min(floor, s(t6 - t5));
        endToEnd = Math.min(endToEnd, s(t8 - t7));
        tableBytes = Math.max(tableBytes, held);
        peakRead = Math.max(peakRead, peakR);
        peakTransform = Math.max(peakTransform, peakT);
        capped = floorCapped;
      }
    }
    double freshJvm = Double.MAX_VALUE;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    for (int round = 0; round < Math.max(1, rounds - 1); round++) {
      long t0 = System.nanoTime();
      Process process =
          new ProcessBuilder(
                  java,
                  "-Xmx2g",
                  "-cp",
                  classPath,
                  PreprocessBenchmark.class.getName(),
                  "--command",
                  "--input",
                  input.toString(),
                  "--output",
                  output.toString(),
                  "--impute",
                  "mean",
                  "--scale",
                  "standard",
                  "--cap-outliers",
                  "iqr")
              .inheritIO()
              .start();
      int code = process.waitFor();
      long t1 = System.nanoTime();
      if (code != 0) {
        throw new IllegalStateException("preprocess in a fresh JVM exited with " + code);
      }
      System.out.printf(
          Locale.ROOT, "preprocess in a fresh JVM (as ./stagecraft runs it): %.3f s%n", s(t1 - t0));
      freshJvm = Math.min(freshJvm, s(t1 - t0));
    }
    double rawMb = rows * (double) COLUMNS * 8 / 1e6;
    System.out.printf(
        Locale.ROOT,
        "{\"benchmark\":\"preprocess\",\"rows\":%d,\"columns\":%d,"
            + "\"readS\":%.3f,\"transformS\":%.3f,\"writeS\":%.3f,\"floorS\":%.3f,"
            + "\"transformToFloor\":%.2f,\"readCpuS\":%.3f,\"transformCpuS\":%.3f,\"floorCpuS\":%.3f,"
            + "\"transformToFloorCpu\":%.2f,\"writeProcessCpuS\":%.3f,\"preprocessCommandS\":%.3f,"
            + "\"preprocessFreshJvmS\":%.3f,\"pandasScriptS\":13.23,\"valuesCapped\":%d,"
            + "\"rawDoublesMB\":%.0f,\"tableHeapMB\":%.0f,\"peakHeapReadMB\":%.0f,"
            + "\"peakHeapTransformMB\":%.0f,\"pandas\":{\"readS\":0.92,\"imputeScaleS\":0.69,"
            + "\"capS\":0.82,\"writeS\":10.8}}%n",
        rows,
        COLUMNS,
        read,
        transform,
        write,
        floor,
        transform / floor,
        readCpu,
        transformCpu,
        floorCpu,
        transformCpu / floorCpu,
        writeCpu,
        endToEnd,
        freshJvm,
        capped,
        rawMb,
        tableBytes / 1e6,
        peakRead / 1e6,
        peakTransform / 1e6);
  }

  private static void generate(Path path, int rows) throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    double[] means = new double[COLUMNS];
    double[] spreads = new double[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      means[c] = random.nextDouble(-100, 100);
      spreads[c] = random.nextDouble(0.1, 50);
    }
    try (BufferedWriter out = Files.newBufferedWriter(path)) {
      StringBuilder line = new StringBuilder(512);
      for (int c = 0; c < COLUMNS; c++) {
        line.append(c == 0 ? "" : ",").append("f").append(c);
      }
      out.write(line.append('\n').toString());
      for (int r = 0; r < rows; r++) {
        line.setLength(0);
        for (int c = 0; c < COLUMNS; c++) {
          if (c > 0) {
            line.append(',');
          }
          if (random.nextDouble() >= 0.05) {
            double g = gaussian(random);
            // heavier tails than a Gaussian so that capping has work to do
            double v = means[c] + spreads[c] * (random.nextDouble() < 0.01 ? 8 * g : g);
            line.append(v);
          }
        }
        out.write(line.append('\n').toString());
      }
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static double s(long nanos) {
    return nanos / 1e9;
  }

  private static void gc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /** The same transform on plain arrays: the floor the components are compared with. */
  static final class Floor {
    private Floor() {}

    /** Mean-imputes, standardizes (population std) and IQR-caps each column in place. */
    static long transform(double[][] columns) {
      long capped = 0;
      for (double[] x : columns) {
        int n = x.length;
        double sum = 0;
        int count = 0;
        for (double v : x) {
          if (v == v) {
            sum += v;
            count++;
          }
        }
        double fill = sum / count;
        double total = 0;
        for (int i = 0; i < n; i++) {
          if (x[i] != x[i]) {
            x[i] = fill;
          }
          total += x[i];
        }
        double mean = total / n;
        double squares = 0;
        for (double v : x) {
          double d = v - mean;
          squares += d * d;
        }
        double std = Math.sqrt(squares / n);
        for (int i = 0; i < n; i++) {
          x[i] = (x[i] - mean) / std;
        }
        double[] work = x.clone();
        double q3 = quantile(work, n, 0.75);
        double q1 = quantile(work, n, 0.25);
        double iqr = q3 - q1;
        double lower = q1 - 1.5 * iqr;
        double upper = q3 + 1.5 * iqr;
        for (int i = 0; i < n; i++) {
          double v = x[i];
          if (v < lower) {
            x[i] = lower;
            capped++;
          } else if (v > upper) {
            x[i] = upper;
            capped++;
          }
        }
      }
      return capped;
    }

    private static double quantile(double[] a, int n, double q) {
      double h = (n - 1) * q;
      int lo = (int) Math.floor(h);
      double below = select(a, lo);
      if (lo + 1 >= n) {
        return below;
      }
      double above = a[lo + 1];
      for (int i = lo + 2; i < n; i++) {
        above = Math.min(above, a[i]);
      }
      double t = h - lo;
      double diff = above - below;
      return t >= 0.5 ? above - diff * (1 - t) : below + diff * t;
    }

    private static double select(double[] a, int k) {
      int lo = 0;
      int hi = a.length - 1;
      while (hi > lo) {
        double pivot = a[(lo + hi) >>> 1];
        int i = lo;
        int j = hi;
        while (i <= j) {
          while (a[i] < pivot) {
            i++;
          }
          while (a[j] > pivot) {
            j--;
          }
          if (i <= j) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
            i++;
            j--;
          }
        }
        if (k <= j) {
          hi = j;
        } else if (k >= i) {
          lo = i;
        } else {
          return a[k];
        }
      }
      return a[k];
    }
  }
}
