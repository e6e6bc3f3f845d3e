package dev.stagecraft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against the example pipelines found through ServiceLoader, as a user calls it. */
class CliTest {
  @TempDir Path store;

  private CliRun cli(String... args) {
    return CliRun.in(store, args);
  }

  @Test
  void listsTheExamples() {
    CliRun o = cli("list");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("diamond"), o.out());
    assertTrue(o.out().contains("ab-demo"), o.out());
  }

  @Test
  void runJsonIsOneDocumentOfTheDocumentedShape() throws Exception {
    CliRun o = cli("run", "ab-demo", "-p", "accuracyB=0.91", "--json");
    assertEquals(0, o.code(), o.err());
    JsonNode run = new ObjectMapper().readTree(o.out());
    assertEquals(List.of("runId", "pipeline", "status", "stages"), fieldNames(run));
    assertEquals("ab-demo", run.get("pipeline").asText());
    assertEquals("SUCCEEDED", run.get("status").asText());
    List<String> names = new ArrayList<>();
    for (JsonNode stage : run.get("stages")) {
      assertEquals(
          List.of(
              "name",
              "status",
              "attempts",
              "durationMs",
              "reason",
              "item",
              "metrics",
              "failedAttempts"),
          fieldNames(stage));
      names.add(stage.get("name").asText());
    }
    assertEquals(
        List.of("preprocess", "train[0]", "train[1]", "abTest", "deployWinner", "deploySingle"),
        names);
    JsonNode train1 = run.get("stages").get(2);
    assertEquals("b", train1.get("item").asText());
    assertEquals(0.91, train1.get("metrics").get("accuracy").asDouble());
    JsonNode deployWinner = run.get("stages").get(4);
    assertEquals("SKIPPED", deployWinner.get("status").asText());
    assertEquals(
        "abTest.confidence > 0.8 was false (abTest.confidence = 0.5)",
        deployWinner.get("reason").asText());
  }

  @Test
  void showListsStagesInDeclarationOrderLikeRun() throws Exception {
    CliRun run = cli("run", "ab-demo", "-p", "enableAbTesting=false", "--json");
    assertEquals(0, run.code(), run.err());
    ObjectMapper json = new ObjectMapper();
    String runId = json.readTree(run.out()).get("runId").asText();

    CliRun show = cli("show", runId, "--json");
    assertEquals(0, show.code(), show.err());
    List<String> shown = new ArrayList<>();
    for (JsonNode stage : json.readTree(show.out()).get("stages")) {
      shown.add(stage.get("name").asText());
    }
    assertEquals(
        List.of("preprocess", "train[0]", "train[1]", "abTest", "deployWinner", "deploySingle"),
        shown);
  }

  @Test
  void everyExamplePipelineRejectsBadParametersInOneLineBeforeAnyStage() {
    Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
    cases.put(List.of("diamond", "bins=0"), "parameter 'bins' must be at least 1, not 0");
    cases.put(List.of("diamond", "size=-3"), "parameter 'size' must be at least 1, not -3");
    cases.put(List.of("ab-demo", "rows=2"), "parameter 'rows' must be at least 5, not 2");
    cases.put(
        List.of("ab-demo", "accuracyA=1.5"), "parameter 'accuracyA' must be in [0, 1], not 1.5");
    cases.put(List.of("advanced-ml", "folds=1"), "parameter 'folds' must be at least 2, not 1");
    cases.forEach(
        (run, error) -> {
          CliRun o = cli("run", run.get(0), "-p", run.get(1));
          assertEquals(2, o.code(), run + ": " + o.err());
          assertEquals("error: " + error + "\n", o.err(), run.toString());
          assertEquals("", o.out(), "no run starts: " + run);
        });
  }

  @Test
  void aParameterThatIsNotNameEqualsValueSaysHowToWriteIt() {
    CliRun o = cli("run", "ab-demo", "-p", "rows");
    assertEquals(2, o.code());
    assertEquals("error: -p rows is not name=value; write it as -p rows=VALUE\n", o.err());
  }

  @Test
  void runHelpListsThePipelinesParametersWithDefaultsChecksAndDescriptions() {
    CliRun o = cli("run", "diamond", "--help");
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out()
            .endsWith(
                "Parameters of diamond (-p name=value):\n"
                    + "  size (int) default \"1000\", at least 1 - how many values to draw\n"
                    + "  mean (double) default \"10.0\" - mean of the distribution\n"
                    + "  seed (long) default \"42\" - random seed\n"
                    + "  bins (int) default \"10\", at least 1 - number of histogram bins\n"),
        o.out());
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    for (String[] args :
        List.of(
            new String[] {"run", "diamnd"},
            new String[] {"run", "diamond", "-p", "bins=ten"},
            new String[] {"run", "diamond", "-p", "binz=3"},
            new String[] {"describe", "nope"})) {
      CliRun o = cli(args);
      assertEquals(2, o.code(), String.join(" ", args) + ": " + o.err());
      assertEquals(1, o.err().strip().lines().count(), o.err());
      assertFalse(o.err().contains("Exception"), o.err());
    }
    assertTrue(cli("run", "diamnd").err().contains("did you mean 'diamond'?"));
    assertTrue(cli("run", "diamond", "-p", "bins=ten").err().contains("\"ten\" is not an int"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
