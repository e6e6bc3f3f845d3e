package dev.stagecraft.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The engine with the store attached: cached stages are not executed again, and outputs are kept
 * for resume.
 */
class StoreOutputStoreTest {
  record Prepared(String target, List<Double> values) {}

  @TempDir Path dir;

  @Test
  void aCachedStageRunsOnceAcrossRunsAndItsOutputIsReusedAndRecorded() {
    AtomicInteger prepared = new AtomicInteger();
    AtomicInteger trained = new AtomicInteger();
    ResourceRequest small = ResourceRequest.parse("1", "1Mi", 0);
    PipelineDefinition def =
        PipelineDefinition.builder("cached")
            .param(ParamSpec.optional("target", ParamType.STRING, "target column", "y"))
            .stage(
                StageSpec.builder("prepare")
                    .resources(small)
                    .cache(true)
                    .params("target")
                    .outputType("Prepared")
                    .body(
                        call -> {
                          prepared.incrementAndGet();
                          return new Prepared(call.param("target"), List.of(1.0, 2.0));
                        })
                    .build())
            .stage(
                StageSpec.builder("train")
                    .resources(small)
                    .input(InputSpec.of("prepare"))
                    .outputType("Double")
                    .body(
                        call -> {
                          trained.incrementAndGet();
                          Prepared p = call.input("prepare");
                          return p.values().stream().mapToDouble(Double::doubleValue).sum();
                        })
                    .build())
            .build();
    try (Store store = Store.open(dir)) {
      RunOptions options =
          store.attach(
              RunOptions.defaults().withMaxMilliCpu(2000).withMaxMemoryBytes(1L << 30), def.name());
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

      assertEquals(
          StageStatus.CACHED,
          store.queries().run(second.runId()).orElseThrow().stages().stream()
              .filter(s -> s.instance().equals("prepare"))
              .findFirst()
              .orElseThrow()
              .status());
      assertEquals(
          Map.of("prepare", new Prepared("y", List.of(1.0, 2.0)), "train", 3.0),
          store.loadOutputs(second.runId()));
    }
  }

  @Test
  void aVoidStageStoresNothingAndRunsAgainOnResumeWhileStoredOutputsAreReused() {
    AtomicInteger produced = new AtomicInteger();
    AtomicInteger announced = new AtomicInteger();
    boolean[] fail = {true};
    ResourceRequest small = ResourceRequest.parse("1", "1Mi", 0);
    PipelineDefinition def =
        PipelineDefinition.builder("voids")
            .stage(
                StageSpec.builder("produce")
                    .resources(small)
                    .outputType("String")
                    .body(call -> "v" + produced.incrementAndGet())
                    .build())
            .stage(
                StageSpec.builder("announce")
                    .resources(small)
                    .outputType("void")
                    .body(
                        call -> {
                          announced.incrementAndGet();
                          return null;
                        })
                    .build())
            .stage(
                StageSpec.builder("finish")
                    .resources(small)
                    .input(InputSpec.of("produce"))
                    .dependsOn("announce")
                    .outputType("String")
                    .body(
                        call -> {
                          if (fail[0]) {
                            throw new IllegalStateException("boom");
                          }
                          return call.<String>input("produce") + "!";
                        })
                    .build())
            .build();
    try (Store store = Store.open(dir)) {
      RunOptions options =
          store.attach(
              RunOptions.defaults().withMaxMilliCpu(2000).withMaxMemoryBytes(1L << 30), def.name());
      RunResult failed = PipelineRunner.runText(def, Map.of(), options);
      assertEquals(RunStatus.FAILED, failed.status());
      assertEquals(
          Map.of("produce", "v1"),
          store.loadOutputs(failed.runId()),
          "the void stage stored nothing");

      fail[0] = false;
      RunResult resumed =
          PipelineRunner.runText(def, Map.of(), store.resume(options, failed.runId()));
      assertEquals(RunStatus.SUCCEEDED, resumed.status());
      assertEquals(StageStatus.CACHED, resumed.outcome("produce").orElseThrow().status());
      assertEquals(StageStatus.SUCCEEDED, resumed.outcome("announce").orElseThrow().status());
      assertEquals(1, produced.get());
      assertEquals(2, announced.get());
      assertEquals("v1!", resumed.output("finish"));
    }
  }

  @Test
  void anUnstorableOutputFailsTheStageNamingTheInstance() {
    ResourceRequest small = ResourceRequest.parse("1", "1Mi", 0);
    PipelineDefinition def =
        PipelineDefinition.builder("unstorable")
            .stage(
                StageSpec.builder("train")
                    .resources(small)
                    .outputType("Object")
                    .body(call -> new Object())
                    .build())
            .build();
    try (Store store = Store.open(dir)) {
      RunResult r =
          PipelineRunner.runText(
              def,
              Map.of(),
              store.attach(
                  RunOptions.defaults().withMaxMilliCpu(2000).withMaxMemoryBytes(1L << 30),
                  def.name()));
      assertEquals(RunStatus.FAILED, r.status());
      String reason = r.outcome("train").orElseThrow().reason();
      assertTrue(
          reason.contains(
              "the output of stage 'train' of type java.lang.Object cannot be stored: "),
          reason);
    }
  }
}
