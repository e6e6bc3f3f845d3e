package dev.stagecraft.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with the store attached: cached stages are not executed again, and outputs are kept for resume. */
class StoreOutputStoreTest {
  record Prepared(String target, List<Double> values) {}

  @TempDir Path dir;

  @Test
  void aCachedStageRunsOnceAcrossRunsAndItsOutputIsReusedAndRecorded() {
    AtomicInteger prepared = new AtomicInteger();
    AtomicInteger trained = new AtomicInteger();
    ResourceRequest small = ResourceRequest.parse("1", "1Mi", 0);
    PipelineDefinition def = PipelineDefinition.builder("cached")
        .param(ParamSpec.optional("target", ParamType.STRING, "target column", "y"))
        .stage(StageSpec.builder("prepare").resources(small).cache(true).params("target").outputType("Prepared")
            .body(call -> {
              prepared.incrementAndGet();
              return new Prepared(call.param("target"), List.of(1.0, 2.0));
            }).build())
        .stage(StageSpec.builder("train").resources(small).input(InputSpec.of("prepare")).outputType("Double")
            .body(call -> {
              trained.incrementAndGet();
              Prepared p = call.input("prepare");
              return p.values().stream().mapToDouble(Double::doubleValue).sum();
            }).build())
        .build();
    try (Store store = Store.open(dir)) {
      RunOptions options = RunOptions.defaults().withMaxMilliCpu(2000).withMaxMemoryBytes(1L << 30)
          .withListener(store.history()).withOutputStore(store.outputs());
      RunResult first = PipelineRunner.runText(def, Map.of(), options);
      RunResult second = PipelineRunner.runText(def, Map.of(), options);
      RunResult otherParam = PipelineRunner.runText(def, Map.of("target", "z"), options);
      RunResult noCache = PipelineRunner.runText(def, Map.of(), options.withUseCache(false));

      assertEquals(RunStatus.SUCCEEDED, second.status());
      assertEquals(StageStatus.SUCCEEDED, first.outcome("prepare").orElseThrow().status());
      assertEquals(StageStatus.CACHED, second.outcome("prepare").orElseThrow().status());
      assertEquals(StageStatus.SUCCEEDED, otherParam.outcome("prepare").orElseThrow().status());
      assertEquals(StageStatus.SUCCEEDED, noCache.outcome("prepare").orElseThrow().status());
      assertEquals(3, prepared.get());
      assertEquals(4, trained.get());
      assertEquals(3.0, (Double) second.output("train"));

      assertEquals(StageStatus.CACHED, store.queries().run(second.runId()).orElseThrow().stages().stream()
          .filter(s -> s.instance().equals("prepare")).findFirst().orElseThrow().status());
      assertEquals(Map.of("prepare", new Prepared("y", List.of(1.0, 2.0)), "train", 3.0), store.loadOutputs(second.runId()));
    }
  }
}
