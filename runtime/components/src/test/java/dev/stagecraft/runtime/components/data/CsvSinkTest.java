package dev.stagecraft.runtime.components.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.runtime.io.FileWriteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvSinkTest {
  @TempDir Path dir;

  @Test
  void doublesReadBackBitForBit() {
    SplittableRandom random = new SplittableRandom(11);
    int n = 20_000;
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] =
          switch (i % 5) {
            case 0 -> random.nextGaussian();
            case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            case 2 -> random.nextDouble() * 1e-310; // subnormal
            case 3 -> Double.NaN;
            default -> Math.round(random.nextDouble() * 1e4) / 1e2;
          };
    }
    Table table = Table.create("t", DoubleArrayColumn.wrap("x", values));
    Path out = dir.resolve("out.csv");
    new CsvSink().write(table, out);
    double[] back = CsvSource.readCsv(out).doubleColumn("x").asDoubleArray();
    for (int i = 0; i < n; i++) {
      assertEquals(
          Double.doubleToLongBits(values[i]), Double.doubleToLongBits(back[i]), "row " + i);
    }
  }

  @Test
  void writesIntsPlainAndQuotesTextOnlyWhenNeeded() throws IOException {
    Table table =
        Table.create(
            "t", IntColumn.create("n", 1, 20000), StringColumn.create("s", "a,b", "say \"x\""));
    Path out = dir.resolve("out.csv");
    new CsvSink().write(table, out);
    assertEquals("n,s\n1,\"a,b\"\n20000,\"say \"\"x\"\"\"\n", Files.readString(out));
  }

  @Test
  void writesNothingWhenTheDirectoryIsMissing() {
    Path out = dir.resolve("no/such/dir/out.csv");
    Table table = Table.create("t", IntColumn.create("n", 1));
    String message =
        assertThrows(FileWriteException.class, () -> new CsvSink().write(table, out)).getMessage();
    assertEquals(
        "cannot write "
            + out
            + ": directory "
            + out.getParent()
            + " does not exist; create it first",
        message);
    assertFalse(Files.exists(out));
  }
}
