package dev.stagecraft.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.examples.CliRun;
import dev.stagecraft.examples.server.ServerProcess.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API of a real {@code stagecraft serve} child process on a loopback port, through a real
 * HTTP client: tokens, tenants apart, permissions, bad input, limits, cancel, the report, metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class ServerApiTest {
  static final String FRAUD = "fraud-token-0001";
  static final String RISK = "risk-token-0001";
  static final String LAB = "lab-token-0001";
  static final String SLOW = "slow-token-0001";
  static final String OPS = "ops-token-0001";
  static final String TIGHT = "tight-token-0001";
  static final String SQUEEZE = "squeeze-token-0001";
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

  @TempDir static Path dir;
  ServerProcess server;
  Path tenantsFile;

  static String tenants(String fraudToken) {
    return """
        tenants:
          - id: fraud
            tokenSha256: %s
            weight: 2
            permissions:
              pipelines: [diamond, workload]
              gpu: false
            quota: {concurrentRuns: 4}
          - id: risk
            tokenSha256: %s
            permissions:
              pipelines: ["*"]
          - id: lab
            tokenSha256: %s
            permissions:
              pipelines: [diamond]
              stageTypes: [INGESTION, FEATURE_ENGINEERING]
          - id: slow
            tokenSha256: %s
            permissions:
              pipelines: [workload]
            quota: {concurrentRuns: 1}
          - id: tight
            tokenSha256: %s
            permissions: {pipelines: [workload]}
            quota: {cpu: "2", memory: 4Gi, policy: reject}
          - id: squeeze
            tokenSha256: %s
            permissions: {pipelines: [workload]}
            quota: {cpu: "2", memory: 4Gi, policy: scale_down}
            resourceDefaults: {cpu: 500m}
        admins:
          - id: ops
            tokenSha256: %s
        """
        .formatted(
            TenantsYaml.hash(fraudToken),
            TenantsYaml.hash(RISK),
            TenantsYaml.hash(LAB),
            TenantsYaml.hash(SLOW),
            TenantsYaml.hash(TIGHT),
            TenantsYaml.hash(SQUEEZE),
            TenantsYaml.hash(OPS));
  }

  @BeforeAll
  void start() throws Exception {
    tenantsFile = TenantsYaml.write(dir.resolve("tenants.yaml"), tenants(FRAUD));
    server =
        ServerProcess.start(
            dir.resolve("store"),
            dir.resolve("logs"),
            "api",
            "--tenants",
            tenantsFile.toString(),
            "--gpus",
            "2",
            "--max-request-size",
            "4Ki",
            "--templates",
            Path.of("templates").toAbsolutePath().toString(),
            "--max-memory",
            "16Gi");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  private String submit(String token, String body) throws Exception {
    Answer a = server.post("/api/v1/runs", token, body);
    assertEquals(202, a.status(), a.body());
    return a.json().path("runId").asText();
  }

  @Test
  void healthAndMetricsNeedNoToken() throws Exception {
    Answer health = server.get("/healthz", null);
    assertEquals(200, health.status());
    assertEquals("ok", health.json().path("status").asText());
    Answer metrics = server.get("/metrics", null);
    assertEquals(200, metrics.status());
    assertTrue(
        metrics.body().contains("stagecraft_queue_length{tenant=\"fraud\"}"), metrics.body());
  }

  @Test
  void noTokenOrAWrongOneIs401() throws Exception {
    Answer none = server.get("/api/v1/runs", null);
    assertEquals(401, none.status());
    assertTrue(none.json().path("error").asText().contains("Authorization: Bearer"), none.body());
    Answer wrong = server.get("/api/v1/runs", "not-a-token");
    assertEquals(401, wrong.status());
    assertEquals("the token is not valid for this server", wrong.json().path("error").asText());
    assertEquals(401, server.post("/api/v1/runs", null, "{\"pipeline\":\"diamond\"}").status());
  }

  @Test
  void aSubmissionIsAnsweredWithItsPlanAndRunsToTheEnd() throws Exception {
    Answer a =
        server.post("/api/v1/runs", FRAUD, "{\"pipeline\":\"diamond\",\"params\":{\"size\":300}}");
    assertEquals(202, a.status(), a.body());
    JsonNode answer = a.json();
    String runId = answer.path("runId").asText();
    assertEquals("fraud", answer.path("tenant").asText());
    assertTrue(List.of("QUEUED", "RUNNING").contains(answer.path("status").asText()), a.body());
    assertEquals("diamond", answer.path("plan").path("pipeline").asText());
    assertEquals("300", answer.path("plan").path("params").path("size").asText());
    assertFalse(answer.path("estimatedCompletion").asText().isEmpty());
    assertTrue(answer.path("allocation").has("histogram"), a.body());
    assertFalse(answer.path("allocation").path("histogram").path("cpu").asText().isEmpty());

    JsonNode run = server.awaitRun(FRAUD, runId, ServerProcess::ended, RUN_TIMEOUT);
    assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
    assertEquals("fraud", run.path("tenant").asText());
    assertEquals(4, run.path("stages").size());
    assertEquals("diamond", run.path("plan").path("pipeline").asText());

    Answer report = server.get("/api/v1/runs/" + runId + "/report", FRAUD);
    assertEquals(200, report.status());
    assertTrue(report.body().startsWith("<!DOCTYPE html>"), report.body());
    assertTrue(report.body().contains(runId));

    JsonNode list = server.get("/api/v1/runs", FRAUD).json();
    List<String> ids = new ArrayList<>();
    list.forEach(r -> ids.add(r.path("runId").asText()));
    assertTrue(ids.contains(runId), list.toString());
    list.forEach(r -> assertEquals("fraud", r.path("tenant").asText()));

    Answer again = server.post("/api/v1/runs/" + runId + "/cancel", FRAUD, null);
    assertEquals(409, again.status(), again.body());
    assertEquals(
        "run " + runId + " already ended SUCCEEDED; nothing to cancel",
        again.json().path("error").asText());
  }

  @Test
  void anotherTenantsRunIsUnknownToItButNotToAnAdmin() throws Exception {
    String runId = submit(FRAUD, "{\"pipeline\":\"diamond\"}");
    server.awaitRun(FRAUD, runId, ServerProcess::ended, RUN_TIMEOUT);
    for (Answer a :
        List.of(
            server.get("/api/v1/runs/" + runId, RISK),
            server.get("/api/v1/runs/" + runId + "/report", RISK),
            server.post("/api/v1/runs/" + runId + "/cancel", RISK, null))) {
      assertEquals(404, a.status(), a.body());
      assertEquals(
          "no run '" + runId + "'; GET /api/v1/runs lists yours", a.json().path("error").asText());
    }
    JsonNode risks = server.get("/api/v1/runs", RISK).json();
    risks.forEach(r -> assertEquals("risk", r.path("tenant").asText()));

    Answer admin = server.get("/api/v1/runs/" + runId, OPS);
    assertEquals(200, admin.status(), admin.body());
    assertEquals("fraud", admin.json().path("tenant").asText());
    JsonNode all = server.get("/api/v1/runs", OPS).json();
    assertTrue(all.toString().contains(runId));
    Answer adminSubmits = server.post("/api/v1/runs", OPS, "{\"pipeline\":\"diamond\"}");
    assertEquals(403, adminSubmits.status());
    assertTrue(adminSubmits.json().path("error").asText().contains("use a tenant's token"));
  }

  @Test
  void aRunIdThatIsAPathIs404() throws Exception {
    for (String path :
        List.of(
            "/api/v1/runs/..%2F..%2Fstagecraft.db",
            "/api/v1/runs/..%2Ffraud%2Fstagecraft.db/report", "/api/v1/runs/%2E%2E")) {
      Answer a = server.get(path, FRAUD);
      assertEquals(404, a.status(), path + " " + a.body());
      assertTrue(a.json().has("error"), a.body());
    }
  }

  @Test
  void badJsonAndBadParametersAre400WithTheCommandLinesMessage() throws Exception {
    Answer malformed = server.post("/api/v1/runs", FRAUD, "{\"pipeline\": \"diamond\",");
    assertEquals(400, malformed.status());
    assertTrue(
        malformed.json().path("error").asText().startsWith("the request body is not valid JSON"),
        malformed.body());

    Answer notObject =
        server.post("/api/v1/runs", FRAUD, "{\"pipeline\":\"diamond\",\"params\":[1]}");
    assertEquals(400, notObject.status());
    assertEquals(
        "\"params\" must be an object of names to values, not an array",
        notObject.json().path("error").asText());

    Answer unknownField = server.post("/api/v1/runs", FRAUD, "{\"pipline\":\"diamond\"}");
    assertEquals(400, unknownField.status());
    assertTrue(
        unknownField.json().path("error").asText().contains("did you mean 'pipeline'"),
        unknownField.body());

    Answer wrongType =
        server.post(
            "/api/v1/runs", FRAUD, "{\"pipeline\":\"diamond\",\"params\":{\"bins\":\"many\"}}");
    assertEquals(400, wrongType.status());
    CliRun cli = CliRun.in(dir.resolve("cli-store"), "plan", "diamond", "-p", "bins=many");
    assertEquals(2, cli.code());
    assertEquals(cli.err().strip(), "error: " + wrongType.json().path("error").asText());

    Answer badProfile =
        server.post(
            "/api/v1/runs",
            FRAUD,
            "{\"pipeline\":\"diamond\",\"profile\":{\"priority\":\"urgent\"}}");
    assertEquals(400, badProfile.status());
    assertTrue(badProfile.json().path("error").asText().contains("priority"), badProfile.body());
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    String big = "{\"pipeline\":\"diamond\",\"params\":{\"seed\":\"" + "1".repeat(8192) + "\"}}";
    Answer a = server.post("/api/v1/runs", FRAUD, big);
    assertEquals(413, a.status(), a.body());
    assertEquals(
        "the request body is larger than the server's limit of 4096 bytes",
        a.json().path("error").asText());
  }

  @Test
  void anUnknownPipelineIs404WithASuggestion() throws Exception {
    Answer a = server.post("/api/v1/runs", FRAUD, "{\"pipeline\":\"diamnd\"}");
    assertEquals(404, a.status());
    assertTrue(a.json().path("error").asText().startsWith("unknown pipeline 'diamnd'"), a.body());
    assertTrue(a.json().path("error").asText().contains("did you mean 'diamond'"), a.body());
  }

  @Test
  void whatATenantMayNotDoIs403WithTheReason() throws Exception {
    Answer pipeline = server.post("/api/v1/runs", FRAUD, "{\"pipeline\":\"ab-demo\"}");
    assertEquals(403, pipeline.status());
    assertEquals(
        "tenant 'fraud' may not run pipeline 'ab-demo' (its pipelines: diamond, workload)",
        pipeline.json().path("error").asText());

    Answer types = server.post("/api/v1/runs", LAB, "{\"pipeline\":\"diamond\"}");
    assertEquals(403, types.status());
    assertEquals(
        "tenant 'lab' may not run stages of these types in pipeline 'diamond': 'report' is"
            + " EVALUATION (its stageTypes: FEATURE_ENGINEERING, INGESTION)",
        types.json().path("error").asText());

    Answer gpu =
        server.post(
            "/api/v1/runs",
            FRAUD,
            "{\"pipeline\":\"workload\",\"profile\":{\"model_complexity\":\"medium\"}}");
    assertEquals(403, gpu.status(), gpu.body());
    assertEquals(
        "tenant 'fraud' may not use GPUs (permissions.gpu is false): stage 'train' asks for 1",
        gpu.json().path("error").asText());
  }

  @Test
  void aRunOverTheQuotaIsRefusedUnderRejectAndScaledDownUnderScaleDown() throws Exception {
    Answer refused = server.post("/api/v1/runs", TIGHT, "{\"pipeline\":\"workload\"}");
    assertEquals(403, refused.status(), refused.body());
    assertEquals(
        "tenant 'tight' refuses the run: its stages need cpu=6, memory=1536Mi, gpu=0 in all, over"
            + " the quota cpu=2, memory=4Gi, gpu=unbounded (policy reject; with scale_down the"
            + " stages would be scaled to fit, with queue they would wait for each other)",
        refused.json().path("error").asText());

    Answer scaled = server.post("/api/v1/runs", SQUEEZE, "{\"pipeline\":\"workload\"}");
    assertEquals(202, scaled.status(), scaled.body());
    JsonNode load = scaled.json().path("plan").path("stages").get(0);
    assertEquals("load", load.path("name").asText());
    // workload writes cpu 1 on the class: the tenant's default (500m) does not apply; six stages
    // of 1 cpu need 6 against a quota of 2: each gets floor(1000 x 2 / 6) = 333m
    assertEquals("333m", load.path("resources").path("cpu").asText());
    JsonNode change = load.path("changes").get(0);
    assertEquals("resources.cpu", change.path("field").asText());
    assertEquals("quota-scale-down", change.path("rule").asText());
    assertEquals("333m", scaled.json().path("allocation").path("load").path("cpu").asText());
    String runId = scaled.json().path("runId").asText();
    JsonNode run = server.awaitRun(SQUEEZE, runId, ServerProcess::ended, RUN_TIMEOUT);
    assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
  }

  @Test
  void aSubmissionsEnvironmentPicksTheServersTemplateOfThePipeline() throws Exception {
    Answer dev =
        server.post(
            "/api/v1/runs",
            RISK,
            "{\"pipeline\":\"advanced-ml\",\"environment\":\"dev\",\"profile\":{\"priority\":\"low\"}}");
    assertEquals(202, dev.status(), dev.body());
    assertEquals("2", dev.json().path("plan").path("params").path("nTrials").asText());
    server.post("/api/v1/runs/" + dev.json().path("runId").asText() + "/cancel", RISK, null);

    Answer unknown =
        server.post(
            "/api/v1/runs", RISK, "{\"pipeline\":\"advanced-ml\",\"environment\":\"prod\"}");
    assertEquals(400, unknown.status(), unknown.body());
    assertTrue(
        unknown
            .json()
            .path("error")
            .asText()
            .endsWith("has no environment 'prod' (it has dev, staging, production)"),
        unknown.body());

    Answer noTemplate =
        server.post("/api/v1/runs", RISK, "{\"pipeline\":\"diamond\",\"environment\":\"dev\"}");
    assertEquals(400, noTemplate.status());
    assertEquals(
        "environment 'dev' needs a template of pipeline 'diamond': the server has none (start it"
            + " with --templates DIR holding diamond.yaml)",
        noTemplate.json().path("error").asText());
  }

  @Test
  void pipelinesAndMeShowWhatTheTenantMayUse() throws Exception {
    JsonNode pipelines = server.get("/api/v1/pipelines", FRAUD).json();
    List<String> names = new ArrayList<>();
    pipelines.forEach(p -> names.add(p.path("name").asText()));
    assertEquals(List.of("diamond", "workload"), names.stream().sorted().toList());
    JsonNode me = server.get("/api/v1/tenants/me", FRAUD).json();
    assertEquals("fraud", me.path("tenant").asText());
    assertEquals(2, me.path("weight").asInt());
    assertEquals(4, me.path("quota").path("concurrentRuns").asInt());
    JsonNode admin = server.get("/api/v1/tenants/me", OPS).json();
    assertEquals("ops", admin.path("admin").asText());
    assertEquals(6, admin.path("tenants").size());
  }

  @Test
  void aQueuedRunIsCancelledAtOnceAndARunningOneStopsItsStages() throws Exception {
    String running = submit(SLOW, "{\"pipeline\":\"workload\",\"params\":{\"loadMs\":600000}}");
    server.awaitRun(SLOW, running, r -> r.path("status").asText().equals("RUNNING"), RUN_TIMEOUT);
    Answer second = server.post("/api/v1/runs", SLOW, "{\"pipeline\":\"workload\"}");
    assertEquals(202, second.status(), second.body());
    assertEquals("QUEUED", second.json().path("status").asText());
    String queued = second.json().path("runId").asText();
    assertEquals(
        "QUEUED", server.get("/api/v1/runs/" + queued, SLOW).json().path("status").asText());
    assertEquals(409, server.get("/api/v1/runs/" + queued + "/report", SLOW).status());

    Answer cancelQueued = server.post("/api/v1/runs/" + queued + "/cancel", SLOW, null);
    assertEquals(200, cancelQueued.status(), cancelQueued.body());
    assertEquals("CANCELLED", cancelQueued.json().path("status").asText());
    assertEquals(
        "CANCELLED", server.get("/api/v1/runs/" + queued, SLOW).json().path("status").asText());

    Answer cancelRunning = server.post("/api/v1/runs/" + running + "/cancel", SLOW, null);
    assertEquals(202, cancelRunning.status(), cancelRunning.body());
    JsonNode ended = server.awaitRun(SLOW, running, ServerProcess::ended, RUN_TIMEOUT);
    assertEquals("CANCELLED", ended.path("status").asText(), ended.toString());
    assertEquals("CANCELLED", ended.path("stages").get(0).path("status").asText());
  }

  @Test
  void aRotatedTokenWorksAtOnceAndTheOldOneNoLonger() throws Exception {
    String rotated = "fraud-token-0002";
    try {
      TenantsYaml.write(tenantsFile, tenants(rotated));
      assertEquals(401, server.get("/api/v1/runs", FRAUD).status());
      assertEquals(200, server.get("/api/v1/runs", rotated).status());
      // a file with a mistake is not taken: the tenants stay as they were
      TenantsYaml.write(tenantsFile, tenants(rotated).replace("weight: 2", "weight: two"));
      assertEquals(200, server.get("/api/v1/runs", rotated).status());
    } finally {
      TenantsYaml.write(tenantsFile, tenants(FRAUD));
    }
    assertEquals(200, server.get("/api/v1/runs", FRAUD).status());
    assertTrue(server.err().contains("has problems; keeping the previous tenants"), server.err());
  }

  @Test
  void theServerListensOnLoopbackOnly() throws Exception {
    assertTrue(
        server.out().contains("tenants: fraud, risk, lab, slow, tight, squeeze"), server.out());
    int port = java.net.URI.create(server.url()).getPort();
    try (java.net.Socket loopback = new java.net.Socket("127.0.0.1", port)) {
      assertTrue(loopback.isConnected());
    }
    // every other address of this machine refuses the connection
    List<java.net.InetAddress> others = new ArrayList<>();
    for (java.net.NetworkInterface nic :
        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
        if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) {
          others.add(a);
        }
      }
    }
    for (java.net.InetAddress a : others) {
      try (java.net.Socket s = new java.net.Socket()) {
        org.junit.jupiter.api.Assertions.assertThrows(
            java.net.ConnectException.class,
            () -> s.connect(new java.net.InetSocketAddress(a, port), 5000),
            "the server answered on " + a);
      }
    }
  }

  @Test
  void aSecondServerOnATakenPortSaysSoInOneLineAndTheFirstGoesOn() throws Exception {
    int port = java.net.URI.create(server.url()).getPort();
    CliRun second =
        CliRun.of(
            Map.of(),
            "serve",
            "--port",
            Integer.toString(port),
            "--store",
            dir.resolve("store").toString(),
            "--tenants",
            tenantsFile.toString());
    assertEquals(2, second.code());
    assertEquals(
        "error: cannot listen on 127.0.0.1:"
            + port
            + ": the port is in use; pick another --port (0 picks a free one) or stop what listens"
            + " there",
        second.err().strip());
    assertEquals(200, server.get("/healthz", null).status());
  }

  @Test
  void submitIsTheClientAndExitsLikeRun() throws Exception {
    Map<String, String> env = Map.of("STAGECRAFT_SERVER", server.url(), "STAGECRAFT_TOKEN", FRAUD);
    CliRun ok = CliRun.of(env, "submit", "diamond", "-p", "size=200", "--wait");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("of 'diamond': SUCCEEDED"), ok.out());

    CliRun bad = CliRun.of(env, "submit", "diamond", "-p", "bins=0");
    assertEquals(2, bad.code());
    assertEquals(
        "error: parameter 'bins' must be at least 1, not 0 (HTTP 400 from " + server.url() + ")",
        bad.err().strip());

    CliRun forbidden = CliRun.of(env, "submit", "ab-demo");
    assertEquals(2, forbidden.code());
    assertTrue(
        forbidden.err().startsWith("error: tenant 'fraud' may not run pipeline 'ab-demo'"),
        forbidden.err());

    CliRun noScheme =
        CliRun.of(
            env,
            "submit",
            "diamond",
            "--server",
            "127.0.0.1:" + java.net.URI.create(server.url()).getPort());
    assertEquals(2, noScheme.code());
    assertTrue(
        noScheme.err().strip().endsWith("is not an http(s) URL; write it as http://HOST:PORT"),
        noScheme.err());

    CliRun noToken = CliRun.of(Map.of("STAGECRAFT_SERVER", server.url()), "submit", "diamond");
    assertEquals(2, noToken.code());
    assertEquals(
        "error: no token: pass --token TOKEN or set STAGECRAFT_TOKEN (your tenant's token)",
        noToken.err().strip());

    int closed;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      closed = free.getLocalPort();
    }
    CliRun down = CliRun.of(env, "submit", "diamond", "--server", "http://127.0.0.1:" + closed);
    assertEquals(2, down.code());
    assertEquals(
        "error: cannot reach the server at http://127.0.0.1:"
            + closed
            + " (connection refused); is 'stagecraft serve' running there?",
        down.err().strip());
  }
}
