package dev.stagecraft.runtime.store.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gc} removes old runs with their rows and scratch space, and the artifacts nothing else
 * references; never a kept run (a registry version's) or what it references, never a live run, and
 * no artifact while a run is in progress.
 */
class GarbageCollectorTest {
  @TempDir Path dir;

  /** Stores "value-V" from one stage; fails after writing scratch when {@code fail} is set. */
  private static PipelineDefinition pipeline() {
    return PipelineDefinition.builder("p")
        .param(ParamSpec.required("v", ParamType.STRING, "the value"))
        .param(ParamSpec.optional("fail", ParamType.BOOLEAN, "fail the second stage", "false"))
        .stage(
            StageSpec.builder("produce")
                .resources(ResourceRequest.parse("100m", "1Mi", 0))
                .outputType("String")
                .params("v")
                .body(call -> "value-" + call.param("v"))
                .build())
        .stage(
            StageSpec.builder("consume")
                .resources(ResourceRequest.parse("100m", "1Mi", 0))
                .outputType("String")
                .dependsOn("produce")
                .params("fail")
                .body(
                    call -> {
                      Files.writeString(call.context().scratchDir().resolve("work.txt"), "w");
                      if (call.<Boolean>param("fail")) {
                        throw new IllegalStateException("boom");
                      }
                      return "consumed";
                    })
                .build())
        .build();
  }

  /** Artifact files plus the small artifacts kept in the database. */
  private static int artifactCount(Store store) throws java.sql.SQLException {
    try (java.sql.Connection c = store.database().connect();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM inline_artifacts")) {
      rs.next();
      return store.artifacts().list().size() + rs.getInt(1);
    }
  }

  private static RunResult run(Store store, String value, boolean fail) {
    return PipelineRunner.runText(
        pipeline(),
        Map.of("v", value, "fail", Boolean.toString(fail)),
        store.attach(RunOptions.defaults(), "p"));
  }

  @Test
  void oldRunsGoWithWhatOnlyTheyReferencedWhileKeptRunsStayWhole() throws Exception {
    try (Store store = Store.open(dir)) {
      RunResult deployed = run(store, "deployed", false);
      RunResult old = run(store, "old", true);
      Path oldScratch = dir.resolve("scratch").resolve(old.runId());
      assertTrue(Files.isDirectory(oldScratch), "a failed run keeps its scratch space");
      assertEquals(3, artifactCount(store)); // value-deployed, value-old, consumed

      GcReport dry =
          GarbageCollector.collect(
              store, Instant.now().plusSeconds(1), Set.of(deployed.runId()), true);
      assertEquals(List.of(old.runId()), dry.runs());
      assertEquals(1, dry.artifacts());
      assertEquals(List.of(oldScratch), dry.scratch());
      assertEquals(
          2, store.queries().runs(Optional.empty(), 10).size(), "a dry run removes nothing");
      assertEquals(3, artifactCount(store));

      GcReport r =
          GarbageCollector.collect(
              store, Instant.now().plusSeconds(1), Set.of(deployed.runId()), false);

      assertEquals(List.of(old.runId()), r.runs());
      assertEquals(1, r.artifacts());
      assertEquals(Optional.empty(), r.artifactsKept());
      assertFalse(Files.exists(oldScratch));
      assertEquals(Optional.empty(), store.queries().run(old.runId()));
      assertEquals(
          Map.of("produce", "value-deployed", "consume", "consumed"),
          store.loadOutputs(deployed.runId()),
          "the kept run's outputs are all there");
      assertEquals(2, artifactCount(store));
    }
  }

  @Test
  void recentRunsStayAndARunInProgressKeepsEveryArtifact() throws Exception {
    try (Store store = Store.open(dir);
        Store other = Store.open(dir)) {
      RunResult finished = run(store, "a", false);
      other
          .history()
          .runStarted(new RunInfo("live", "p", Map.of(), Instant.now(), Optional.empty()));
      Files.write(store.artifacts().file("0".repeat(64)), new byte[] {1}); // referenced by nothing

      GcReport recent =
          GarbageCollector.collect(store, Instant.now().minusSeconds(3600), Set.of(), false);
      assertEquals(List.of(), recent.runs(), "nothing started more than an hour ago");

      GcReport during =
          GarbageCollector.collect(store, Instant.now().plusSeconds(1), Set.of(), false);
      assertEquals(List.of(finished.runId()), during.runs(), "never the live run");
      assertEquals(0, during.artifacts());
      assertEquals(
          Optional.of(
              "1 run is in progress, so no artifact file was removed; run gc again when it ends"),
          during.artifactsKept());
      assertTrue(Files.exists(store.artifacts().file("0".repeat(64))));

      other.history().runFinished("live", RunStatus.SUCCEEDED, Instant.now());
      GcReport after =
          GarbageCollector.collect(store, Instant.now().minusSeconds(3600), Set.of(), false);
      assertEquals(List.of(), after.runs());
      assertEquals(3, after.artifacts(), "the finished run's two outputs and the stray file");
      assertEquals(0, artifactCount(store));
    }
  }
}
