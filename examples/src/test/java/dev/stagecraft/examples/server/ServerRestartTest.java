package dev.stagecraft.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.examples.server.ServerProcess.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 202 is durable: a server killed with {@code kill -9} while runs are queued and running, then
 * started again on the same store, ends every accepted run SUCCEEDED, and no stage that finished
 * before the kill runs again (the resumed run reuses it: CACHED).
 */
@Timeout(400)
class ServerRestartTest {
  private static final String TOKEN = "batch-token-0001";

  @TempDir Path dir;

  @Test
  void killedWithRunsQueuedAndRunningItEndsThemAllWithoutRunningAFinishedStageTwice()
      throws Exception {
    Path tenants =
        TenantsYaml.write(
            dir.resolve("tenants.yaml"),
            """
            tenants:
              - id: batch
                tokenSha256: %s
                permissions: {pipelines: [workload]}
                quota: {concurrentRuns: 2}
            """
                .formatted(TenantsYaml.hash(TOKEN)));
    Path store = dir.resolve("store");
    List<String> ids = new ArrayList<>();
    String body =
        "{\"pipeline\":\"workload\",\"params\":{\"loadMs\":50,\"cleanMs\":1500,\"featuresMs\":50,"
            + "\"auditMs\":50,\"trainMs\":50,\"publishMs\":10}}";
    try (ServerProcess first =
        ServerProcess.start(store, dir.resolve("logs"), "first", "--tenants", tenants.toString())) {
      for (int i = 0; i < 10; i++) {
        Answer a = first.post("/api/v1/runs", TOKEN, body);
        assertEquals(202, a.status(), a.body());
        ids.add(a.json().path("runId").asText());
      }
      // kill once a running run has finished a stage and is in the middle of another
      first.awaitRun(
          TOKEN,
          ids.get(0),
          r ->
              r.path("status").asText().equals("RUNNING")
                  && r.path("stages").size() > 0
                  && r.path("stages").get(0).path("status").asText().equals("SUCCEEDED"),
          Duration.ofSeconds(120));
      first.kill();
    }

    try (ServerProcess second =
        ServerProcess.start(
            store, dir.resolve("logs"), "second", "--tenants", tenants.toString())) {
      Set<String> resumed = new HashSet<>();
      for (String id : ids) {
        JsonNode run = second.awaitRun(TOKEN, id, ServerProcess::ended, Duration.ofSeconds(180));
        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        if (!run.path("resumedFrom").isNull()) {
          resumed.add(id);
          ResumedRun r =
              ResumedRun.read(
                  store.resolve("tenants").resolve("batch"), run.path("runId").asText());
          assertEquals(List.of(), r.ranAgain(), "finished before the kill, executed again: " + run);
          if (id.equals(ids.get(0))) {
            assertFalse(r.finishedBefore().isEmpty(), "the first run had finished a stage");
          }
        }
      }
      assertTrue(resumed.contains(ids.get(0)), "the run in the middle of a stage was resumed");
    }
  }
}
