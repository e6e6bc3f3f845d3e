package dev.stagecraft.runtime.components.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class CsvSourceTest {
  @TempDir Path dir;

  private Path file(String content) throws IOException {
    Path path = dir.resolve("in.csv");
    Files.writeString(path, content, StandardCharsets.UTF_8);
    return path;
  }

  private String error(String content) throws IOException {
    Path path = file(content);
    return assertThrows(DataException.class, () -> CsvSource.readCsv(path)).getMessage();
  }

  @Test
  void aSingleColumnHeaderHoldingAnotherSeparatorNamesIt() throws IOException {
    Table semicolons = CsvSource.readCsv(file("a;b;label\n1;2;yes\n3;4;no\n"));
    assertEquals(java.util.Optional.of(';'), CsvSource.otherSeparator(semicolons, ','));
    Table tabs = CsvSource.readCsv(file("a\tb\tc;d\n1\t2\t3\n"));
    assertEquals(java.util.Optional.of('\t'), CsvSource.otherSeparator(tabs, ','));
    Table commas =
        new CsvSource(CsvSource.Options.defaults().withSeparator(';'))
            .read(file("a,b,label\n1,2,yes\n"));
    assertEquals(java.util.Optional.of(','), CsvSource.otherSeparator(commas, ';'));
    assertEquals(
        java.util.Optional.empty(),
        CsvSource.otherSeparator(CsvSource.readCsv(file("a,b\n1,2\n")), ','));
    assertEquals(
        java.util.Optional.empty(),
        CsvSource.otherSeparator(CsvSource.readCsv(file("name\nx\n")), ','));
  }

  @Test
  void aSeparatorSettingIsOneCharacterOrTab() {
    assertEquals(';', CsvSource.separator("--separator", ";"));
    assertEquals('\t', CsvSource.separator("--separator", "tab"));
    assertEquals('\t', CsvSource.separator("separator", "\\t"));
    assertEquals(
        "separator ';;' must be exactly one character, e.g. ';' (or tab)",
        assertThrows(DataException.class, () -> CsvSource.separator("separator", ";;"))
            .getMessage());
  }

  @Test
  void detectsTypesAndMissingValues() throws IOException {
    Table t =
        CsvSource.readCsv(
            file("id,x,name,empty,mixed\n1,1.5,ann,,NA\n2,NA,\"b,ob\",NaN,2\n3,-2e3,,null,3.25\n"));
    assertEquals(ColumnType.INTEGER, t.column("id").type());
    assertEquals(ColumnType.DOUBLE, t.column("x").type());
    assertEquals(ColumnType.STRING, t.column("name").type());
    assertEquals(ColumnType.DOUBLE, t.column("empty").type()); // entirely missing
    assertEquals(ColumnType.DOUBLE, t.column("mixed").type());
    assertEquals(-2000.0, t.doubleColumn("x").getDouble(2));
    assertTrue(Double.isNaN(t.doubleColumn("x").getDouble(1)));
    assertEquals("b,ob", t.stringColumn("name").get(1));
    assertTrue(t.stringColumn("name").isMissing(2));
    assertEquals(3, t.rowCount());
  }

  @Test
  void integersWithMissingValuesBecomeDoubles() throws IOException {
    Table t = CsvSource.readCsv(file("a,b\n1,1.0\n,2\n"));
    assertEquals(ColumnType.DOUBLE, t.column("a").type());
    assertEquals(ColumnType.DOUBLE, t.column("b").type()); // written with a decimal point
  }

  @Test
  void parsesNumbersExactlyAsDoubleParseDouble() throws IOException {
    String[] texts = {
      "0.1",
      "1e-300",
      "123456789012345678",
      "2.2250738585072014E-308",
      "-0.0",
      "9007199254740993",
      "1.7976931348623157e308",
      ".5",
      "5.",
      "+3",
      "0.30000000000000004",
      "4.35",
      "1E22",
      "1e23",
      "inf",
      "-Infinity"
    };
    StringBuilder csv = new StringBuilder("v\n");
    for (String text : texts) {
      csv.append(text).append('\n');
    }
    Table t = CsvSource.readCsv(file(csv.toString()));
    for (int i = 0; i < texts.length; i++) {
      double expected =
          texts[i].endsWith("inf")
              ? Double.NEGATIVE_INFINITY * (texts[i].startsWith("-") ? 1 : -1)
              : Double.parseDouble(texts[i]);
      assertEquals(expected, t.doubleColumn("v").getDouble(i), texts[i]);
    }
  }

  @Test
  void numbersAcrossBufferBoundariesReadExactly() throws IOException {
    // ~5 MB: every 1 MiB buffer boundary falls inside some record
    java.util.SplittableRandom random = new java.util.SplittableRandom(4);
    int rows = 150_000;
    String[][] texts = new String[rows][2];
    StringBuilder csv = new StringBuilder("a,b\n");
    for (int r = 0; r < rows; r++) {
      texts[r][0] = Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(-5, 6)));
      texts[r][1] = r % 17 == 0 ? "" : Long.toString(random.nextLong(1_000_000)) + ".5e-3";
      csv.append(texts[r][0]).append(',').append(texts[r][1]).append(r % 2 == 0 ? "\n" : "\r\n");
    }
    Table t = CsvSource.readCsv(file(csv.toString()));
    assertEquals(rows, t.rowCount());
    for (int r = 0; r < rows; r++) {
      assertEquals(Double.parseDouble(texts[r][0]), t.doubleColumn("a").getDouble(r), "row " + r);
      double b = texts[r][1].isEmpty() ? Double.NaN : Double.parseDouble(texts[r][1]);
      assertEquals(b, t.doubleColumn("b").getDouble(r), "row " + r);
    }
  }

  @Test
  void honoursSeparatorTokensAndExplicitTypes() throws IOException {
    Path path = file("zip;score;note\n01234;?;x\n99;3;y\n");
    Table t =
        new CsvSource(
                CsvSource.Options.defaults()
                    .withSeparator(';')
                    .withMissingTokens(Set.of("?"))
                    .withColumnType("zip", ColumnType.STRING))
            .read(path);
    assertEquals("01234", t.stringColumn("zip").get(0));
    assertTrue(Double.isNaN(t.doubleColumn("score").getDouble(0)));
    // a number can be a missing token too
    Table sentinel =
        new CsvSource(CsvSource.Options.defaults().withMissingTokens(Set.of("-999")))
            .read(file("x\n1.5\n-999\n-999.0\n"));
    assertTrue(Double.isNaN(sentinel.doubleColumn("x").getDouble(1)));
    assertEquals(-999.0, sentinel.doubleColumn("x").getDouble(2));
  }

  @Test
  void handlesCrlfBlankLinesQuotesBomAndNoFinalNewline() throws IOException {
    Table t = CsvSource.readCsv(file("\uFEFFa,b\r\n1,\"say \"\"hi\"\"\nthere\"\r\n\r\n2,z"));
    assertEquals(2, t.rowCount());
    assertEquals("say \"hi\"\nthere", t.stringColumn("b").get(0));
    assertEquals(2, t.intColumn("a").get(1));
  }

  @Test
  void readsRecordsLongerThanTheBuffer() throws IOException {
    String big = "x".repeat(3_000_000);
    Table t = CsvSource.readCsv(file("a,b\n1," + big + "\n2,y\n"));
    assertEquals(big.length(), t.stringColumn("b").get(0).length());
    assertEquals(2, t.rowCount());
  }

  @Test
  void bundledBreastCancerData() {
    Table t = BundledData.breastCancer();
    assertEquals(569, t.rowCount());
    assertEquals(31, t.columnCount());
    assertEquals(ColumnType.STRING, t.column(BundledData.BREAST_CANCER_TARGET).type());
    assertEquals(17.99, t.doubleColumn("mean_radius").getDouble(0));
    assertEquals(30, FeatureColumns.numeric(t, "diagnosis").size());
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("nope.csv");
    String message =
        assertThrows(DataException.class, () -> CsvSource.readCsv(missing)).getMessage();
    assertEquals(missing + ": file not found (check the path)", message);
  }

  @Test
  void emptyFile() throws IOException {
    assertEquals(
        dir.resolve("in.csv") + " is empty: expected a header line naming the columns", error(""));
  }

  @Test
  void headerOnly() throws IOException {
    assertEquals(
        dir.resolve("in.csv") + " has a header but no data rows; add rows below the header line",
        error("a,b\n"));
  }

  @Test
  void tooManyFields() throws IOException {
    assertEquals(
        dir.resolve("in.csv")
            + " line 3: expected 2 fields as in the header but found 3"
            + " (too many; quote values that contain the separator)",
        error("a,b\n1,2\n3,4,5\n"));
  }

  @Test
  void tooFewFields() throws IOException {
    assertEquals(
        dir.resolve("in.csv")
            + " line 4: expected 2 fields as in the header but found 1"
            + " (too few)",
        error("a,b\n1,2\n\n3\n"));
  }

  @Test
  void nonNumericValueInNumericColumn() throws IOException {
    assertEquals(
        dir.resolve("in.csv")
            + " line 3, column 'b' (field 2): '4x' is not a number in this"
            + " numeric column; write a number, leave it empty or write NA for a missing value, or read"
            + " the column as STRING",
        error("a,b\n1,2.5\n3,4x\n"));
  }

  @Test
  void otherMalformedInput() throws IOException {
    assertTrue(error("a,a\n1,2\n").contains("column name 'a' appears twice"));
    assertTrue(error("a\n\"open\n").contains("line 2: a quoted field is not closed"));
    Path path = file("a\n1\n");
    String message =
        assertThrows(
                DataException.class,
                () ->
                    new CsvSource(
                            CsvSource.Options.defaults().withColumnType("b", ColumnType.DOUBLE))
                        .read(path))
            .getMessage();
    assertTrue(message.startsWith("a type is declared for column 'b' but"), message);
    assertTrue(
        assertThrows(
                DataException.class,
                () ->
                    new CsvSource(
                            CsvSource.Options.defaults().withColumnType("a", ColumnType.INTEGER))
                        .read(file("a\n1.5\n")))
            .getMessage()
            .contains("'1.5' is not a whole number"));
  }

  @Test
  void everyMessageIsOneLine() throws IOException {
    for (String bad : new String[] {"", "a\n", "a,b\n1\n", "a\n1\nx\n"}) {
      assertTrue(!error(bad).contains("\n"), bad);
    }
  }
}
