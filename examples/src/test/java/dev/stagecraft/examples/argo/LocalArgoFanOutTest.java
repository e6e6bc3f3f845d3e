package dev.stagecraft.examples.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.cli.StagecraftCli;
import dev.stagecraft.runtime.export.ArgoSchema;
import dev.stagecraft.runtime.export.ExportedWorkflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FanOutsPipeline} exported and run by {@link LocalArgo}: {@code withParam} over a workflow
 * parameter given at submission and over an upstream stage's list, a fan-out over no items, and a
 * stage Argo retries after its first attempt fails, and a {@code when} over a parameter whose value
 * looks like an expression; every stage and instance ends as in {@code stagecraft run} with the
 * same parameters, and the retried attempt is in the history.
 */
@Timeout(300)
class LocalArgoFanOutTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A parameter value that would change a {@code when} it was pasted into. */
  private static final String EXPRESSION_LIKE = "x' || 'run' == 'run' }} {{= true";

  @TempDir Path dir;

  private JsonNode json(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        StagecraftCli.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of("STAGECRAFT_HOME", dir.resolve("local").toString()),
            false);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? null : JSON.readTree(text);
  }

  @Test
  void fanOutsAndRetriesRunAsExportedAsTheyRunInOneProcess() throws Exception {
    JsonNode ran =
        json("run", "fan-outs", "-p", "shards=x,y", "-p", "label=" + EXPRESSION_LIKE, "--json");
    Path yaml = dir.resolve("fan-outs.yaml");
    json("export", "argo", "fan-outs", "-o", yaml.toString());
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
                Files.createDirectories(dir.resolve("pods")),
                "fan-outs-1",
                Map.of("shards", "x,y", "label", EXPRESSION_LIKE))
            .run();

    assertEquals("Succeeded", result.phase(), result.toString());
    assertEquals("Succeeded", result.nodes().get("perShard(0)"), result.toString());
    assertEquals("Succeeded", result.nodes().get("perShard(1)"), result.toString());
    assertEquals(null, result.nodes().get("perShard(2)"), result.toString());
    assertEquals("Succeeded", result.nodes().get("perRow(2)"), result.toString());
    assertEquals("Skipped", result.nodes().get("labelled"), result.toString());
    JsonNode shown = json("show", "fan-outs-1", "--store", shared.toString(), "--json");
    assertEquals("SUCCEEDED", shown.path("status").asText(), shown.toString());
    assertEquals(statuses(ran), statuses(shown));
    JsonNode flaky = stage(shown, "flaky");
    assertEquals(2, flaky.path("attempts").asInt(), flaky.toString());
    assertEquals(
        "IOException: connection reset",
        flaky.path("failedAttempts").path(0).path("reason").asText(),
        flaky.toString());
  }

  private static Map<String, String> statuses(JsonNode run) {
    Map<String, String> statuses = new TreeMap<>();
    run.path("stages")
        .forEach(s -> statuses.put(s.path("name").asText(), s.path("status").asText()));
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
        List.copyOf(statuses.keySet()),
        run.toString());
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
