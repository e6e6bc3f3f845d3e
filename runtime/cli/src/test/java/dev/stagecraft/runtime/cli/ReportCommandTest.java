package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.stagecraft.runtime.report.RecordedRuns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;
  Path store;
  String out;
  String err;

  @BeforeEach
  void record() {
    store = dir.resolve("store");
    RecordedRuns.recordDemo(store);
  }

  private int cli(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code =
        StagecraftCli.execute(
            args,
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8),
            Map.of(),
            false);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void writesTheReportOfARunNamedByAPrefix() throws Exception {
    Path file = dir.resolve("report.html");
    assertEquals(
        0, cli("report", "20260102-0304", "--store", store.toString(), "-o", file.toString()));
    assertEquals("report of run " + RecordedRuns.RUN_ID + " written to " + file + "\n", out);
    assertEquals("", err);
    String html = Files.readString(file);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("data-stage=\"abTest\""));
  }

  @Test
  void isACommandOfTheCli() {
    assertEquals(0, cli("--help"));
    assertTrue(out.contains("report"), out);
    assertEquals(0, cli("report", "--help"));
    assertTrue(out.contains("-o, --output=FILE"), out);
  }

  @Test
  void replacesAnEarlierReport() throws Exception {
    Path file = dir.resolve("report.html");
    Files.writeString(file, "old");
    assertEquals(
        0,
        cli(
            "report",
            RecordedRuns.RUN_ID,
            "--store",
            store.toString(),
            "--output",
            file.toString()));
    assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
  }

  @Test
  void anUnknownRunIsOneLineAndExit2() {
    assertEquals(
        2,
        cli("report", "nope", "--store", store.toString(), "-o", dir.resolve("r.html").toString()));
    assertEquals(
        "error: no run 'nope' in the store "
            + store.toAbsolutePath().normalize()
            + "; list runs with: stagecraft runs\n",
        err);
    assertEquals("", out);
  }

  @Test
  void aStoreWithoutRunsIsOneLineAndExit2() {
    Path empty = dir.resolve("empty");
    assertEquals(2, cli("report", "x", "--store", empty.toString()));
    assertEquals(
        "error: no run 'x': the store "
            + empty.toAbsolutePath().normalize()
            + " has no runs yet;"
            + " run a pipeline first, or pass --store DIR\n",
        err);
  }

  @Test
  void aDirectoryAsOutputIsOneLineAndExit2() {
    assertEquals(
        2, cli("report", RecordedRuns.RUN_ID, "--store", store.toString(), "-o", dir.toString()));
    Path abs = dir.toAbsolutePath().normalize();
    assertEquals(
        "error: cannot write the report to "
            + abs
            + ": it is a directory; pass a file name with -o,"
            + " e.g. -o "
            + abs.resolve("report.html")
            + "\n",
        err);
  }

  @Test
  void anOutputInAMissingFolderIsOneLineAndExit2() {
    Path file = dir.resolve("missing/report.html").toAbsolutePath().normalize();
    assertEquals(
        2, cli("report", RecordedRuns.RUN_ID, "--store", store.toString(), "-o", file.toString()));
    assertEquals(
        "error: cannot write the report to "
            + file
            + ": the folder "
            + file.getParent()
            + " does not exist; create it or choose another -o path\n",
        err);
  }

  @Test
  void anOutputUnderAFileIsOneLineAndExit2() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "x").toAbsolutePath().normalize();
    Path file = notAFolder.resolve("report.html");
    assertEquals(
        2, cli("report", RecordedRuns.RUN_ID, "--store", store.toString(), "-o", file.toString()));
    assertEquals(
        "error: cannot write the report to "
            + file
            + ": the folder "
            + notAFolder
            + " is a file; create it or choose another -o path\n",
        err);
  }

  @Test
  void anUnwritableFolderIsOneLineAndExit2() throws Exception {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    locked.toFile().setWritable(false);
    try {
      assumeFalse(Files.isWritable(locked), "running as root: every folder is writable");
      Path file = locked.resolve("report.html").toAbsolutePath().normalize();
      assertEquals(
          2,
          cli("report", RecordedRuns.RUN_ID, "--store", store.toString(), "-o", file.toString()));
      assertTrue(err.startsWith("error: cannot write the report to " + file + " ("), err);
      assertTrue(err.endsWith("); choose a writable -o path\n"), err);
    } finally {
      locked.toFile().setWritable(true);
    }
  }
}
