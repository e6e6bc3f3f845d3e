package dev.stagecraft.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A resolved plan runs as decided, and an invalid one does not run. */
@Timeout(30)
class PlannedRunTest {
  private static final RunOptions OPTIONS =
      RunOptions.defaults()
          .withMaxMilliCpu(64_000)
          .withMaxMemoryBytes(256L << 30)
          .withGpus(8)
          .withSleeper(d -> {});

  private static PipelineDefinition pipeline() {
    Condition notProduction =
        new Condition(
            "profile.environment != 'production'",
            List.of(),
            List.of(),
            scope -> !"production".equals(scope.profile("environment")));
    return PipelineDefinition.builder("planned")
        .stage(
            Pipelines.stage("load", StageType.INGESTION)
                .body(call -> call.context().parallelism())
                .build())
        .stage(
            Pipelines.stage("validate", StageType.VALIDATION).input(InputSpec.of("load")).build())
        .stage(Pipelines.stage("report", StageType.GENERIC).condition(notProduction).build())
        .stage(
            Pipelines.stage("train", StageType.TRAINING)
                .input(InputSpec.optionalOf("validate"))
                .body(call -> call.context().resources())
                .build())
        .build();
  }

  @Test
  void aPlanRunsWithItsExclusionsProfileParallelismAndResources() {
    Plan plan =
        Planner.plan(
            pipeline(),
            PlanRequest.of(OPTIONS.capacity())
                .withProfile(
                    Profile.parse(
                        Map.of(
                            "environment", "production",
                            "data_size", "2e9",
                            "model_complexity", "high"))));

    RunResult r = PlannedRun.run(pipeline(), plan, OPTIONS);

    assertEquals(4, (int) r.output("load"));
    assertEquals(StageStatus.SKIPPED, r.outcome("validate").orElseThrow().status());
    assertEquals(
        "excluded by skip-validation-in-production: environment = production",
        r.outcome("validate").orElseThrow().reason());
    assertEquals(StageStatus.SKIPPED, r.outcome("report").orElseThrow().status());
    assertEquals(ResourceRequest.parse("2", "16Gi", 2), r.output("train"));
  }

  @Test
  void anInvalidPlanDoesNotRunAndSaysWhy() {
    Plan plan =
        Planner.plan(
            pipeline(),
            PlanRequest.of(ResourceRequest.parse("2", "4Gi", 0))
                .withProfile(Profile.parse(Map.of("model_complexity", "high"))));

    InvalidPlanException e =
        assertThrows(InvalidPlanException.class, () -> PlannedRun.run(pipeline(), plan, OPTIONS));

    assertEquals(plan.problems(), e.problems());
    assertEquals(1, e.problems().size());
  }
}
