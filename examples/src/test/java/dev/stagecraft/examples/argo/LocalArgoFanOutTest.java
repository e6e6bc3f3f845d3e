package dev.stagecraft.examples.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.examples.CliRun;
import dev.stagecraft.runtime.cli.StagecraftCli;
import dev.stagecraft.runtime.export.ArgoSchema;
import dev.stagecraft.runtime.export.ExportedWorkflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FanOutsPipeline} exported and run by {@link LocalArgo}: {@code withParam} over a workflow
 * parameter given at submission and over an upstream stage's list, a fan-out over no items, a stage
 * Argo retries after its first attempt fails, a {@code when} over a parameter whose value looks
 * like an expression, and a failed stage whose consumers Argo omits: every stage and instance ends
 * as in {@code stagecraft run} with the same parameters, the retried attempt is in the history.
 */
@Timeout(300)
class LocalArgoFanOutTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A parameter value that would change a {@code when} it was pasted into. */
  private static final String EXPRESSION_LIKE = "x' || 'run' == 'run' }} {{= true";

  @TempDir Path dir;

  /** The CLI's JSON output; it must exit 0 or {@code allowedCode}. */
  private JsonNode json(int allowedCode, String... args) throws Exception {
    CliRun run = CliRun.in(dir.resolve("local"), args);
    assertTrue(run.code() == 0 || run.code() == allowedCode, run.code() + ": " + run.err());
    String text = run.out();
    return text.isEmpty() ? null : JSON.readTree(text);
  }

  /** The run of {@code stagecraft run} and the exported one, with the same parameters. */
  private record BothWays(JsonNode ran, LocalArgo.Result argo, JsonNode shown) {}

  private BothWays runBothWays(String workflowName, Map<String, String> params) throws Exception {
    List<String> run = new ArrayList<>(List.of("run", "fan-outs", "--json"));
    params.forEach((k, v) -> run.addAll(List.of("-p", k + "=" + v)));
    JsonNode ran = json(1, run.toArray(String[]::new));
    Path yaml = dir.resolve(workflowName + ".yaml");
    json(0, "export", "argo", "fan-outs", "-o", yaml.toString());
    JsonNode workflow = ExportedWorkflow.parse(Files.readString(yaml));
    ArgoSchema.assertValid(workflow);

    Path shared = dir.resolve("shared");
    LocalArgo.Result result =
        new LocalArgo(
                workflow,
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    StagecraftCli.class.getName()),
                shared,
                Files.createDirectories(dir.resolve("pods-" + workflowName)),
                workflowName,
                params)
            .run();
    assertEquals("Succeeded", result.nodes().get("onExit"), result.toString());
    JsonNode shown = json(0, "show", workflowName, "--store", shared.toString(), "--json");
    assertEquals(ran.path("status").asText(), shown.path("status").asText(), shown.toString());
    assertEquals(statuses(ran), statuses(shown), result.toString());
    return new BothWays(ran, result, shown);
  }

  @Test
  void fanOutsAndRetriesRunAsExportedAsTheyRunInOneProcess() throws Exception {
    BothWays both = runBothWays("fan-outs-1", Map.of("shards", "x,y", "label", EXPRESSION_LIKE));

    LocalArgo.Result result = both.argo();
    assertEquals("SUCCEEDED", both.shown().path("status").asText());
    assertEquals(
        List.of(
            "flaky",
            "join",
            "labelled",
            "list_rows",
            "none",
            "perRow[0]",
            "perRow[1]",
            "perRow[2]",
            "perShard[0]",
            "perShard[1]"),
        List.copyOf(statuses(both.shown()).keySet()));
    assertEquals("Succeeded", result.phase(), result.toString());
    // perShard runs one instance at a time: a DAG of its own with parallelism 1
    assertEquals("Succeeded", result.nodes().get("perShard.perShard(0)"), result.toString());
    assertEquals("Succeeded", result.nodes().get("perShard.perShard(1)"), result.toString());
    assertEquals(null, result.nodes().get("perShard.perShard(2)"), result.toString());
    Instant firstEnd = Instant.parse(stage(both.shown(), "perShard[0]").path("end").asText());
    Instant secondStart = Instant.parse(stage(both.shown(), "perShard[1]").path("start").asText());
    Instant secondEnd = Instant.parse(stage(both.shown(), "perShard[1]").path("end").asText());
    Instant firstStart = Instant.parse(stage(both.shown(), "perShard[0]").path("start").asText());
    assertTrue(
        !firstEnd.isAfter(secondStart) || !secondEnd.isAfter(firstStart),
        "the two instances overlapped: " + both.shown());
    assertEquals("Succeeded", result.nodes().get("perRow(2)"), result.toString());
    assertEquals("Skipped", result.nodes().get("labelled"), result.toString());
    JsonNode flaky = stage(both.shown(), "flaky");
    assertEquals(2, flaky.path("attempts").asInt(), flaky.toString());
    assertEquals(
        "IOException: connection reset",
        flaky.path("failedAttempts").path(0).path("reason").asText(),
        flaky.toString());
  }

  @Test
  void aFailedStageOmitsItsConsumersWhichHistoryRecordsAsRunDoes() throws Exception {
    BothWays both = runBothWays("fan-outs-2", Map.of("failRows", "true"));

    LocalArgo.Result result = both.argo();
    assertEquals("FAILED", both.shown().path("status").asText());
    assertEquals("Failed", result.phase(), result.toString());
    assertEquals("Failed", result.nodes().get("list-rows"), result.toString());
    assertEquals("Omitted", result.nodes().get("perRow"), result.toString());
    assertEquals("Omitted", result.nodes().get("join"), result.toString());
    assertEquals(
        "IllegalStateException: the rows are gone",
        stage(both.shown(), "list_rows").path("reason").asText());
    assertEquals("UPSTREAM_FAILED", stage(both.shown(), "join").path("status").asText());
  }

  private static Map<String, String> statuses(JsonNode run) {
    Map<String, String> statuses = new TreeMap<>();
    run.path("stages")
        .forEach(s -> statuses.put(s.path("name").asText(), s.path("status").asText()));
    return statuses;
  }

  private static JsonNode stage(JsonNode run, String name) {
    for (JsonNode s : run.path("stages")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + name + " in " + run);
  }
}
