package dev.stagecraft.runtime.components.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a run does is deployed unless the run is recorded: when the history can no longer be
 * written, the deploying stage fails before the registry changes, and a run that is recorded
 * deploys with its provenance.
 */
class DeployOnlyWhenRecordedTest {
  @TempDir Path dir;

  /** {@code before -> deploy}: {@code before} runs {@code sabotage} against the store first. */
  private static PipelineDefinition pipeline(Store store, boolean sabotage) {
    ResourceRequest small = ResourceRequest.parse("100m", "1Mi", 0);
    return PipelineDefinition.builder("publishing")
        .stage(
            StageSpec.builder("before")
                .resources(small)
                .outputType("String")
                .body(
                    call -> {
                      if (sabotage) { // another program breaks the history under the run
                        try (Connection c = store.database().connect();
                            Statement s = c.createStatement()) {
                          s.execute("DROP TABLE stage_executions");
                        }
                      }
                      return "trained";
                    })
                .build())
        .stage(
            StageSpec.builder("deploy")
                .resources(small)
                .outputType("Deployment")
                .dependsOn("before")
                .body(
                    call ->
                        ModelRegistry.of(call.context())
                            .deploy(
                                "model".getBytes(StandardCharsets.UTF_8),
                                "svm",
                                0.9,
                                "publishing-data",
                                "production",
                                new ModelSource(call.context().runId(), "before", "data.csv"),
                                call.context()::ensureRecorded))
                .build())
        .build();
  }

  @Test
  void aRunWhoseHistoryCannotBeWrittenDeploysNothing() {
    try (Store store = Store.open(dir)) {
      RunResult r =
          PipelineRunner.run(
              pipeline(store, true), Map.of(), store.attach(RunOptions.defaults(), "publishing"));

      StageOutcome deploy = r.outcome("deploy").orElseThrow();
      assertTrue(
          deploy.status() == StageStatus.FAILED || deploy.status() == StageStatus.UPSTREAM_FAILED,
          deploy.toString());
      assertEquals(RunStatus.FAILED, r.status());
      assertTrue(ModelRegistry.inStore(dir).list().isEmpty(), "the registry is untouched");
    } catch (dev.stagecraft.runtime.store.StoreException closing) {
      // closing reports the broken history again; what matters is above
    }
  }

  @Test
  void aRecordedRunDeploysWithTheRunAndDataSetItCameFrom() {
    try (Store store = Store.open(dir)) {
      RunResult r =
          PipelineRunner.run(
              pipeline(store, false), Map.of(), store.attach(RunOptions.defaults(), "publishing"));
      assertEquals(RunStatus.SUCCEEDED, r.status());
      Deployment d =
          ModelRegistry.inStore(dir).current("publishing-data", "production").orElseThrow();
      assertEquals(r.runId(), d.runId());
      assertEquals("data.csv", d.dataSet());
      assertTrue(store.queries().run(r.runId()).isPresent());
    }
  }
}
