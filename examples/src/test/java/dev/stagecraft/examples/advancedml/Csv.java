package dev.stagecraft.examples.advancedml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/** Seeded CSV files for the pipeline's tests. */
final class Csv {
  private Csv() {}

  /**
   * {@code rows} rows of three well-separated classes ({@code setosa}, {@code versicolor}, {@code
   * virginica}) in four numeric columns {@code f1..f4} and a target {@code species} placed first.
   */
  static Path multiclass(Path dir, int rows, long seed) throws IOException {
    String[] classes = {"setosa", "versicolor", "virginica"};
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder csv = new StringBuilder("species,f1,f2,f3,f4\n");
    for (int i = 0; i < rows; i++) {
      int c = i % 3;
      csv.append(classes[c]);
      for (int f = 0; f < 4; f++) {
        double center = c * (f + 1) * 1.5;
        csv.append(String.format(Locale.ROOT, ",%.4f", center + random.nextGaussian()));
      }
      csv.append('\n');
    }
    return write(dir.resolve("species.csv"), csv.toString());
  }

  /** A two-class table {@code a,b,label} of {@code rows} rows; {@code singleClass}: all "yes". */
  static Path binary(Path dir, int rows, boolean singleClass, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder csv = new StringBuilder("a,b,label\n");
    for (int i = 0; i < rows; i++) {
      boolean yes = singleClass || i % 2 == 0;
      double shift = yes ? 2 : 0;
      csv.append(
          String.format(
              Locale.ROOT,
              "%.4f,%.4f,%s%n",
              shift + random.nextGaussian(),
              random.nextGaussian(),
              yes ? "yes" : "no"));
    }
    return write(dir.resolve(singleClass ? "single.csv" : "binary.csv"), csv.toString());
  }

  /**
   * A two-class table {@code a,b,label} of {@code rows} rows where every {@code gap}-th value of
   * {@code a} is missing and only every {@code rareEvery}-th row is {@code no}.
   */
  static Path withGaps(Path dir, int rows, int gap, int rareEvery, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder csv = new StringBuilder("a,b,label\n");
    for (int i = 0; i < rows; i++) {
      boolean yes = i % rareEvery != 0;
      String a =
          i % gap == 0
              ? ""
              : String.format(Locale.ROOT, "%.4f", (yes ? 2 : 0) + random.nextGaussian());
      csv.append(
          String.format(Locale.ROOT, "%s,%.4f,%s%n", a, random.nextGaussian(), yes ? "yes" : "no"));
    }
    return write(dir.resolve("gaps.csv"), csv.toString());
  }

  /**
   * A two-class table of 40 rows with a number {@code a}, a text feature {@code colour} of {@code
   * colours} values ({@code c0, c1, ...}) and classes {@code no} and {@code yes, later} (quoted, as
   * it holds the separator).
   */
  static Path withTextFeature(Path dir, int colours) throws IOException {
    StringBuilder csv = new StringBuilder("a,colour,label\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i)
          .append(",c")
          .append(i % colours)
          .append(',')
          .append(i % 2 == 0 ? "\"yes, later\"" : "no")
          .append('\n');
    }
    return write(dir.resolve("text.csv"), csv.toString());
  }

  /** {@link #binary}'s table of {@code rows} rows with {@code ;} as the separator. */
  static Path semicolons(Path dir, int rows) throws IOException {
    Path comma = binary(dir, rows, false, 3);
    return write(dir.resolve("semicolons.csv"), Files.readString(comma).replace(',', ';'));
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text);
    return file;
  }
}
