package dev.stagecraft.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.examples.server.ServerProcess.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant's secret reaches its stage through the context only, and its value appears nowhere: not
 * in any file of the store (the database, its WAL, artifacts), not in the server's output, not in
 * any API answer, not in the report, even though the stage logs it, reports it, throws it and
 * returns it. A deployment to a target the tenant may not use fails with the reason.
 */
@Timeout(300)
class ServerSecretsTest {
  private static final String TOKEN = "fraud-secret-token";
  private static final String VALUE = "pw-7f3a9c1e-never-shown";

  @TempDir Path dir;

  @Test
  void aSecretsValueAppearsNowhereTheServerWritesOrAnswers() throws Exception {
    Path tenants =
        TenantsYaml.write(
            dir.resolve("tenants.yaml"),
            """
            tenants:
              - id: fraud
                tokenSha256: %s
                permissions: {pipelines: ["*"], deploymentTargets: []}
                environment: {FEATURE_STORE: "http://features.fraud.svc"}
                secrets: [{name: DB_PASSWORD, fromEnv: FRAUD_DB_PASSWORD}]
            """
                .formatted(TenantsYaml.hash(TOKEN)));
    Path store = dir.resolve("store");
    List<String> answers = new ArrayList<>();
    String runId;
    try (ServerProcess server =
        ServerProcess.start(
            store,
            dir.resolve("logs"),
            "secrets",
            List.of("-Xmx768m"),
            Map.of("FRAUD_DB_PASSWORD", VALUE),
            "--tenants",
            tenants.toString(),
            "--max-memory",
            "8Gi")) {
      Answer accepted = server.post("/api/v1/runs", TOKEN, "{\"pipeline\":\"secret-probe\"}");
      assertEquals(202, accepted.status(), accepted.body());
      answers.add(accepted.body());
      runId = accepted.json().path("runId").asText();
      JsonNode run = server.awaitRun(TOKEN, runId, ServerProcess::ended, Duration.ofSeconds(120));
      assertEquals("FAILED", run.path("status").asText(), run.toString());

      JsonNode use = stage(run, "use");
      assertEquals("SUCCEEDED", use.path("status").asText(), use.toString());
      assertTrue(use.path("metrics").has("length of ***"), use.toString());
      JsonNode fail = stage(run, "fail");
      assertEquals("FAILED", fail.path("status").asText());
      assertEquals(2, fail.path("attempts").asInt());
      assertEquals(
          "IllegalStateException: cannot log in with *** (after 2 attempts)",
          fail.path("reason").asText());
      assertEquals(
          "IllegalStateException: cannot log in with ***",
          fail.path("failedAttempts").get(0).path("reason").asText());
      JsonNode leak = stage(run, "leak");
      assertEquals("FAILED", leak.path("status").asText());
      assertEquals(
          "stage 'leak' returned the value of secret 'DB_PASSWORD'; secrets reach stages through"
              + " StageContext.secret and must not be returned as outputs (nothing was stored)",
          leak.path("reason").asText());

      for (String path :
          List.of(
              "/api/v1/runs",
              "/api/v1/runs/" + runId,
              "/api/v1/runs/" + runId + "/report",
              "/api/v1/tenants/me",
              "/api/v1/pipelines",
              "/metrics")) {
        Answer a = server.get(path, TOKEN);
        assertEquals(200, a.status(), path + " " + a.body());
        answers.add(a.body());
      }
      assertTrue(
          answers.get(3).contains("connecting to http://features.fraud.svc with password ***"),
          answers.get(3));

      // a deploy stage to a target the tenant may not use fails with the reason
      Answer deploy =
          server.post(
              "/api/v1/runs",
              TOKEN,
              "{\"pipeline\":\"advanced-ml\",\"params\":{\"nTrials\":1,\"folds\":2}}");
      assertEquals(202, deploy.status(), deploy.body());
      JsonNode deployed =
          server.awaitRun(
              TOKEN,
              deploy.json().path("runId").asText(),
              ServerProcess::ended,
              Duration.ofSeconds(180));
      assertEquals("FAILED", deployed.path("status").asText(), deployed.toString());
      boolean refused = false;
      for (JsonNode s : deployed.path("stages")) {
        if (s.path("reason").asText().contains("tenant 'fraud' may not deploy to '")) {
          refused = s.path("reason").asText().endsWith("(its deploymentTargets: none)");
        }
      }
      assertTrue(refused, deployed.toString());
      answers.add(server.out());
      answers.add(server.err());
    }

    for (String answer : answers) {
      assertFalse(answer.contains(VALUE), "an answer or the server's output holds the secret");
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(store)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    assertTrue(
        files.stream().anyMatch(f -> f.getFileName().toString().startsWith("stagecraft.db")));
    byte[] needle = VALUE.getBytes(StandardCharsets.UTF_8);
    for (Path f : files) {
      assertFalse(contains(Files.readAllBytes(f), needle), f + " holds the secret");
    }
  }

  private static JsonNode stage(JsonNode run, String name) {
    for (JsonNode s : run.path("stages")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + name + " in " + run);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
