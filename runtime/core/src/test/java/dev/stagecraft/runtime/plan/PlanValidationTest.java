package dev.stagecraft.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plan is invalid when a remaining stage needs an excluded stage's output, or a stage does not
 * fit the capacity; every problem is listed and the plan is still whole.
 */
class PlanValidationTest {
  private static final Profile PREPROCESSED = Profile.parse(Map.of("data_preprocessed", "true"));
  private static final String WHY =
      "excluded by skip-preprocessing-when-preprocessed: data_preprocessed = true";

  private static Plan plan(PipelineDefinition def, Profile profile) {
    return Planner.plan(def, PlanRequest.of(Pipelines.BIG).withProfile(profile));
  }

  private static PipelineDefinition.Builder withPrep() {
    return PipelineDefinition.builder("p")
        .stage(Pipelines.stage("load", StageType.INGESTION).build())
        .stage(
            Pipelines.stage("prep", StageType.PREPROCESSING).input(InputSpec.of("load")).build());
  }

  @Test
  void anOptionalConsumerOfAnExcludedStageLeavesThePlanValid() {
    Plan plan =
        plan(
            withPrep()
                .stage(
                    Pipelines.stage("train", StageType.TRAINING)
                        .input(InputSpec.optionalOf("prep"))
                        .input(InputSpec.of("load"))
                        .build())
                .build(),
            PREPROCESSED);

    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(WHY, plan.stage("prep").orElseThrow().reason());
  }

  @Test
  void aNonOptionalConsumerOfAnExcludedStageMakesThePlanInvalid() {
    Plan plan =
        plan(
            withPrep()
                .stage(
                    Pipelines.stage("train", StageType.TRAINING)
                        .input(InputSpec.of("prep"))
                        .build())
                .build(),
            PREPROCESSED);

    assertFalse(plan.valid());
    assertEquals(
        List.of(
            "stage 'train' needs the output of 'prep' (a non-Optional @Input), but the plan"
                + " excludes it ("
                + WHY
                + "): declare the input Optional, or keep 'prep' (change the profile or the"
                + " template)"),
        plan.problems());
    assertEquals(3, plan.stages().size(), "the whole plan is still there");
  }

  @Test
  void aPlainDependencyOnAnExcludedStageIsNoProblem() {
    Plan plan =
        plan(
            withPrep()
                .stage(Pipelines.stage("train", StageType.TRAINING).dependsOn("prep").build())
                .build(),
            PREPROCESSED);

    assertTrue(plan.valid(), plan.problems().toString());
  }

  @Test
  void aFanOutOverOrAConditionOnAnExcludedStageMakesThePlanInvalid() {
    Condition readsPrep = new Condition("prep.ready", List.of("prep"), List.of(), scope -> true);
    Plan plan =
        plan(
            withPrep()
                .stage(
                    Pipelines.stage("train", StageType.TRAINING)
                        .fanOut(new FanOut.FromInput("prep"))
                        .build())
                .stage(Pipelines.stage("report", StageType.GENERIC).condition(readsPrep).build())
                .build(),
            PREPROCESSED);

    assertEquals(
        List.of(
            "stage 'train' fans out over the output of 'prep', but the plan excludes it ("
                + WHY
                + "): keep 'prep' (change the profile or the template)",
            "stage 'report' has @When(\"prep.ready\"), which reads 'prep', but the plan excludes"
                + " it ("
                + WHY
                + "): keep 'prep' (change the profile or the template)"),
        plan.problems());
  }

  @Test
  void everyStageThatDoesNotFitTheCapacityIsAProblemNamingWhatRaisedIt() {
    PipelineDefinition def =
        PipelineDefinition.builder("p")
            .stage(Pipelines.stage("load", StageType.INGESTION).build())
            .stage(
                Pipelines.stage("huge", StageType.GENERIC)
                    .resources(ResourceRequest.parse("8", "1Gi", 0))
                    .build())
            .stage(Pipelines.stage("train", StageType.TRAINING).build())
            .build();
    Plan plan =
        Planner.plan(
            def,
            PlanRequest.of(ResourceRequest.parse("2", "8Gi", 0))
                .withProfile(Profile.parse(Map.of("model_complexity", "high"))));

    assertEquals(
        List.of(
            "stage 'huge' asks cpu=8, memory=1Gi, gpu=0 but the capacity is cpu=2, memory=8Gi,"
                + " gpu=0: raise --max-cpu, --max-memory or --gpus, or lower its @Resources",
            "stage 'train' asks cpu=1, memory=16Gi, gpu=2 but the capacity is cpu=2, memory=8Gi,"
                + " gpu=0: raise --max-cpu, --max-memory or --gpus, or change what raised it"
                + " (training-resources-by-complexity)"),
        plan.problems());
    assertTrue(plan.predicted().makespanSeconds().isEmpty());
  }

  @Test
  void anExcludedStageNeedNotFitTheCapacity() {
    PipelineDefinition def =
        PipelineDefinition.builder("p")
            .stage(
                Pipelines.stage("validate", StageType.VALIDATION)
                    .resources(ResourceRequest.parse("64", "1Gi", 0))
                    .build())
            .build();
    Plan plan =
        Planner.plan(
            def,
            PlanRequest.of(ResourceRequest.parse("2", "8Gi", 0))
                .withProfile(Profile.parse(Map.of("environment", "production"))));

    assertTrue(plan.valid(), plan.problems().toString());
  }
}
