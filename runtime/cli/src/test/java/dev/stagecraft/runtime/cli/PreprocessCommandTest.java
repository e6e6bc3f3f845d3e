package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.components.data.CsvSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class PreprocessCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /**
   * {@code stagecraft preprocess ARGS}, appending what it prints to {@code out} and {@code err}.
   */
  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    String[] line = new String[args.length + 1];
    line[0] = "preprocess";
    System.arraycopy(args, 0, line, 1, args.length);
    int code =
        StagecraftCli.execute(
            line,
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8),
            Map.of(),
            false);
    out.write(o.toString(StandardCharsets.UTF_8));
    err.write(e.toString(StandardCharsets.UTF_8));
    return code;
  }

  private Path bundled() throws IOException {
    Path path = dir.resolve("breast_cancer.csv");
    try (InputStream in =
        getClass().getResourceAsStream("/dev/stagecraft/data/breast_cancer.csv")) {
      Files.copy(in, path);
    }
    return path;
  }

  private Path csv(String content) throws IOException {
    Path path = dir.resolve("in.csv");
    Files.writeString(path, content);
    return path;
  }

  @Test
  void preprocessesTheBundledDataSet() throws IOException {
    Path output = dir.resolve("out.csv");
    Path report = dir.resolve("q.json");
    int code =
        run(
            "--input",
            bundled().toString(),
            "--output",
            output.toString(),
            "--target",
            "diagnosis",
            "--impute",
            "median",
            "--scale",
            "standard",
            "--interactions",
            "0.95",
            "--cap-outliers",
            "iqr",
            "--report",
            report.toString());
    assertEquals(0, code, err.toString());
    assertEquals("", err.toString());
    Table table = CsvSource.readCsv(output);
    assertEquals(569, table.rowCount());
    assertEquals("diagnosis", table.columnNames().get(30));
    assertEquals("mean_radius_x_mean_perimeter", table.columnNames().get(31));
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(table.columnCount(), json.get("finalColumns").asInt());
    assertEquals(table.columnCount() - 31, json.get("interactionFeaturesCreated").asInt());
    assertEquals("standard", json.get("scalingMethod").asText());
    try (var files = Files.list(dir)) {
      assertEquals(3, files.count()); // input, output, report: no temporary files left
    }
  }

  @Test
  void defaultsCopyTheDataUnchanged() throws IOException {
    Path output = dir.resolve("out.csv");
    assertEquals(
        0, run("--input", csv("a,b\n1,0.1\n2,\n").toString(), "--output", output.toString()));
    assertEquals("a,b\n1,0.1\n2,\n", Files.readString(output));
  }

  /** Bad input: exit 2, one line on stderr naming the problem, no output written. */
  private void assertBadInput(String expectedStart, String... args) {
    Path output = dir.resolve("never.csv");
    Path report = dir.resolve("never.json");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--output", output.toString(), "--report", report.toString()));
    int code = run(all.toArray(new String[0]));
    String message = err.toString();
    assertEquals(2, code, message);
    assertTrue(message.startsWith("error: " + expectedStart), message);
    assertEquals(1, message.lines().count(), message);
    assertFalse(message.contains("Exception"), message);
    assertFalse(Files.exists(output));
    assertFalse(Files.exists(report));
    err.getBuffer().setLength(0);
  }

  @Test
  void badInputExitsWithTwoAndWritesNothing() throws IOException {
    String missing = dir.resolve("missing.csv").toString();
    assertBadInput(missing + ": file not found", "--input", missing);
    String in = dir.resolve("in.csv").toString();
    assertBadInput(in + " is empty", "--input", csv("").toString());
    assertBadInput(in + " has a header but no data rows", "--input", csv("a,b\n").toString());
    assertBadInput(
        in + " line 3: expected 2 fields as in the header but found 3",
        "--input",
        csv("a,b\n1,2\n3,4,5\n").toString());
    assertBadInput(
        in + " line 2: expected 2 fields as in the header but found 1",
        "--input",
        csv("a,b\n1\n").toString());
    assertBadInput(
        in + " line 3, column 'b' (field 2): 'abc' is not a number",
        "--input",
        csv("a,b\n1,2\n3,abc\n").toString());
    Path good = csv("a,b,y\n1,,x\n2,,z\n");
    assertBadInput(
        "target column 'label' does not exist; the columns are: a, b, y",
        "--input",
        good.toString(),
        "--target",
        "label");
    assertBadInput(
        "column 'b' has no values at all: mean imputation cannot fill an entirely missing"
            + " column",
        "--input",
        good.toString(),
        "--impute",
        "mean");
    assertBadInput(
        "unknown --impute value 'average'; use one of none, mean, median, most_frequent,"
            + " constant, knn",
        "--input",
        good.toString(),
        "--impute",
        "average");
    assertBadInput("unknown --scale value 'log'", "--input", good.toString(), "--scale", "log");
    assertBadInput(
        "unknown --cap-outliers value 'zscore'",
        "--input",
        good.toString(),
        "--cap-outliers",
        "zscore");
    assertBadInput(
        "--iqr-factor value 'wide' is not a number",
        "--input",
        good.toString(),
        "--iqr-factor",
        "wide");
    assertBadInput(
        "--knn-k value '0' is not a positive whole number",
        "--input",
        good.toString(),
        "--knn-k",
        "0");
    assertBadInput(
        "interaction threshold 2.0 is not a correlation",
        "--input",
        good.toString(),
        "--interactions",
        "2");
    assertBadInput(
        "--separator ';;' must be exactly one character",
        "--input",
        good.toString(),
        "--separator",
        ";;");
    assertBadInput(
        "separator '\"' is not allowed; use one ASCII character other than a quote or a line"
            + " break",
        "--input",
        good.toString(),
        "--separator",
        "\"");
  }

  @Test
  void theSameFileForOutputAndReportIsBadInput() throws IOException {
    Path same = dir.resolve("same.csv");
    int code =
        run(
            "--input",
            csv("a\n1\n").toString(),
            "--output",
            same.toString(),
            "--report",
            same.toString());
    assertEquals(2, code);
    assertEquals(
        "error: --report and --output are the same file " + same + "; name two different files",
        err.toString().strip());
    assertFalse(Files.exists(same));
  }

  @Test
  void anUnwritableReportLeavesTheOutputAlone() throws IOException {
    Path output = dir.resolve("out.csv");
    Path report = dir.resolve("missing-dir/q.json");
    int code =
        run(
            "--input",
            csv("a\n1\n").toString(),
            "--output",
            output.toString(),
            "--report",
            report.toString());
    assertEquals(2, code);
    assertEquals(
        "error: cannot write "
            + report
            + ": directory "
            + report.getParent()
            + " does not exist; create it first",
        err.toString().strip());
    assertFalse(Files.exists(output));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count()); // only the input: no temporary file left behind
    }
  }

  @Test
  void existingOutputSurvivesAFailedRun() throws IOException {
    Path output = dir.resolve("out.csv");
    Files.writeString(output, "old\n");
    int code = run("--input", csv("a\n1\nx\n").toString(), "--output", output.toString());
    assertEquals(2, code);
    assertEquals("old\n", Files.readString(output));
  }
}
