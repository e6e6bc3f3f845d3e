package dev.stagecraft.examples.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.runtime.cli.StagecraftCli;
import dev.stagecraft.runtime.export.ArgoSchema;
import dev.stagecraft.runtime.export.ExportedWorkflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagecraft export argo} for every pipeline {@code stagecraft list} shows (the examples and
 * the tests' {@link FanOutsPipeline}), as each kind of document: every one validates against Argo's
 * JSON Schema; {@code -p} sets a workflow parameter's default; bad options are one line and exit 2.
 */
class ExportedExamplesTest {
  @TempDir Path dir;

  private record Output(int code, String out, String err) {}

  private Output cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        StagecraftCli.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of("STAGECRAFT_HOME", dir.resolve("store").toString()),
            false);
    return new Output(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private JsonNode export(String... args) throws Exception {
    Path file = dir.resolve("exported.yaml");
    List<String> all = new ArrayList<>(List.of("export", "argo"));
    all.addAll(List.of(args));
    all.addAll(List.of("-o", file.toString()));
    Output o = cli(all.toArray(String[]::new));
    assertEquals(0, o.code(), o.err());
    return ExportedWorkflow.parse(Files.readString(file));
  }

  private List<String> pipelines() {
    Output listed = cli("list");
    assertEquals(0, listed.code(), listed.err());
    return listed.out().lines().map(l -> l.split(" ")[0]).toList();
  }

  @Test
  void everyExamplePipelineExportsAsAValidWorkflowAndWorkflowTemplate() throws Exception {
    List<String> pipelines = pipelines();
    assertTrue(
        pipelines.containsAll(List.of("ab-demo", "advanced-ml", "diamond")), pipelines.toString());

    for (String pipeline : pipelines) {
      for (String kind : List.of("Workflow", "WorkflowTemplate")) {
        JsonNode doc = export(pipeline, "--kind", kind);
        assertEquals(kind, doc.path("kind").asText());
        ArgoSchema.assertValid(doc);
      }
    }
  }

  @Test
  void aParameterGivenToTheExportIsTheWorkflowParametersDefault() throws Exception {
    JsonNode doc = export("advanced-ml", "-p", "nTrials=16", "-p", "enableAbTesting=false");

    ArgoSchema.assertValid(doc);
    Map<String, String> defaults = new java.util.HashMap<>();
    doc.path("spec")
        .path("arguments")
        .path("parameters")
        .forEach(p -> defaults.put(p.path("name").asText(), p.path("value").asText()));
    assertEquals("16", defaults.get("nTrials"));
    assertEquals("false", defaults.get("enableAbTesting"));
  }

  @Test
  void badOptionsAreOneLineAndExitTwo() {
    Output kind = cli("export", "argo", "diamond", "--kind", "Workflw");
    assertEquals(2, kind.code());
    assertEquals(
        "error: --kind Workflw is not a kind of Argo document to export (did you mean"
            + " Workflow?); use Workflow or WorkflowTemplate",
        kind.err().strip());

    Output param = cli("export", "argo", "diamond", "-p", "size=many");
    assertEquals(2, param.code());
    assertEquals(1, param.err().strip().lines().count(), param.err());
    assertTrue(param.err().startsWith("error: parameter 'size' expects"), param.err());

    Output pipeline = cli("export", "argo", "diamnd");
    assertEquals(2, pipeline.code());
    assertTrue(pipeline.err().contains("did you mean 'diamond'?"), pipeline.err());
  }
}
