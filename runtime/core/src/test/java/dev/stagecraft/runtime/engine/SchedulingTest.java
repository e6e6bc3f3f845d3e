package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.run;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SchedulingTest {

  @Test
  void runsADiamondPassingOutputsAlongAndIndependentStagesConcurrently() {
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    PipelineDefinition def =
        pipeline("diamond")
            .stage(stage("source", call -> 20).build())
            .stage(
                stage(
                        "left",
                        call -> {
                          bothRunning.await(10, TimeUnit.SECONDS);
                          return (int) call.input("source") + 1;
                        })
                    .input(InputSpec.of("source"))
                    .build())
            .stage(
                stage(
                        "right",
                        call -> {
                          bothRunning.await(10, TimeUnit.SECONDS);
                          return (int) call.input("source") * 2;
                        })
                    .input(InputSpec.of("source"))
                    .build())
            .stage(
                stage("join", call -> (int) call.input("left") + (int) call.input("right"))
                    .input(InputSpec.of("left"))
                    .input(InputSpec.of("right"))
                    .build())
            .build();

    RunResult r = run(def, options(2));

    assertEquals(RunStatus.SUCCEEDED, r.status());
    assertEquals(61, (int) r.output("join"));
    assertEquals(
        List.of("source", "left", "right", "join"),
        r.stages().stream().map(StageOutcome::name).toList());
    r.stages().forEach(o -> assertEquals(1, o.attempts()));
  }

  @Test
  void aFailureMarksDownstreamUpstreamFailedWhileIndependentBranchesFinish() {
    PipelineDefinition def =
        pipeline("failing")
            .stage(
                stage(
                        "bad",
                        call -> {
                          throw new IllegalStateException("boom");
                        })
                    .build())
            .stage(stage("after", call -> 1).dependsOn("bad").build())
            .stage(stage("afterAfter", call -> 1).dependsOn("after").build())
            .stage(stage("independent", call -> "fine").build())
            .stage(
                stage(
                        "wrapped",
                        call -> {
                          throw new RuntimeException(
                              "could not load", new IOException("disk full"));
                        })
                    .build())
            .build();

    RunResult r = run(def, options(2));

    assertEquals(RunStatus.FAILED, r.status());
    assertEquals(StageStatus.FAILED, r.outcome("bad").orElseThrow().status());
    assertEquals("IllegalStateException: boom", r.outcome("bad").orElseThrow().reason());
    assertEquals("IOException: disk full", r.outcome("wrapped").orElseThrow().reason());
    assertEquals(StageStatus.UPSTREAM_FAILED, r.outcome("after").orElseThrow().status());
    assertEquals("upstream stage 'bad' failed", r.outcome("after").orElseThrow().reason());
    assertEquals(StageStatus.UPSTREAM_FAILED, r.outcome("afterAfter").orElseThrow().status());
    assertEquals("fine", r.output("independent"));
    StageOutputUnavailableException e =
        assertThrows(StageOutputUnavailableException.class, () -> r.output("after"));
    assertEquals(
        "stage 'after' has no output: it ended UPSTREAM_FAILED (upstream stage 'bad' failed)",
        e.getMessage());
  }

  @Test
  void aStageThatCanNeverFitIsAPlanningErrorBeforeAnythingStarts() {
    AtomicInteger ran = new AtomicInteger();
    PipelineDefinition def =
        pipeline("big")
            .stage(stage("small", call -> ran.incrementAndGet()).build())
            .stage(
                stage("train", call -> ran.incrementAndGet())
                    .resources(ResourceRequest.parse("4", "4Gi", 1))
                    .build())
            .build();

    PlanningException e =
        assertThrows(
            PlanningException.class, () -> run(def, options(2).withMaxMemoryBytes(8L << 30)));

    assertEquals(
        "stage 'train' of pipeline 'big' asks cpu=4, memory=4Gi, gpu=1 but the executor has cpu=2,"
            + " memory=8Gi, gpu=0: lower its @Resources or raise --max-cpu, --max-memory or --gpus",
        e.getMessage());
    assertEquals(0, ran.get());
  }

  @Test
  void capacityLimitsHowManyStagesRunAtOnce() {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    PipelineDefinition.Builder b = pipeline("wide");
    for (int i = 0; i < 12; i++) {
      b.stage(
          stage(
                  "s" + i,
                  call -> {
                    peak.accumulateAndGet(now.incrementAndGet(), Math::max);
                    Thread.yield();
                    now.decrementAndGet();
                    return null;
                  })
              .resources(ResourceRequest.parse("500m", "1Mi", 0))
              .build());
    }

    RunResult r = run(b.build(), options(1));

    assertEquals(RunStatus.SUCCEEDED, r.status());
    assertTrue(peak.get() <= 2, "at most two half-core stages fit one core, saw " + peak.get());
  }

  @Test
  void aSmallerStageStartsWhileALargerOneWaitsForCapacity() {
    CountDownLatch smallRan = new CountDownLatch(1);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    PipelineDefinition def =
        pipeline("fit")
            // most critical: holds one core until the small stage has run beside it
            .stage(
                stage(
                        "first",
                        call -> {
                          order.add("first");
                          assertTrue(smallRan.await(10, TimeUnit.SECONDS));
                          return null;
                        })
                    .build())
            .stage(stage("firstNext", call -> null).dependsOn("first").build())
            .stage(stage("firstLast", call -> null).dependsOn("firstNext").build())
            .stage(
                stage(
                        "big",
                        call -> {
                          order.add("big");
                          return null;
                        })
                    .resources(ResourceRequest.parse("2", "1Mi", 0))
                    .build())
            .stage(stage("bigNext", call -> null).dependsOn("big").build())
            .stage(
                stage(
                        "small",
                        call -> {
                          order.add("small");
                          smallRan.countDown();
                          return null;
                        })
                    .build())
            .build();

    RunResult r = run(def, options(2));

    assertEquals(RunStatus.SUCCEEDED, r.status());
    // 'first' waited for 'small' while holding a core, so 'small' ran while 'big' (two cores)
    // waited
    assertEquals(3, order.size());
    assertEquals("big", order.get(2));
  }

  @Test
  void startsTheMostCriticalReadyStageFirst() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    PipelineDefinition def =
        pipeline("priority")
            .stage(stage("short", call -> order.add("short")).build())
            .stage(stage("long", call -> order.add("long")).build())
            .stage(stage("long2", call -> order.add("long2")).dependsOn("long").build())
            .stage(stage("long3", call -> order.add("long3")).dependsOn("long2").build())
            .stage(stage("heavy", call -> order.add("heavy")).build())
            .build();

    run(def, options(1));
    // ties (equal remaining path) go to the earlier-declared stage
    assertEquals(List.of("long", "long2", "short", "long3", "heavy"), order);

    order.clear();
    run(def, options(1).withExpectedDurations(Map.of("heavy", 10.0, "long", 2.0)));
    assertEquals(List.of("heavy", "long", "long2", "short", "long3"), order);
  }

  @Test
  void aCycleInADefinitionBuiltWithoutTheBuilderIsRejectedNotHung() {
    dev.stagecraft.runtime.graph.PipelineDefinition def =
        new dev.stagecraft.runtime.graph.PipelineDefinition(
            "loop",
            "",
            List.of(),
            List.of(
                stage("a", call -> null).dependsOn("b").build(),
                stage("b", call -> null).dependsOn("a").build(),
                stage("c", call -> null).build()));

    dev.stagecraft.runtime.graph.InvalidPipelineException e =
        assertThrows(
            dev.stagecraft.runtime.graph.InvalidPipelineException.class,
            () -> run(def, options(1)));
    assertEquals(
        "dependency cycle through stages a, b: build the definition with"
            + " PipelineDefinition.builder(...) to see the cycle",
        e.getMessage());
  }
}
