package dev.stagecraft.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The seeded binary classification data of {@code benchmarks/run training-scale}: {@value
 * #FEATURES} standard-normal features {@code f0..f19} and a class {@code label} (0 or 1). The class
 * is 1 when a score is positive: a linear part over {@code f0..f7}, an interaction {@code f0 * f1},
 * a quadratic and a periodic term on {@code f2} and {@code f3}, a threshold on {@code f4}, and
 * Gaussian noise of deviation 0.5; {@code f8..f19} carry no signal. A linear model cannot see the
 * nonlinear terms, trees can, and the noise keeps every model below 1. Values are written with 6
 * decimals, the same bytes on every machine.
 */
final class ScaleData {
  /** The number of feature columns. */
  static final int FEATURES = 20;

  /** The seed of the benchmark's data. */
  static final long SEED = 20261201L;

  private static final double[] WEIGHTS = {1.0, -0.8, 0.6, 0.5, -0.4, 0.3, -0.3, 0.2};

  private ScaleData() {}

  /** Writes {@code rows} rows to {@code csv}. */
  static void write(Path csv, int rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[FEATURES];
    StringBuilder line = new StringBuilder();
    try (BufferedWriter out = Files.newBufferedWriter(csv)) {
      for (int j = 0; j < FEATURES; j++) {
        out.write("f" + j + ",");
      }
      out.write("label\n");
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        for (int j = 0; j < FEATURES; j++) {
          x[j] = random.nextGaussian();
          appendFixed6(line, x[j]);
          line.append(',');
        }
        double score = 0;
        for (int j = 0; j < WEIGHTS.length; j++) {
          score += WEIGHTS[j] * x[j];
        }
        score += 1.2 * x[0] * x[1] - 0.6 * (x[2] * x[2] - 1) + Math.sin(2 * x[3]);
        score += x[4] > 0.5 ? 0.8 : 0;
        score += 0.5 * random.nextGaussian();
        line.append(score > 0.2 ? '1' : '0').append('\n');
        out.append(line);
      }
    }
  }

  /** {@code value} with exactly 6 decimals, as {@code %.6f} prints it, without a formatter. */
  private static void appendFixed6(StringBuilder out, double value) {
    long micros = Math.round(value * 1e6);
    if (micros < 0) {
      out.append('-');
      micros = -micros;
    }
    out.append(micros / 1_000_000).append('.');
    String fraction = Long.toString(micros % 1_000_000);
    out.append("000000", 0, 6 - fraction.length()).append(fraction);
  }

  /** {@code ScaleData FILE [ROWS]}: writes the benchmark's data (100,000 rows by default). */
  public static void main(String[] args) throws IOException {
    Path csv = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    write(csv, rows, SEED);
    System.out.printf("wrote %s: %d rows x %d features and label%n", csv, rows, FEATURES);
  }
}
