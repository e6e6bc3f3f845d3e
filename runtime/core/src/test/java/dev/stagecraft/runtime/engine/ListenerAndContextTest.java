package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ListenerAndContextTest {
  @TempDir Path tmp;

  @Test
  void listenersSeeTheRunEveryAttemptAndEveryFinalStateWithItsCost() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    List<StageExecution> finished = Collections.synchronizedList(new ArrayList<>());
    RunListener listener =
        new RunListener() {
          @Override
          public void runStarted(RunInfo run) {
            events.add("run " + run.pipeline() + " " + run.params());
          }

          @Override
          public void stageStarted(String runId, String instance, int attempt, Instant at) {
            events.add("start " + instance + " #" + attempt);
          }

          @Override
          public void stageFinished(String runId, StageExecution execution) {
            finished.add(execution);
          }

          @Override
          public void runFinished(String runId, RunStatus status, Instant end) {
            events.add("end " + status);
          }
        };
    PipelineDefinition def =
        pipeline("observed")
            .param(ParamSpec.optional("n", ParamType.INT, "", "3"))
            .stage(
                stage(
                        "work",
                        call -> {
                          long[] garbage = new long[100_000];
                          call.context().metric("loss", 0.25);
                          return garbage; // escapes, so the allocation cannot be optimised away
                        })
                    .build())
            .stage(
                stage("fan", call -> call.item())
                    .fanOut(new FanOut.Items(List.of("x", "y")))
                    .build())
            .stage(
                stage("skipped", call -> null)
                    .condition(
                        new dev.stagecraft.runtime.graph.Condition(
                            "false", List.of(), List.of(), scope -> false))
                    .build())
            .build();

    RunResult r =
        PipelineRunner.run(def, Map.of(), options(1).withListener(listener).withRunId("run-1"));

    assertEquals("run-1", r.runId());
    assertEquals("run observed {n=3}", events.get(0));
    assertEquals("end SUCCEEDED", events.get(events.size() - 1));
    assertTrue(events.contains("start work #1"));
    assertTrue(events.contains("start fan[1] #1"));
    assertEquals(4, finished.size());
    StageExecution work =
        finished.stream().filter(e -> e.instance().equals("work")).findFirst().orElseThrow();
    assertEquals(StageStatus.SUCCEEDED, work.status());
    assertEquals(Map.of("loss", 0.25), work.metrics());
    assertTrue(work.allocatedBytes() >= 800_000, "allocated " + work.allocatedBytes());
    assertTrue(work.start().isPresent() && work.end().isPresent());
    StageExecution fan1 =
        finished.stream().filter(e -> e.instance().equals("fan[1]")).findFirst().orElseThrow();
    assertEquals(Optional.of(1), fan1.index());
    assertEquals(Optional.of("y"), fan1.item());
    StageExecution skipped =
        finished.stream().filter(e -> e.instance().equals("skipped")).findFirst().orElseThrow();
    assertEquals(StageStatus.SKIPPED, skipped.status());
    assertEquals(Optional.empty(), skipped.start());
    assertEquals(Map.of("loss", 0.25), r.outcome("work").orElseThrow().metrics());
  }

  @Test
  void theContextNamesTheExecutionAndGivesAScratchDirectoryRemovedWhenTheRunSucceeds() {
    List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    PipelineDefinition def =
        pipeline("ctx")
            .stage(stage("prep", call -> "p").build())
            .stage(
                stage(
                        "train",
                        call -> {
                          StageContext c = call.context();
                          Path scratch = c.scratchDir();
                          Files.writeString(scratch.resolve("f.txt"), "x");
                          assertEquals(tmp.resolve("r7").resolve("train[0]"), scratch);
                          seen.add(
                              List.of(
                                  c.runId(),
                                  c.pipelineName(),
                                  c.stageName(),
                                  c.instanceName(),
                                  c.attempt(),
                                  c.item(),
                                  c.resources().milliCpu(),
                                  c.isCancelled(),
                                  scratch.startsWith(tmp)));
                          c.logger().info("training {}", c.instanceName());
                          return null;
                        })
                    .input(InputSpec.of("prep"))
                    .fanOut(new FanOut.Items(List.of("a")))
                    .build())
            .build();

    PipelineRunner.run(def, Map.of(), options(1).withRunId("r7").withScratchRoot(tmp));

    assertEquals(
        List.of(List.of("r7", "ctx", "train", "train[0]", 1, Optional.of("a"), 1000L, false, true)),
        seen);
    assertFalse(Files.exists(tmp.resolve("r7")), "the succeeded run's scratch space is removed");
  }

  @Test
  void aRunningStagesProgressReachesTheListenersBeforeItEnds() throws Exception {
    CountDownLatch seen = new CountDownLatch(1);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    RunListener listener =
        new RunListener() {
          @Override
          public void stageProgress(String runId, String instance, String message, Instant at) {
            events.add(instance + ": " + message);
            seen.countDown();
          }

          @Override
          public void stageFinished(String runId, StageExecution execution) {
            events.add("end " + execution.instance());
          }
        };
    PipelineDefinition def =
        pipeline("long")
            .stage(
                stage(
                        "train",
                        call -> {
                          call.context().progress("trial 1/8, fold 2/3");
                          // the stage goes on only once a listener has the message: it was
                          // reported while the stage was running, not at its end
                          if (!seen.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("no listener saw the progress");
                          }
                          return null;
                        })
                    .build())
            .build();

    RunResult r = PipelineRunner.run(def, Map.of(), options(1).withListener(listener));

    assertEquals(StageStatus.SUCCEEDED, r.outcome("train").orElseThrow().status());
    assertEquals(List.of("train: trial 1/8, fold 2/3", "end train"), events);
  }

  @Test
  void parallelismIsTheReservedCpuRoundedUpToWholeCores() {
    Map<Long, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();
    PipelineDefinition.Builder b = pipeline("threads");
    for (long milliCpu : List.of(0L, 250L, 1000L, 1500L, 2000L)) {
      b.stage(
          StageSpec.builder("s" + milliCpu)
              .resources(new ResourceRequest(milliCpu, 1 << 20, 0))
              .body(call -> seen.put(milliCpu, call.context().parallelism()))
              .build());
    }

    PipelineRunner.run(b.build(), Map.of(), options(2));

    assertEquals(Map.of(0L, 1, 250L, 1, 1000L, 1, 1500L, 2, 2000L, 2), seen);
  }

  @Test
  void aStagesEndIsReportedBeforeItsDependentsStart() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    RunListener listener =
        new RunListener() {
          @Override
          public void stageStarted(String runId, String instance, int attempt, Instant at) {
            events.add("start " + instance);
          }

          @Override
          public void stageFinished(String runId, StageExecution execution) {
            events.add("end " + execution.instance());
          }
        };
    PipelineDefinition.Builder b = pipeline("chain").stage(stage("s0", call -> null).build());
    for (int i = 1; i < 30; i++) {
      b.stage(stage("s" + i, call -> null).dependsOn("s" + (i - 1)).build());
      b.stage(stage("t" + i, call -> null).dependsOn("s" + (i - 1)).build());
    }

    PipelineRunner.run(b.build(), Map.of(), options(2).withListener(listener));

    for (int i = 1; i < 30; i++) {
      int end = events.indexOf("end s" + (i - 1));
      assertTrue(
          end >= 0 && end < events.indexOf("start s" + i) && end < events.indexOf("start t" + i),
          events.toString());
    }
  }
}
