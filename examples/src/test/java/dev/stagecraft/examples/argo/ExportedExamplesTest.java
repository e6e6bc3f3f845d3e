package dev.stagecraft.examples.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.examples.CliRun;
import dev.stagecraft.runtime.export.ArgoSchema;
import dev.stagecraft.runtime.export.ExportedWorkflow;
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

  private CliRun cli(String... args) {
    return CliRun.in(dir.resolve("store"), args);
  }

  private JsonNode export(String... args) throws Exception {
    Path file = dir.resolve("exported.yaml");
    List<String> all = new ArrayList<>(List.of("export", "argo"));
    all.addAll(List.of(args));
    all.addAll(List.of("-o", file.toString()));
    CliRun o = cli(all.toArray(String[]::new));
    assertEquals(0, o.code(), o.err());
    return ExportedWorkflow.parse(Files.readString(file));
  }

  private List<String> pipelines() {
    CliRun listed = cli("list");
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
  void theResolvedPlanSetsResourcesPriorityRetriesAndDeadlinesAndFixesWhatItsRulesRead()
      throws Exception {
    String[] planOptions = {
      "--template",
      "templates/advanced-ml.yaml",
      "--profile",
      "environment=production",
      "--profile",
      "priority=high",
      "--profile",
      "data_size=2e10",
      "--gpus",
      "1",
      "--max-cpu",
      "16",
      "--max-memory",
      "64Gi"
    };
    JsonNode doc = export(concat(new String[] {"advanced-ml"}, planOptions));
    CliRun planned = cli(concat(new String[] {"plan", "advanced-ml", "--json"}, planOptions));
    assertEquals(0, planned.code(), planned.out());
    JsonNode plan = new ObjectMapper().readTree(planned.out());

    ArgoSchema.assertValid(doc);
    int gpuStages = 0;
    List<String> excluded = new ArrayList<>();
    for (JsonNode stage : plan.path("stages")) {
      if (!stage.path("included").asBoolean()) {
        excluded.add(stage.path("name").asText() + "=" + stage.path("reason").asText());
        continue;
      }
      JsonNode planRes = stage.path("resources");
      JsonNode res = template(doc, stage.path("name").asText()).path("container").path("resources");
      String name = stage.path("name").asText();
      assertEquals(planRes.path("cpu").asText(), res.path("requests").path("cpu").asText(), name);
      assertEquals(planRes.path("memory").asText(), res.path("requests").path("memory").asText());
      assertEquals(planRes.path("memory").asText(), res.path("limits").path("memory").asText());
      if (planRes.path("gpu").asInt() > 0) {
        gpuStages++;
        assertEquals(
            planRes.path("gpu").asText(), res.path("limits").path("nvidia.com/gpu").asText());
      }
    }
    assertEquals(1, gpuStages, "the template's big-data-gpu rule gives train a GPU");
    assertEquals(10, doc.path("spec").path("priority").asInt());
    JsonNode load = template(doc, "load");
    assertEquals("2", load.path("retryStrategy").path("limit").asText());
    assertEquals("360", load.path("activeDeadlineSeconds").asText(), "PT5M and a minute's grace");
    assertEquals(
        "14460", template(doc, "train").path("activeDeadlineSeconds").asText(), "the rule's PT4H");
    List<String> workflowParams = new ArrayList<>();
    doc.path("spec")
        .path("arguments")
        .path("parameters")
        .forEach(p -> workflowParams.add(p.path("name").asText()));
    assertTrue(workflowParams.contains("folds"), workflowParams.toString());
    assertTrue(
        !workflowParams.contains("nTrials"),
        "a rule read nTrials, so the plan holds only for its value: " + workflowParams);
    List<String> beginArgs = new ArrayList<>();
    template(doc, "stagecraft--begin")
        .path("container")
        .path("args")
        .forEach(a -> beginArgs.add(a.asText()));
    assertTrue(beginArgs.contains("nTrials=32"), beginArgs.toString());
    assertTrue(!excluded.isEmpty(), plan.toString());
    for (String stage : excluded) {
      int at = beginArgs.indexOf(stage);
      assertTrue(at > 0 && beginArgs.get(at - 1).equals("--excluded"), stage + ": " + beginArgs);
    }
  }

  private static String[] concat(String[] a, String[] b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  private static JsonNode template(JsonNode doc, String name) {
    for (JsonNode t : doc.path("spec").path("templates")) {
      if (t.path("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no template " + name);
  }

  @Test
  void theImageTheStoreAndThePodsIdentityAreTheOptions() throws Exception {
    JsonNode doc =
        export(
            "diamond",
            "--image",
            "registry.example.com/team/stagecraft:1.2",
            "--store-claim",
            "shared-store",
            "--store-path",
            "/mnt/store",
            "--service-account",
            "pipelines",
            "--image-pull-secret",
            "regcred",
            "--image-pull-secret",
            "mirror");

    ArgoSchema.assertValid(doc);
    JsonNode spec = doc.path("spec");
    assertEquals("pipelines", spec.path("serviceAccountName").asText());
    assertEquals(
        "[{\"name\":\"regcred\"},{\"name\":\"mirror\"}]", spec.path("imagePullSecrets").toString());
    assertEquals(
        "shared-store",
        spec.path("volumes").path(0).path("persistentVolumeClaim").path("claimName").asText());
    JsonNode container = template(doc, "sample").path("container");
    assertEquals("registry.example.com/team/stagecraft:1.2", container.path("image").asText());
    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asText()));
    assertEquals("/mnt/store", args.get(args.indexOf("--store") + 1));
    assertEquals("/mnt/store", container.path("volumeMounts").path(0).path("mountPath").asText());

    CliRun relative = cli("export", "argo", "diamond", "--store-path", "store");
    assertEquals(2, relative.code());
    assertEquals(
        "error: --store-path store must be an absolute path inside the pods, e.g. /stagecraft",
        relative.err().strip());
  }

  @Test
  void badOptionsAreOneLineAndExitTwo() {
    CliRun kind = cli("export", "argo", "diamond", "--kind", "Workflw");
    assertEquals(2, kind.code());
    assertEquals(
        "error: --kind Workflw is not a kind of Argo document to export (did you mean"
            + " Workflow?); use Workflow or WorkflowTemplate",
        kind.err().strip());

    CliRun param = cli("export", "argo", "diamond", "-p", "size=many");
    assertEquals(2, param.code());
    assertEquals(1, param.err().strip().lines().count(), param.err());
    assertTrue(param.err().startsWith("error: parameter 'size' expects"), param.err());

    CliRun small = cli("export", "argo", "diamond", "--max-cpu", "10m");
    assertEquals(2, small.code());
    assertTrue(
        small.err().contains("but the capacity is cpu=10m, memory=unbounded, gpu=unbounded"),
        small.err());

    CliRun pipeline = cli("export", "argo", "diamnd");
    assertEquals(2, pipeline.code());
    assertTrue(pipeline.err().contains("did you mean 'diamond'?"), pipeline.err());
  }

  /** A tenant whose secret's value is in a file the export must never read into a document. */
  private Path tenantsFile(Path secret) throws Exception {
    Files.writeString(secret, "s3cr3t-Value-that-must-not-leak\n");
    Path file = dir.resolve("tenants.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "tenants:",
            "  - id: fraud",
            "    tokenSha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "    environment: {FEATURE_STORE: \"http://features.fraud.svc\"}",
            "    secrets: [{name: DB_PASSWORD, fromFile: " + secret + "}]",
            "    configMaps: [fraud-config]",
            "    isolation:",
            "      namespacePrefix: fraud-ml",
            "      networkPolicy: deny-egress",
            "      securityContext: {runAsNonRoot: true, runAsUser: 1000}",
            "      labels: {team: fraud}",
            ""));
    return file;
  }

  @Test
  void aTenantsExportRunsInItsNamespaceWithItsIsolationAndSecretsByReferenceOnly()
      throws Exception {
    Path secret = dir.resolve("db-password");
    Path tenants = tenantsFile(secret);
    for (String pipeline : pipelines()) {
      for (String kind : List.of("Workflow", "WorkflowTemplate")) {
        JsonNode doc =
            export(pipeline, "--kind", kind, "--tenant", "fraud", "--tenants", tenants.toString());
        ArgoSchema.assertValid(doc);
        assertEquals("fraud-ml", doc.path("metadata").path("namespace").asText(), pipeline);
      }
    }
    for (String kind : List.of("Workflow", "WorkflowTemplate")) {
      JsonNode doc =
          export(
              "advanced-ml", "--kind", kind, "--tenant", "fraud", "--tenants", tenants.toString());
      ArgoSchema.assertValid(doc);
      assertEquals("fraud-ml", doc.path("metadata").path("namespace").asText());
      assertEquals("fraud", doc.path("metadata").path("labels").path("team").asText());
      JsonNode container = doc.path("spec").path("templates").findValue("container");
      assertEquals(
          1000, container.path("securityContext").path("runAsUser").asInt(), doc.toString());
      assertTrue(container.path("securityContext").path("runAsNonRoot").asBoolean());
      List<String> env = new ArrayList<>();
      container.path("env").forEach(e -> env.add(e.path("name").asText()));
      assertTrue(env.containsAll(List.of("FEATURE_STORE", "DB_PASSWORD")), env.toString());
      JsonNode ref = container.path("env").findValue("secretKeyRef");
      assertEquals("DB_PASSWORD", ref.path("key").asText(), ref.toString());
    }
    String workflow = Files.readString(dir.resolve("exported.yaml"));
    Path policy = dir.resolve("exported.networkpolicy.yaml");
    JsonNode networkPolicy = ExportedWorkflow.parse(Files.readString(policy));
    assertEquals("NetworkPolicy", networkPolicy.path("kind").asText());
    assertEquals("fraud-ml", networkPolicy.path("metadata").path("namespace").asText());
    for (String text : List.of(workflow, Files.readString(policy))) {
      assertFalse(text.contains("s3cr3t"), "a secret's value is in an exported document");
      assertFalse(text.contains(secret.toString()), "where the server reads a secret is exported");
    }
  }

  @Test
  void aTenantIsNamedWithItsFileAndAnUnknownOneIsOneLine() throws Exception {
    Path tenants = tenantsFile(dir.resolve("db-password"));
    CliRun alone = cli("export", "argo", "diamond", "--tenant", "fraud");
    assertEquals(2, alone.code());
    assertEquals(
        "error: --tenant and --tenants go together: name the tenant and its file",
        alone.err().strip());

    CliRun unknown =
        cli("export", "argo", "diamond", "--tenant", "frad", "--tenants", tenants.toString());
    assertEquals(2, unknown.code());
    assertEquals(
        "error: unknown tenant 'frad' in " + tenants + " (did you mean 'fraud'?)",
        unknown.err().strip());
  }
}
