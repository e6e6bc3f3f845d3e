package dev.stagecraft.examples.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.examples.CliRun;
import dev.stagecraft.runtime.cli.StagecraftCli;
import dev.stagecraft.runtime.export.ExportedWorkflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * advanced-ml exported to Argo and run by {@link LocalArgo}, each stage a child process of the real
 * CLI on one shared store, ends as {@code stagecraft run advanced-ml} does: the same stage
 * outcomes, the same deployment with the same accuracy, with A/B testing on and off; and {@code
 * show}, {@code runs} and {@code report --store} read every stage back, also those Argo skipped.
 */
@Timeout(600)
class LocalArgoRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> PARAMS = Map.of("nTrials", "1", "folds", "2");

  @TempDir Path dir;

  private CliRun cli(Path home, String... args) {
    return CliRun.in(home, args);
  }

  private JsonNode json(Path home, String... args) throws Exception {
    CliRun o = cli(home, args);
    assertEquals(0, o.code(), o.err());
    return JSON.readTree(o.out());
  }

  /** The command a container's {@code stagecraft} stands for: this test's class path. */
  private static List<String> stagecraftCommand() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-XX:+UseSerialGC",
        "-cp",
        System.getProperty("java.class.path"),
        StagecraftCli.class.getName());
  }

  @ParameterizedTest(name = "enableAbTesting={0}")
  @ValueSource(strings = {"true", "false"})
  void advancedMlExportedToArgoEndsAsRunDoes(String abTesting) throws Exception {
    Map<String, String> params = new LinkedHashMap<>(PARAMS);
    params.put("enableAbTesting", abTesting);

    Path local = dir.resolve("local");
    String[] run = {
      "run",
      "advanced-ml",
      "-p",
      "nTrials=1",
      "-p",
      "folds=2",
      "-p",
      "enableAbTesting=" + abTesting,
      "--json"
    };
    JsonNode ran = json(local, run);

    Path yaml = dir.resolve("advanced-ml.yaml");
    CliRun exported = cli(local, "export", "argo", "advanced-ml", "-o", yaml.toString());
    assertEquals(0, exported.code(), exported.err());
    Path shared = dir.resolve("shared");
    Path pods = Files.createDirectories(dir.resolve("pods"));
    String workflowName = "advanced-ml-" + abTesting;
    LocalArgo.Result result =
        new LocalArgo(
                ExportedWorkflow.parse(Files.readString(yaml)),
                stagecraftCommand(),
                shared,
                pods,
                workflowName,
                params)
            .run();

    assertEquals("Succeeded", result.nodes().get("onExit"), result.toString());
    JsonNode shown = json(local, "show", workflowName, "--store", shared.toString(), "--json");
    assertEquals(ran.path("status").asText(), shown.path("status").asText(), shown.toString());
    assertEquals(statuses(ran), statuses(shown), result.toString());
    JsonNode listed = json(local, "runs", "--store", shared.toString(), "--json");
    assertEquals(workflowName, listed.path(0).path("runId").asText(), listed.toString());
    Path report = dir.resolve("report.html");
    CliRun reported =
        cli(local, "report", workflowName, "--store", shared.toString(), "-o", report.toString());
    assertEquals(0, reported.code(), reported.err());
    assertTrue(Files.readString(report).contains(workflowName));
    assertEquals(
        deployment(json(local, "deployments", "--json")),
        deployment(json(local, "deployments", "--json", "--store", shared.toString())));
    if (abTesting.equals("true")) {
      assertEquals("Skipped", result.nodes().get("deploySingle"), result.toString());
      assertEquals("Succeeded", result.nodes().get("abTest"), result.toString());
    } else {
      assertEquals("Succeeded", result.nodes().get("deploySingle"), result.toString());
      assertEquals("Skipped", result.nodes().get("abTest"), result.toString());
    }
  }

  /**
   * Every stage execution's status by instance, as {@code run --json} and {@code show} list them.
   */
  private static Map<String, String> statuses(JsonNode run) {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (JsonNode s : run.path("stages")) {
      statuses.put(s.path("name").asText(), s.path("status").asText());
    }
    assertTrue(statuses.size() >= 8, run.toString());
    return statuses;
  }

  /** The deployments, less what differs between any two runs (run id, time, model bytes). */
  private static JsonNode deployment(JsonNode deployments) {
    JsonNode targets = deployments.path("targets");
    assertEquals(1, targets.size(), deployments.toString());
    for (JsonNode target : targets) {
      for (JsonNode version : target.path("versions")) {
        ((ObjectNode) version).remove(List.of("runId", "deployedAt", "sha256", "sizeBytes"));
      }
    }
    return targets;
  }
}
