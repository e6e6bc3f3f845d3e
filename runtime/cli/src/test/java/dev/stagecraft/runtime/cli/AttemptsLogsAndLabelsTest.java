package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.engine.ItemLabel;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run leaves to read after the terminal is gone: every failed attempt with its error (in the
 * progress, {@code show}, {@code --json} and the report), what each stage logged ({@code logs}),
 * and fan-out items as short labels however large the items are.
 */
@Timeout(120)
class AttemptsLogsAndLabelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of("STAGECRAFT_HOME", dir.resolve("store").toString());
  }

  @Test
  void aRetriedStageShowsItsFailedAttemptWithItsReasonEverywhere() throws Exception {
    Cli.Result r = Cli.run(env(), "run", "flaky", "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err()
            .matches(
                "(?s).*load attempt 1 failed: IOException: connection reset; retrying in 0\\.0 s\n.*"),
        r.err());
    JsonNode load = JSON.readTree(r.out()).get("stages").get(0);
    assertEquals(2, load.get("attempts").asInt());
    assertEquals(1, load.get("failedAttempts").size());
    assertEquals(
        "IOException: connection reset", load.get("failedAttempts").get(0).get("reason").asText());
    String runId = JSON.readTree(r.out()).get("runId").asText();

    Cli.Result shown = Cli.run(env(), "show", runId);
    assertTrue(
        shown
            .out()
            .matches(
                "(?s).*\nfailed attempts \\(stagecraft logs "
                    + runId
                    + " STAGE shows their stack traces\\)\n  load  attempt 1  after \\d+ ms"
                    + "  IOException: connection reset\n.*"),
        shown.out());
    JsonNode json = JSON.readTree(Cli.run(env(), "show", runId, "--json").out());
    JsonNode attempt = json.get("stages").get(0).get("failedAttempts").get(0);
    assertEquals(1, attempt.get("attempt").asInt());
    assertEquals("IOException: connection reset", attempt.get("reason").asText());

    Path html = dir.resolve("report.html");
    assertEquals(0, Cli.run(env(), "report", runId, "-o", html.toString()).code());
    String page = Files.readString(html);
    assertTrue(page.contains("<h2>Failed attempts</h2>"), page);
    assertTrue(page.contains("IOException: connection reset"));
    assertTrue(page.contains("<a href=\"#log-load\">log</a>"), page);
    assertTrue(page.contains("<details id=\"log-load\">"), page);

    Cli.Result logs = Cli.run(env(), "logs", runId, "load");
    assertEquals(0, logs.code(), logs.err());
    String[] lines = logs.out().split("\n");
    assertTrue(
        lines[0].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} load INFO reading part 1 of 3"), lines[0]);
    assertTrue(
        lines[1].matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} load ERROR attempt 1 failed: IOException: connection"
                + " reset"),
        lines[1]);
    assertEquals("java.io.IOException: connection reset", lines[2]);
    assertTrue(
        lines[3].startsWith("\tat dev.stagecraft.runtime.cli.StorePipelines$Flaky"), lines[3]);
    assertTrue(
        logs.out().matches("(?s).*\n\\S+ load \\(attempt 2\\) INFO reading part 2 of 3\n"),
        logs.out());
    Cli.Result scratchLog = Cli.run(env(), "logs", runId, "scratch");
    assertTrue(scratchLog.out().contains(" scratch WARN wrote "), scratchLog.out());

    Cli.Result unknown = Cli.run(env(), "logs", runId, "lod");
    assertEquals(2, unknown.code());
    assertEquals(
        "error: run "
            + runId
            + " has no stage 'lod' (did you mean 'load'?); its stages: load, scratch",
        unknown.lastErrLine());
  }

  @Test
  void fanOutItemsHoldingFeatureMatricesAreShownByShortLabels() throws Exception {
    Cli.Result r = Cli.run(env(), "run", "matrices", "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().length() < 4_000, "run --json is " + r.out().length() + " characters");
    JsonNode score = JSON.readTree(r.out()).get("stages").get(1);
    assertEquals("score[0]", score.get("name").asText());
    String label = score.get("item").asText();
    assertEquals(ItemLabel.MAX_LENGTH, label.length(), label);
    assertTrue(label.startsWith("Fold[name=fold-0, features=[[0."), label);
    String runId = JSON.readTree(r.out()).get("runId").asText();

    Cli.Result shown = Cli.run(env(), "show", runId);
    assertTrue(shown.out().length() < 4_000, "show printed " + shown.out().length() + " chars");
    for (String line : shown.out().split("\n")) {
      assertTrue(line.length() < 200, line);
    }
    Cli.Result json = Cli.run(env(), "show", runId, "--json");
    assertTrue(json.out().length() < 8_000, "show --json is " + json.out().length() + " chars");

    Path html = dir.resolve("report.html");
    assertEquals(0, Cli.run(env(), "report", runId, "-o", html.toString()).code());
    long page = Files.size(html);
    assertTrue(page < 60_000, "the report is " + page + " bytes");
    String firstNumber = Double.toString(new java.util.Random(5).nextDouble());
    assertFalse(Files.readString(html).contains(firstNumber), "no item's numbers in the page");
    assertFalse(shown.out().contains(firstNumber), "no item's numbers in show");

    try (Store store = Store.open(dir.resolve("store"));
        Connection c = store.database().connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT MAX(LENGTH(item)) FROM stage_executions WHERE item IS NOT NULL")) {
      rs.next();
      assertEquals(ItemLabel.MAX_LENGTH, rs.getInt(1), "history rows hold labels");
      assertEquals(
          5,
          store.loadOutputs(runId).entrySet().stream()
              .filter(e -> e.getKey().startsWith("score["))
              .count());
      Object folds = store.loadOutputs(runId).get("folds");
      assertEquals(5, ((java.util.List<?>) folds).size(), "the full items stay in the outputs");
      assertTrue(folds.toString().contains(firstNumber), "the number is in the item");
    }
  }

  @Test
  void resumingARunWhosePipelineChangedSaysWhatChangedAndNeedsForce() throws Exception {
    Cli.Result failed = Cli.run(env(), "run", "flaky", "-p", "fail=true", "--json");
    assertEquals(1, failed.code(), failed.err());
    String runId = JSON.readTree(failed.out()).get("runId").asText();
    try (Store store = Store.open(dir.resolve("store"));
        Connection c = store.database().connect();
        Statement s = c.createStatement()) {
      // the run was recorded by an earlier build of the pipeline, whose scratch stage was version 0
      s.executeUpdate(
          "UPDATE pipeline_definitions SET definition = replace(definition,"
              + " 'stage scratch\tversion\t1', 'stage scratch\tversion\t0')");
    }

    Cli.Result refused = Cli.run(env(), "resume", runId);
    assertEquals(2, refused.code());
    assertEquals(
        "error: pipeline 'flaky' changed since run "
            + runId
            + ": stage 'scratch': version 0 -> 1; its stored outputs may not fit the new"
            + " definition: pass --force to resume anyway, or start a new run",
        refused.lastErrLine());

    Cli.Result forced = Cli.run(env(), "resume", runId, "--force", "--json");
    assertEquals(1, forced.code(), "the stage still fails; the resume ran");
    assertTrue(
        forced.err().startsWith("warning: pipeline 'flaky' changed since run " + runId),
        forced.err());
    assertEquals("CACHED", JSON.readTree(forced.out()).get("stages").get(0).get("status").asText());
  }
}
