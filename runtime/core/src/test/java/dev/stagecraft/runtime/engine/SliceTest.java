package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SliceTest {
  private static final Slice.Upstream PREP_DONE = new Slice.Upstream(StageStatus.SUCCEEDED, "", 20);

  private final List<String> heard = new ArrayList<>();

  private final RunListener recorder =
      new RunListener() {
        @Override
        public void runStarted(RunInfo run) {
          heard.add("run started");
        }

        @Override
        public void stageStarted(String runId, String instance, int attempt, java.time.Instant at) {
          heard.add(instance + " attempt " + attempt);
        }

        @Override
        public void attemptFailed(
            String runId, String instance, FailedAttempt attempt, Optional<Duration> retryIn) {
          heard.add(
              instance
                  + " attempt "
                  + attempt.attempt()
                  + " failed"
                  + (retryIn.isPresent() ? ", retried" : ""));
        }

        @Override
        public void stageFinished(String runId, StageExecution execution) {
          heard.add(execution.instance() + " " + execution.status());
        }
      };

  private RunResult slice(PipelineDefinition def, Slice slice) {
    return PipelineRunner.executeSlice(
        def,
        ParamResolver.fromText(def, Map.of()),
        options(2).withRunId("r1").withListener(recorder),
        slice);
  }

  @Test
  void runsOneStageWithItsInputsAsGivenAndNothingElse() {
    AtomicInteger prepCalls = new AtomicInteger();
    PipelineDefinition def =
        pipeline("p")
            .stage(stage("prep", c -> prepCalls.incrementAndGet()).build())
            .stage(
                stage("train", c -> c.<Integer>input("prep") * 2)
                    .input(InputSpec.of("prep"))
                    .build())
            .stage(stage("other", c -> 1).build())
            .build();
    RunResult r = slice(def, new Slice("train", Optional.empty(), 1, Map.of("prep", PREP_DONE)));
    assertEquals(List.of("train"), r.stages().stream().map(StageOutcome::name).toList());
    assertEquals(40, (Integer) r.output("train"));
    assertEquals(0, prepCalls.get());
    assertEquals(List.of("train attempt 1", "train SUCCEEDED"), heard);
  }

  @Test
  void aSkippedRequiredInputSkipsTheStageWithoutRunningIt() {
    PipelineDefinition def =
        pipeline("p")
            .stage(stage("prep", c -> 1).build())
            .stage(stage("train", c -> 2).input(InputSpec.of("prep")).build())
            .build();
    RunResult r =
        slice(
            def,
            new Slice(
                "train",
                Optional.empty(),
                1,
                Map.of("prep", new Slice.Upstream(StageStatus.SKIPPED, "off", null))));
    assertEquals(StageStatus.SKIPPED, r.stages().get(0).status());
    assertEquals("input 'prep' was skipped", r.stages().get(0).reason());
    assertEquals(List.of("train SKIPPED"), heard);
  }

  @Test
  void aFanOutInstanceRunsWithItsItemAndName() {
    PipelineDefinition def =
        pipeline("p")
            .stage(
                stage("train", c -> c.<String>item() + c.context().instanceName())
                    .fanOut(new FanOut.Items(List.of("a", "b", "c")))
                    .build())
            .build();
    RunResult r = slice(def, new Slice("train", Optional.of(1), 1, Map.of()));
    assertEquals("btrain[1]", r.stages().get(0).output().orElseThrow());
    assertEquals("train[1]", r.stages().get(0).name());
    RunResult outOfRange = slice(def, new Slice("train", Optional.of(3), 1, Map.of()));
    assertEquals(
        "fan-out stage 'train' has no item 3 (it has 3)", outOfRange.stages().get(0).reason());
  }

  @Test
  void aFanOutWithoutItemsSucceedsAsAWhole() {
    PipelineDefinition def =
        pipeline("p")
            .stage(stage("list", c -> List.of()).build())
            .stage(stage("each", c -> 1).fanOut(new FanOut.FromInput("list")).build())
            .build();
    RunResult r =
        slice(
            def,
            new Slice(
                "each",
                Optional.empty(),
                1,
                Map.of("list", new Slice.Upstream(StageStatus.SUCCEEDED, "", List.of()))));
    assertEquals(StageStatus.SUCCEEDED, r.stages().get(0).status());
    assertEquals(List.of(), r.output("each"));
  }

  @Test
  void aRetryableFailureIsReportedWithItsRetryAndTheLastAttemptAsFinal() {
    PipelineDefinition def =
        pipeline("p")
            .stage(
                stage(
                        "flaky",
                        c -> {
                          throw new IllegalStateException("attempt " + c.context().attempt());
                        })
                    .retries(1)
                    .build())
            .build();
    RunResult first = slice(def, new Slice("flaky", Optional.empty(), 1, Map.of()));
    assertEquals(StageStatus.FAILED, first.stages().get(0).status());
    assertEquals(
        List.of("flaky attempt 1", "flaky attempt 1 failed, retried", "flaky FAILED"), heard);
    heard.clear();
    RunResult second = slice(def, new Slice("flaky", Optional.empty(), 2, Map.of()));
    assertEquals(
        "IllegalStateException: attempt 2 (after 2 attempts)", second.stages().get(0).reason());
    assertEquals(List.of("flaky attempt 2", "flaky attempt 2 failed", "flaky FAILED"), heard);
  }

  @Test
  void anUpstreamStageWhoseOutcomeIsMissingIsRefused() {
    PipelineDefinition def =
        pipeline("p")
            .stage(stage("prep", c -> 1).build())
            .stage(stage("train", c -> 2).input(InputSpec.of("prep")).build())
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> slice(def, new Slice("train", Optional.empty(), 1, Map.of())));
    assertTrue(e.getMessage().contains("reads stage 'prep', whose outcome is not given"));
  }
}
