package dev.stagecraft.runtime.components.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs in one JVM at the same time, each recorded in its own store, as a server runs them: each
 * stage sees its own run's store (and model registry), never the other's.
 */
class TwoStoresInOneJvmTest {
  @TempDir Path dir;

  /** A stage that waits until both runs are inside it, then writes a file into its store. */
  private static PipelineDefinition pipeline(CyclicBarrier bothRunning) {
    return PipelineDefinition.builder("two-stores")
        .stage(
            StageSpec.builder("write")
                .resources(ResourceRequest.parse("100m", "1Mi", 0))
                .outputType("String")
                .body(
                    call -> {
                      StageContext ctx = call.context();
                      bothRunning.await(30, TimeUnit.SECONDS);
                      Path store = ctx.storeDirectory().orElseThrow();
                      Files.writeString(store.resolve("written-by-" + ctx.runId()), ctx.runId());
                      return ModelRegistry.of(ctx).directory().toString();
                    })
                .build())
        .build();
  }

  @Test
  void concurrentRunsSeeOnlyTheirOwnStore() throws Exception {
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    PipelineDefinition def = pipeline(bothRunning);
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    try (Store a = Store.open(first);
        Store b = Store.open(second)) {
      CompletableFuture<RunResult> runA =
          CompletableFuture.supplyAsync(
              () -> PipelineRunner.run(def, Map.of(), a.attach(RunOptions.defaults(), def.name())));
      CompletableFuture<RunResult> runB =
          CompletableFuture.supplyAsync(
              () -> PipelineRunner.run(def, Map.of(), b.attach(RunOptions.defaults(), def.name())));
      RunResult ra = runA.get(60, TimeUnit.SECONDS);
      RunResult rb = runB.get(60, TimeUnit.SECONDS);
      assertEquals(RunStatus.SUCCEEDED, ra.status(), ra.toString());
      assertEquals(RunStatus.SUCCEEDED, rb.status(), rb.toString());

      assertEquals(List.of("written-by-" + ra.runId()), written(first));
      assertEquals(List.of("written-by-" + rb.runId()), written(second));
      assertEquals(first.resolve("registry").toAbsolutePath().toString(), ra.output("write"));
      assertEquals(second.resolve("registry").toAbsolutePath().toString(), rb.output("write"));
      assertEquals(1, a.queries().runs(java.util.Optional.empty(), 10).size());
      assertEquals(1, b.queries().runs(java.util.Optional.empty(), 10).size());
    }
  }

  @Test
  void aRunWithoutAStoreHasNoStoreDirectoryAndNoRegistry() {
    PipelineDefinition def =
        PipelineDefinition.builder("no-store")
            .stage(
                StageSpec.builder("look")
                    .resources(ResourceRequest.parse("100m", "1Mi", 0))
                    .outputType("String")
                    .body(
                        call -> {
                          assertFalse(call.context().storeDirectory().isPresent());
                          return ModelRegistry.of(call.context()).directory().toString();
                        })
                    .build())
            .build();
    RunResult r = PipelineRunner.run(def, Map.of(), RunOptions.defaults());
    assertEquals(RunStatus.FAILED, r.status());
    String reason = r.stages().get(0).reason();
    assertTrue(reason.contains("has no store, so stage 'look' has no model registry"), reason);
  }

  private static List<String> written(Path store) throws Exception {
    try (Stream<Path> files = Files.list(store)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("written-by-"))
          .sorted()
          .toList();
    }
  }
}
