package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.run;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a run takes from its plan: excluded stages, the profile conditions read, parallelism
 * (threads, and the bound on a fan-out's instances) and optimizations.
 */
@Timeout(30)
class PlanHooksTest {
  private static final String REASON =
      "excluded by skip-validation-in-production: environment = production";

  private static PipelineDefinition validated() {
    return pipeline("validated")
        .stage(stage("load", call -> "rows").build())
        .stage(
            stage("validate", call -> "checked " + call.input("load"))
                .input(InputSpec.of("load"))
                .build())
        .stage(
            stage("train", call -> "trained, " + call.optionalInput("validate").orElse("unchecked"))
                .input(InputSpec.optionalOf("validate"))
                .dependsOn("load")
                .build())
        .stage(
            stage("report", call -> call.input("validate")).input(InputSpec.of("validate")).build())
        .stage(stage("deploy", call -> "deployed").dependsOn("validate").build())
        .build();
  }

  @Test
  void anExcludedStageEndsSkippedWithItsReasonAndItsConsumersFollowTheSkipRules() {
    RunResult r = run(validated(), options(2).withExclusions(Map.of("validate", REASON)));

    StageOutcome validate = r.outcome("validate").orElseThrow();
    assertEquals(StageStatus.SKIPPED, validate.status());
    assertEquals(REASON, validate.reason());
    assertEquals(0, validate.attempts());
    assertEquals("trained, unchecked", r.output("train"));
    assertEquals(StageStatus.SKIPPED, r.outcome("report").orElseThrow().status());
    assertEquals("input 'validate' was skipped", r.outcome("report").orElseThrow().reason());
    assertEquals("deployed", r.output("deploy"));
  }

  @Test
  void anExcludedStageIsSkippedEvenWhenItsUpstreamStageFails() {
    PipelineDefinition def =
        pipeline("failing")
            .stage(
                stage(
                        "load",
                        call -> {
                          throw new IllegalStateException("no data");
                        })
                    .build())
            .stage(stage("validate", call -> "ok").input(InputSpec.of("load")).build())
            .build();

    RunResult r = run(def, options(1).withExclusions(Map.of("validate", REASON)));

    assertEquals(StageStatus.FAILED, r.outcome("load").orElseThrow().status());
    assertEquals(StageStatus.SKIPPED, r.outcome("validate").orElseThrow().status());
    assertEquals(REASON, r.outcome("validate").orElseThrow().reason());
  }

  @Test
  void anExcludedStageDoesNotNeedToFitTheCapacity() {
    PipelineDefinition def =
        pipeline("huge")
            .stage(stage("small", call -> "ok").build())
            .stage(
                stage("huge", call -> "never")
                    .resources(ResourceRequest.parse("64", "1Mi", 8))
                    .build())
            .build();

    assertThrows(PlanningException.class, () -> run(def, options(1)));
    RunResult r = run(def, options(1).withExclusions(Map.of("huge", "excluded by test")));
    assertEquals(RunStatus.SUCCEEDED, r.status());
  }

  @Test
  void excludingAStageThePipelineDoesNotHaveIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> run(validated(), options(1).withExclusions(Map.of("valdate", REASON))));
  }

  @Test
  void conditionsReadTheRunsProfileAndAnAbsentFactIsNull() {
    Condition notProduction =
        new Condition(
            "profile.environment != 'production'",
            List.of(),
            List.of(),
            scope ->
                !java.util.Objects.equals(
                    scope.saw("profile.environment", scope.<String>profile("environment")),
                    "production"));
    PipelineDefinition def =
        pipeline("gated")
            .stage(stage("validate", call -> "checked").condition(notProduction).build())
            .build();

    RunResult production = run(def, options(1).withProfile(Map.of("environment", "production")));
    RunResult none = run(def, options(1));

    assertEquals(StageStatus.SKIPPED, production.outcome("validate").orElseThrow().status());
    assertEquals(
        "profile.environment != 'production' was false (profile.environment = 'production')",
        production.outcome("validate").orElseThrow().reason());
    assertEquals("checked", none.output("validate"));
  }

  @Test
  void aStageSeesItsParallelismAndOptimizations() {
    PipelineDefinition def =
        pipeline("contexts")
            .stage(
                stage("byCores", call -> call.context().parallelism())
                    .resources(ResourceRequest.parse("1500m", "1Mi", 0))
                    .build())
            .stage(
                stage("raised", call -> call.context().parallelism())
                    .parallelism(4)
                    .optimizations("batch_processing", "cache_warming")
                    .build())
            .stage(
                stage("tuned", call -> call.context().optimizations())
                    .optimizations("batch_processing", "cache_warming")
                    .build())
            .stage(
                stage("instances", call -> call.context().parallelism())
                    .resources(ResourceRequest.parse("2", "1Mi", 0))
                    .fanOut(new FanOut.Items(List.of("a", "b")))
                    .parallelism(1)
                    .build())
            .build();

    RunResult r = run(def, options(4));

    assertEquals(2, (int) r.output("byCores"));
    assertEquals(4, (int) r.output("raised"));
    assertEquals(List.of("batch_processing", "cache_warming"), r.output("tuned"));
    assertEquals(List.of(2, 2), r.output("instances"));
  }

  @Test
  void aFanOutStageRunsAtMostItsParallelismOfInstancesAtOnce() {
    AtomicInteger running = new AtomicInteger();
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    PipelineDefinition def =
        pipeline("bounded")
            .stage(
                stage(
                        "work",
                        call -> {
                          int now = running.incrementAndGet();
                          seen.add(now);
                          // wait until a partner runs too (or give up): a bound of 2 pairs them
                          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                          while (running.get() < 2 && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                          }
                          seen.add(running.get());
                          running.decrementAndGet();
                          return call.item();
                        })
                    .fanOut(new FanOut.Items(List.of(1, 2, 3, 4, 5, 6)))
                    .parallelism(2)
                    .build())
            .build();

    RunResult r = run(def, options(6));

    assertEquals(List.of(1, 2, 3, 4, 5, 6), r.output("work"));
    assertEquals(2, seen.stream().mapToInt(Integer::intValue).max().orElseThrow());
  }

  @Test
  void aFanOutStageWithoutParallelismRunsEveryInstanceThatFits() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    PipelineDefinition def =
        pipeline("unbounded")
            .stage(
                stage(
                        "work",
                        call -> {
                          most.accumulateAndGet(running.incrementAndGet(), Math::max);
                          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                          while (running.get() < 3 && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                          }
                          return Optional.empty();
                        })
                    .fanOut(new FanOut.Items(List.of(1, 2, 3)))
                    .build())
            .build();

    run(def, options(3));

    assertEquals(3, most.get());
  }

  @Test
  void aStageContextOfAPlainStageDefaultsToItsCoresRoundedUp() {
    StageContext[] seen = new StageContext[1];
    PipelineDefinition def =
        pipeline("tiny")
            .stage(
                stage(
                        "tiny",
                        call -> {
                          seen[0] = call.context();
                          return "ok";
                        })
                    .resources(ResourceRequest.parse("100m", "1Mi", 0))
                    .build())
            .build();

    run(def, options(1));

    assertEquals(1, seen[0].parallelism());
    assertTrue(seen[0].optimizations().isEmpty());
  }
}
