package dev.stagecraft.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.Planner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The lowering of a hand-built pipeline with every shape a condition-free pipeline can have:
 * fan-outs over literal items, a parameter and an upstream list, an optional input, retries,
 * timeouts, GPUs and a stage name Argo does not accept as it is. Every document is checked against
 * Argo's schema and then read back for the keys the lowering relies on.
 */
class ArgoExportTest {
  private static final ResourceRequest CAPACITY = ResourceRequest.parse("64", "256Gi", 4);

  private static StageSpec.Builder stage(String name) {
    return StageSpec.builder(name)
        .resources(ResourceRequest.parse("1", "512Mi", 0))
        .body(call -> null);
  }

  private static PipelineDefinition pipeline() {
    return PipelineDefinition.builder("shapes")
        .param(
            ParamSpec.optional("shards", ParamType.listOf(ParamType.STRING), "The shards", "a,b,c"))
        .param(ParamSpec.optional("label", ParamType.STRING, "A label", "x"))
        .stage(
            stage("list_rows")
                .outputType("java.util.List<java.lang.String>")
                .retries(2)
                .backoff(Duration.ofMillis(1500))
                .timeout(Duration.ofMinutes(5))
                .params("label")
                .build())
        .stage(
            stage("perShard")
                .outputType("java.lang.String")
                .fanOut(new FanOut.FromParam("shards"))
                .build())
        .stage(
            stage("perRow")
                .outputType("java.lang.String")
                .input(InputSpec.of("list_rows"))
                .fanOut(new FanOut.FromInput("list_rows"))
                .build())
        .stage(
            stage("fixed")
                .outputType("java.lang.String")
                .fanOut(new FanOut.Items(List.of(3, 5)))
                .build())
        .stage(
            stage("gpuJoin")
                .outputType("void")
                .resources(ResourceRequest.parse("2", "4Gi", 1))
                .input(InputSpec.of("perShard"))
                .input(InputSpec.optionalOf("perRow"))
                .input(InputSpec.of("fixed"))
                .build())
        .build();
  }

  private static JsonNode export(PipelineDefinition def, ExportOptions options) {
    ExportedWorkflow exported =
        ArgoExport.export(def, Planner.plan(def, PlanRequest.of(CAPACITY)), options);
    JsonNode doc = ExportedWorkflow.parse(exported.workflowYaml());
    ArgoSchema.assertValid(doc);
    return doc;
  }

