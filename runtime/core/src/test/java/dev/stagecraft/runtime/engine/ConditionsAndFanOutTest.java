package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConditionsAndFanOutTest {
  record AbTest(double confidence, String winner) {}

  /** {@code abTest.confidence > 0.8}, as the processor would compile it. */
  static final Condition CONFIDENT =
      new Condition(
          "abTest.confidence > 0.8",
          List.of("abTest"),
          List.of(),
          scope ->
              scope.saw(
                      "abTest.confidence",
                      scope.<AbTest>notNull("abTest", scope.output("abTest")).confidence())
                  > 0.8);

  /** {@code enableAbTesting}. */
  static final Condition ENABLED =
      new Condition(
          "enableAbTesting",
          List.of(),
          List.of("enableAbTesting"),
          scope -> scope.saw("enableAbTesting", scope.<Boolean>param("enableAbTesting")));

  /** {@code abTest.winner == 'b'} with null navigation checked. */
  static final Condition WINNER_IS_B =
      new Condition(
          "abTest.winner.length() == 1",
          List.of("abTest"),
          List.of(),
          scope ->
              scope
                      .notNull(
                          "abTest.winner",
                          scope.<AbTest>notNull("abTest", scope.output("abTest")).winner())
                      .length()
                  == 1);

  private static PipelineDefinition abPipeline(double confidence, String winner) {
    return pipeline("ab")
        .param(ParamSpec.optional("enableAbTesting", ParamType.BOOLEAN, "", "true"))
        .stage(stage("abTest", call -> new AbTest(confidence, winner)).condition(ENABLED).build())
        .stage(
            stage("deploy", call -> "deployed " + call.<AbTest>input("abTest").winner())
                .input(InputSpec.of("abTest"))
                .condition(CONFIDENT)
                .build())
        .stage(
            stage(
                    "report",
                    call -> call.<AbTest>optionalInput("abTest").map(AbTest::winner).orElse("none"))
                .input(InputSpec.optionalOf("abTest"))
                .build())
        .stage(stage("cleanup", call -> "clean").dependsOn("abTest").build())
        .stage(stage("consume", call -> call.input("abTest")).input(InputSpec.of("abTest")).build())
        .stage(stage("checkWinner", call -> "checked").condition(WINNER_IS_B).build())
        .build();
  }

  @Test
  void aFalseConditionSkipsTheStageAndExplainsTheValuesItSaw() {
    RunResult r = PipelineRunner.run(abPipeline(0.62, "b"), Map.of(), options(2));

    assertEquals(RunStatus.SUCCEEDED, r.status());
    StageOutcome deploy = r.outcome("deploy").orElseThrow();
    assertEquals(StageStatus.SKIPPED, deploy.status());
    assertEquals("abTest.confidence > 0.8 was false (abTest.confidence = 0.62)", deploy.reason());
    assertEquals("b", r.output("report"));
    assertEquals("checked", r.output("checkWinner"));
  }

  @Test
  void aTrueConditionRunsTheStage() {
    RunResult r = PipelineRunner.run(abPipeline(0.93, "b"), Map.of(), options(2));

    assertEquals("deployed b", r.output("deploy"));
  }

  @Test
  void aSkippedProducerSkipsRequiredInputsButGivesOptionalOnesEmptyAndSatisfiesDependsOn() {
    RunResult r =
        PipelineRunner.run(abPipeline(0.93, "b"), Map.of("enableAbTesting", false), options(2));

    assertEquals(RunStatus.SUCCEEDED, r.status());
    assertEquals(
        "enableAbTesting was false (enableAbTesting = false)",
        r.outcome("abTest").orElseThrow().reason());
    assertEquals(StageStatus.SKIPPED, r.outcome("consume").orElseThrow().status());
    assertEquals("input 'abTest' was skipped", r.outcome("consume").orElseThrow().reason());
    assertEquals("none", r.output("report"));
    assertEquals("clean", r.output("cleanup"));
    StageOutcome deploy = r.outcome("deploy").orElseThrow();
    assertEquals(StageStatus.SKIPPED, deploy.status());
    assertEquals("input 'abTest' was skipped", deploy.reason());
    StageOutcome check = r.outcome("checkWinner").orElseThrow();
    assertEquals(StageStatus.SKIPPED, check.status());
    assertEquals(
        "condition abTest.winner.length() == 1 reads skipped stage 'abTest'", check.reason());
  }

  @Test
  void navigatingThroughNullFailsTheStageNamingThePath() {
    RunResult r = PipelineRunner.run(abPipeline(0.93, null), Map.of(), options(2));

    StageOutcome check = r.outcome("checkWinner").orElseThrow();
    assertEquals(StageStatus.FAILED, check.status());
    assertEquals(
        "condition 'abTest.winner.length() == 1' cannot be evaluated: abTest.winner is null",
        check.reason());
    assertEquals(RunStatus.FAILED, r.status());
  }

  @Test
  void fansOutOverLiteralItemsInParallelAndGivesTheConsumerOutputsInItemOrder() {
    CyclicBarrier allRunning = new CyclicBarrier(3);
    PipelineDefinition def =
        pipeline("fan")
            .stage(
                stage(
                        "train",
                        call -> {
                          allRunning.await(10, TimeUnit.SECONDS);
                          return "model-" + call.item();
                        })
                    .fanOut(new FanOut.Items(List.of("a", "b", "c")))
                    .build())
            .stage(
                stage("pick", call -> String.join(",", call.<List<String>>input("train")))
                    .input(InputSpec.of("train"))
                    .build())
            .build();

    RunResult r = PipelineRunner.run(def, Map.of(), options(3));

    assertEquals("model-a,model-b,model-c", r.output("pick"));
    assertEquals(List.of("model-a", "model-b", "model-c"), r.output("train"));
    assertEquals(
        List.of("train[0]", "train[1]", "train[2]", "pick"),
        r.stages().stream().map(StageOutcome::name).toList());
    assertEquals(Optional.of("b"), r.outcome("train[1]").orElseThrow().item());
    assertEquals("train", r.outcome("train[1]").orElseThrow().stage());
  }

  @Test
  void fansOutOverAListParameterAndAnUpstreamListIncludingEmptyOnes() {
    PipelineDefinition def =
        pipeline("fan")
            .param(ParamSpec.optional("sizes", ParamType.listOf(ParamType.INT), "", "1,2,3"))
            .stage(
                stage("square", call -> (int) call.item() * (int) call.item())
                    .fanOut(new FanOut.FromParam("sizes"))
                    .build())
            .stage(
                stage(
                        "sum",
                        call -> call.<List<Integer>>input("square").stream().mapToInt(i -> i).sum())
                    .input(InputSpec.of("square"))
                    .build())
            .stage(
                stage(
                        "words",
                        call ->
                            call.<List<Integer>>input("square").isEmpty()
                                ? List.of()
                                : List.of("x", "yy"))
                    .input(InputSpec.of("square"))
                    .build())
            .stage(
                stage("length", call -> ((String) call.item()).length())
                    .fanOut(new FanOut.FromInput("words"))
                    .build())
            .stage(
                stage("total", call -> call.<List<Integer>>input("length").size())
                    .input(InputSpec.of("length"))
                    .build())
            .build();

    RunResult r = PipelineRunner.runText(def, Map.of(), options(2));
    assertEquals(14, (int) r.output("sum"));
    assertEquals(List.of(1, 2), r.output("length"));
    assertEquals(Optional.of("yy"), r.outcome("length[1]").orElseThrow().item());

    RunResult empty = PipelineRunner.runText(def, Map.of("sizes", ""), options(2));
    assertEquals(RunStatus.SUCCEEDED, empty.status());
    assertEquals(0, (int) empty.output("sum"));
    assertEquals(List.of(), empty.output("square"));
    assertEquals(StageStatus.SUCCEEDED, empty.outcome("square").orElseThrow().status());
    assertEquals(0, (int) empty.output("total"));
  }

  @Test
  void aFailingInstanceFailsTheStageWhileTheOtherInstancesFinish() {
    PipelineDefinition def =
        pipeline("fan")
            .stage(
                stage(
                        "train",
                        call -> {
                          if (call.item().equals("b")) {
                            throw new IllegalStateException("variant b diverged");
                          }
                          return "model-" + call.item();
                        })
                    .fanOut(new FanOut.Items(List.of("a", "b", "c")))
                    .build())
            .stage(stage("pick", call -> "picked").input(InputSpec.of("train")).build())
            .build();

    RunResult r = PipelineRunner.run(def, Map.of(), options(2));

    assertEquals(RunStatus.FAILED, r.status());
    assertEquals(StageStatus.SUCCEEDED, r.outcome("train[0]").orElseThrow().status());
    assertEquals(StageStatus.FAILED, r.outcome("train[1]").orElseThrow().status());
    assertEquals(
        "IllegalStateException: variant b diverged", r.outcome("train[1]").orElseThrow().reason());
    assertEquals(StageStatus.SUCCEEDED, r.outcome("train[2]").orElseThrow().status());
    assertEquals(StageStatus.UPSTREAM_FAILED, r.outcome("pick").orElseThrow().status());
    assertEquals("upstream stage 'train' failed", r.outcome("pick").orElseThrow().reason());
  }

  @Test
  void aFanOutOverASkippedInputIsSkipped() {
    PipelineDefinition def =
        pipeline("fan")
            .param(ParamSpec.optional("enableAbTesting", ParamType.BOOLEAN, "", "false"))
            .stage(stage("variants", call -> List.of("a")).condition(ENABLED).build())
            .stage(
                stage("train", call -> call.item())
                    .fanOut(new FanOut.FromInput("variants"))
                    .build())
            .build();

    RunResult r = PipelineRunner.run(def, Map.of(), options(2));

    assertEquals(StageStatus.SKIPPED, r.outcome("train").orElseThrow().status());
    assertEquals("fan-out input 'variants' was skipped", r.outcome("train").orElseThrow().reason());
    assertFalse(r.outcome("train[0]").isPresent());
    assertTrue(r.status() == RunStatus.SUCCEEDED);
  }

  @Test
  void aFanOutInputThatIsNotAListFailsTheStage() {
    PipelineDefinition def =
        pipeline("fan")
            .stage(stage("variants", call -> null).build())
            .stage(
                stage("train", call -> call.item())
                    .fanOut(new FanOut.FromInput("variants"))
                    .build())
            .build();

    RunResult r = PipelineRunner.run(def, Map.of(), options(2));

    assertEquals(StageStatus.FAILED, r.outcome("train").orElseThrow().status());
    assertEquals(
        "fan-out input 'variants' returned null, not a List",
        r.outcome("train").orElseThrow().reason());
  }
}
