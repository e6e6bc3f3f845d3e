package dev.stagecraft.examples.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.examples.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagecraft stage} as a pod calls it: what it writes for downstream {@code when}s and
 * fan-outs, and bad input as one line with exit code 2 (which the exported retryStrategy does not
 * retry).
 */
class StageCommandTest {
  private static final String RUN = "fan-outs-s1";

  @TempDir Path dir;

  private CliRun stage(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "stage",
                "--pipeline",
                "fan-outs",
                "--run-id",
                RUN,
                "--store",
                dir.resolve("store").toString()));
    all.addAll(List.of(args));
    return CliRun.of(Map.of(), all.toArray(String[]::new));
  }

  @Test
  void beginAndAStageWriteTheValuesDownstreamTasksRead() throws Exception {
    Path begin = dir.resolve("begin-outputs");
    CliRun o = stage("--begin", "--outputs", begin.toString(), "-p", "shards=p,q,r,s");
    assertEquals(0, o.code(), o.err());
    assertEquals("[0,1,2,3]", Files.readString(begin.resolve("items-shards")));
    // a string as a JSON literal, so that it never reads as the text of a null
    assertEquals("\"run\"", Files.readString(begin.resolve("param-label")));

    Path rows = dir.resolve("rows-outputs");
    CliRun listed = stage("--stage", "list_rows", "--outputs", rows.toString());
    assertEquals(0, listed.code(), listed.err());
    assertEquals("[0,1,2]", Files.readString(rows.resolve("items")));
  }

  @Test
  void badInputIsOneLineAndExitsTwo() {
    assertEquals(0, stage("--begin").code());

    assertOneLine(
        stage("--stage", "flaki"),
        "error: pipeline 'fan-outs' has no stage 'flaki' (did you mean 'flaky'?)");
    assertOneLine(
        stage("--stage", "flaky", "--item", "0"),
        "error: --item 0: stage 'flaky' is not a fan-out stage");
    assertOneLine(
        stage("--stage", "perRow"),
        "error: stage 'perRow' is a fan-out stage: name its instance with --item N");
    assertOneLine(
        stage("--stage", "perRow", "--item", "first"),
        "error: --item first is not an index (0, 1, ...) nor none");
    CliRun params = stage("--begin", "-p", "rows=many");
    assertEquals(2, params.code());
    assertEquals(1, params.err().strip().lines().count(), params.err());
    assertTrue(params.err().startsWith("error: parameter 'rows' expects"), params.err());
  }

  private static void assertOneLine(CliRun o, String line) {
    assertEquals(2, o.code(), o.err());
    assertEquals(line, o.err().strip());
  }
}
