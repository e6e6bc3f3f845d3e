package dev.stagecraft.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.db.Database;
import dev.stagecraft.runtime.store.db.Migrations;
import dev.stagecraft.runtime.store.history.RunRecord;
import dev.stagecraft.runtime.store.history.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by Stagecraft 0.1.0 before this schema (schema version 3, kept in {@code
 * src/test/resources/stores/schema-3}: two ab-demo runs, a diamond run that succeeded, one that
 * failed, one killed with SIGKILL while it ran, and their artifacts) opens, migrates and reads back
 * completely; new runs are recorded in it. Later releases keep this fixture and add their own.
 */
class StoreFixtureTest {
  private static final String KILLED = "20261128-040439-86289c";
  private static final String FAILED = "20261128-040429-4e8db3";
  private static final String AB_DEMO = "20261128-040424-44f700";

  @TempDir Path dir;
  Path store;

  @BeforeEach
  void copyFixture() throws Exception {
    Path fixture = Path.of(getClass().getResource("/stores/schema-3/stagecraft.db").toURI());
    store = dir.resolve("store");
    try (Stream<Path> files = Files.walk(fixture.getParent())) {
      for (Path f : files.toList()) {
        Path target = store.resolve(fixture.getParent().relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  @Test
  void theFixtureIsAtSchemaThreeAndMigratesToTheCurrentSchema() {
    assertEquals(3, Database.inspect(store.resolve(Store.DATABASE_FILE)).schemaVersion());
    try (Store s = Store.open(store)) {
      assertEquals(Migrations.currentVersion(), s.database().schemaVersion());
      assertEquals(List.of(), s.database().fullCheck());
    }
  }

  @Test
  void everyRunReadsBackAndTheKilledOneIsInterrupted() {
    try (Store s = Store.open(store)) {
      List<RunSummary> runs = s.queries().runs(Optional.empty(), 100);
      assertEquals(
          List.of(
              KILLED + " diamond INTERRUPTED",
              FAILED + " diamond FAILED",
              "20261128-040426-c6151e diamond SUCCEEDED",
              AB_DEMO + " ab-demo SUCCEEDED",
              "20261128-040423-3906bf ab-demo SUCCEEDED"),
          runs.stream().map(r -> r.runId() + " " + r.pipeline() + " " + r.status()).toList());

      RunRecord abDemo = s.queries().run(AB_DEMO).orElseThrow();
      assertEquals("0.99", abDemo.params().get("accuracyB"));
      StageExecution train1 =
          abDemo.stages().stream().filter(e -> e.instance().equals("train[1]")).findFirst().get();
      assertEquals(Optional.of("b"), train1.item());
      assertEquals(List.of(), train1.failedAttempts());
      assertEquals(
          Map.of("variant", "b", "target", "production", "accuracy", 0.99),
          s.loadOutputs(AB_DEMO).get("deployWinner"));
      assertEquals(Optional.empty(), s.queries().definition(AB_DEMO), "not recorded then");

      RunRecord failed = s.queries().run(FAILED).orElseThrow();
      assertEquals(
          "IllegalArgumentException: bins must be positive, got 0",
          failed.stages().stream()
              .filter(e -> e.status() == StageStatus.FAILED)
              .findFirst()
              .orElseThrow()
              .reason());
      assertEquals(List.of("sample", "summary"), List.copyOf(s.loadOutputs(FAILED).keySet()));
    }
  }

  @Test
  void theKilledRunCanBeResumedAndNewRunsAreRecordedBesideTheOldOnes() {
    PipelineDefinition def =
        PipelineDefinition.builder("diamond")
            .stage(
                StageSpec.builder("sample")
                    .resources(ResourceRequest.parse("100m", "1Mi", 0))
                    .outputType("String")
                    .body(call -> "drawn again")
                    .build())
            .build();
    try (Store s = Store.open(store)) {
      RunResult resumed =
          PipelineRunner.runText(
              def, Map.of(), s.resume(s.attach(RunOptions.defaults(), "diamond"), KILLED));
      assertEquals(RunStatus.SUCCEEDED, resumed.status());
      RunRecord killed = s.queries().run(KILLED).orElseThrow();
      assertEquals(RunStatus.INTERRUPTED, killed.status());
      assertEquals(Optional.of(resumed.runId()), killed.resumedBy());
      RunRecord fresh = s.queries().run(resumed.runId()).orElseThrow();
      assertEquals(Optional.of(KILLED), fresh.resumedFrom());
      assertTrue(s.queries().definition(resumed.runId()).isPresent());
      assertEquals(6, s.queries().runs(Optional.empty(), 100).size());
    }
  }
}