  private static JsonNode task(JsonNode doc, String name) {
    for (JsonNode t : dag(doc).path("tasks")) {
      if (t.path("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no task " + name + " in " + dag(doc));
  }

  private static JsonNode dag(JsonNode doc) {
    return template(doc, ArgoNames.DAG).path("dag");
  }

  private static JsonNode template(JsonNode doc, String name) {
    for (JsonNode t : doc.path("spec").path("templates")) {
      if (t.path("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no template " + name);
  }

  private static List<String> args(JsonNode template) {
    List<String> args = new ArrayList<>();
    template.path("container").path("args").forEach(a -> args.add(a.asText()));
    return args;
  }

  @Test
  void bothKindsValidateAgainstArgosSchema() {
    JsonNode workflow = export(pipeline(), ExportOptions.defaults());
    JsonNode template =
        export(pipeline(), ExportOptions.defaults().withKind(ExportOptions.Kind.WorkflowTemplate));

    assertEquals("Workflow", workflow.path("kind").asText());
    assertEquals("shapes-", workflow.path("metadata").path("generateName").asText());
    assertEquals("WorkflowTemplate", template.path("kind").asText());
    assertEquals("shapes", template.path("metadata").path("name").asText());
    assertFalse(dag(workflow).path("failFast").asBoolean(true));
    assertEquals(ArgoNames.END, workflow.path("spec").path("onExit").asText());
  }

  @Test
  void aThousandStagePipelineExportsAsAValidWorkflow() {
    SplittableRandom random = new SplittableRandom(13);
    PipelineDefinition.Builder b = PipelineDefinition.builder("thousand");
    for (int i = 0; i < 1000; i++) {
      StageSpec.Builder s = stage("s" + i).outputType("java.lang.Integer");
      for (int k = 0; i > 0 && k < 3; k++) {
        int up = random.nextInt(i);
        if (k == 1) {
          s.input(InputSpec.optionalOf("s" + up));
        } else {
          s.dependsOn("s" + up);
        }
      }
      if (i % 25 == 24) {
        s.fanOut(new FanOut.Items(List.of("a", "b", "c", "d")));
      }
      b.stage(s.build());
    }

    JsonNode doc = export(b.build(), ExportOptions.defaults());

    assertEquals(1001, dag(doc).path("tasks").size(), "the stages and the begin task");
  }

  @Test
  void theSchemaRejectsADocumentOfTheWrongShape() {
    ObjectNode doc = (ObjectNode) export(pipeline(), ExportOptions.defaults());
    ((ObjectNode) doc.path("spec")).put("templates", "not a list");

    assertFalse(ArgoSchema.errors(doc).isEmpty());
  }

  @Test
  void taskNamesUseOnlyTheCharactersArgoAccepts() {
    JsonNode doc = export(pipeline(), ExportOptions.defaults());

    List<String> names = new ArrayList<>();
    dag(doc).path("tasks").forEach(t -> names.add(t.path("name").asText()));
    assertEquals(6, names.size(), names.toString());
    for (String name : names) {
      assertTrue(name.matches("[a-zA-Z0-9-]+"), name);
    }
    List<String> args = args(template(doc, names.get(1)));
    assertEquals("list_rows", args.get(args.indexOf("--stage") + 1));
  }

  @Test
  void fanOutsPassIndexesOverLiteralItemsAParameterAndAnUpstreamList() {
    JsonNode doc = export(pipeline(), ExportOptions.defaults());

    assertEquals("[0,1]", task(doc, "fixed").path("withItems").toString());
    assertEquals(
        "{{tasks."
            + ArgoNames.BEGIN
            + ".outputs.parameters."
            + ArgoNames.paramItemsParameter("shards")
            + "}}",
        task(doc, "perShard").path("withParam").asText());
    String rows = task(doc, "perRow").path("withParam").asText();
    assertTrue(rows.startsWith("{{tasks.list-rows"), rows);
    assertTrue(rows.endsWith(".outputs.parameters." + ArgoNames.ITEMS + "}}"), rows);
    assertTrue(args(template(doc, "perRow")).contains("{{inputs.parameters.item}}"));
  }

  @Test
  void aRequiredInputSkippedSkipsTheConsumerAndAnOptionalOneDoesNot() {
    JsonNode join = task(export(pipeline(), ExportOptions.defaults()), "gpuJoin");

    String depends = join.path("depends").asText();
    assertTrue(depends.contains("(perRow.Succeeded || perRow.Skipped)"), depends);
    String when = join.path("when").asText();
    assertTrue(when.startsWith("{{=") && when.endsWith("}}"), when);
    assertTrue(when.contains("tasks['perShard'].status != 'Skipped'"), when);
    assertTrue(when.contains("tasks['fixed'].status != 'Skipped'"), when);
    assertFalse(when.contains("perRow"), when);
  }

  @Test
  void retriesNeverRetryBadInputAndTimeoutsBecomeDeadlines() {
    JsonNode listRows = template(export(pipeline(), ExportOptions.defaults()), "list-rows");

    JsonNode retry = listRows.path("retryStrategy");
    assertEquals("2", retry.path("limit").asText());
    assertTrue(retry.path("limit").isTextual());
    assertEquals("2s", retry.path("backoff").path("duration").asText()); // 1.5 s, rounded up
    assertTrue(retry.path("expression").asText().contains("lastRetry.exitCode != '2'"));
    assertEquals(
        Long.toString(300 + ArgoExport.DEADLINE_GRACE.getSeconds()),
        listRows.path("activeDeadlineSeconds").asText());
    assertTrue(args(listRows).contains("{{retries}}"));
  }

  @Test
  void resourcesComeFromThePlanWithMemoryLimitedToTheRequestAndGpusAsLimits() {
    JsonNode resources =
        template(export(pipeline(), ExportOptions.defaults()), "gpuJoin")
            .path("container")
            .path("resources");

    assertEquals("2", resources.path("requests").path("cpu").asText());
    assertEquals("4Gi", resources.path("requests").path("memory").asText());
    assertEquals("4Gi", resources.path("limits").path("memory").asText());
    assertEquals("1", resources.path("limits").path("nvidia.com/gpu").asText());
  }

  @Test
  void everyParameterIsAWorkflowParameterWithItsDefault() {
    JsonNode doc = export(pipeline(), ExportOptions.defaults());

    Map<String, String> params = new java.util.LinkedHashMap<>();
    doc.path("spec")
        .path("arguments")
        .path("parameters")
        .forEach(p -> params.put(p.path("name").asText(), p.path("value").asText()));
    assertEquals(Map.of("shards", "a,b,c", "label", "x"), params);
    assertTrue(
        args(template(doc, ArgoNames.BEGIN)).contains("label={{workflow.parameters.label}}"));
  }
}
