package dev.stagecraft.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The structure of a plan: groups, critical path, simulated makespan, metrics. */
class PlanAnalysisTest {
  private static final Condition ALWAYS = new Condition("true", List.of(), List.of(), s -> true);

  /** a -> b, c -> d, c twice a's cpu. */
  private static PipelineDefinition diamond() {
    return PipelineDefinition.builder("diamond")
        .stage(Pipelines.stage("a", StageType.INGESTION).build())
        .stage(Pipelines.stage("b", StageType.GENERIC).input(InputSpec.of("a")).build())
        .stage(
            Pipelines.stage("c", StageType.GENERIC)
                .input(InputSpec.of("a"))
                .resources(ResourceRequest.parse("2", "1Gi", 0))
                .condition(ALWAYS)
                .build())
        .stage(
            Pipelines.stage("d", StageType.GENERIC)
                .input(InputSpec.of("b"))
                .input(InputSpec.of("c"))
                .build())
        .build();
  }

  private static Plan plan(PipelineDefinition def, String cpu) {
    return Planner.plan(def, PlanRequest.of(ResourceRequest.parse(cpu, "64Gi", 0)));
  }

  @Test
  void aDiamondHasThreeLevelsAndTheFirstLongestPathIsCritical() {
    Plan plan = plan(diamond(), "3");

    assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d")), plan.parallelGroups());
    assertEquals(Map.of("a", 1, "b,c", 1, "d", 1), plan.maxParallel());
    assertEquals(List.of("a", "b", "d"), plan.criticalPath());
    assertEquals(900, plan.predicted().criticalPathSeconds());
    // reserved core-seconds: 300 s each on 1, 1, 2 and 1 cores, over 3 cores
    assertEquals((300 + 300 + 600 + 300) / 3.0, plan.predicted().resourceBoundSeconds(), 1e-9);
    assertEquals(OptionalDouble.of(900), plan.predicted().makespanSeconds());
    assertEquals(Prediction.NO_HISTORY, plan.stage("b").orElseThrow().predicted());
  }

  @Test
  void theMakespanFollowsTheCapacity() {
    Plan narrow = plan(diamond(), "2");

    assertEquals(Map.of("a", 1, "b,c", 1, "d", 1), narrow.maxParallel());
    assertEquals(OptionalDouble.of(1200), narrow.predicted().makespanSeconds());
  }

  @Test
  void maxParallelIsBoundedByTheLargestCpuAndMemoryOfAGroup() {
    PipelineDefinition def =
        PipelineDefinition.builder("wide")
            .stage(Pipelines.stage("x", StageType.GENERIC).build())
            .stage(Pipelines.stage("y", StageType.GENERIC).build())
            .stage(
                Pipelines.stage("z", StageType.GENERIC)
                    .resources(ResourceRequest.parse("1", "3Gi", 0))
                    .build())
            .build();

    Plan plan = Planner.plan(def, PlanRequest.of(ResourceRequest.parse("8", "7Gi", 0)));

    // the formula takes the largest request for every stage; the simulation reserves each one's
    assertEquals(Map.of("x,y,z", 2), plan.maxParallel());
    assertEquals(OptionalDouble.of(300), plan.predicted().makespanSeconds());
  }

  @Test
  void fanOutInstancesCountInTheMakespanWithinTheirBound() {
    PipelineDefinition def =
        PipelineDefinition.builder("fan")
            .stage(
                Pipelines.stage("train", StageType.TRAINING)
                    .fanOut(new FanOut.Items(List.of(1, 2, 3, 4)))
                    .parallelism(2)
                    .build())
            .build();

    assertEquals(OptionalDouble.of(600), plan(def, "8").predicted().makespanSeconds());
    assertEquals(4 * 300 / 8.0, plan(def, "8").predicted().resourceBoundSeconds(), 1e-9);
  }

  @Test
  void metricsFollowTheirFormulas() {
    PlanMetrics m = plan(diamond(), "3").metrics();

    assertEquals(4, m.nodeCount());
    assertEquals(4 / 12.0, m.dependencyDensity(), 1e-12);
    assertEquals(2, m.conditionalBranches());
    // cpu 1, 1, 2, 1: mean 1.25, population standard deviation sqrt(0.1875)
    assertEquals(1 + Math.sqrt(0.1875), m.resourceVariability(), 1e-12);
    assertEquals(4 * (4 / 12.0) * 2 * (1 + Math.sqrt(0.1875)), m.complexityScore(), 1e-12);
    assertEquals(PlanMetrics.Shape.DAG, m.shape());
  }

  @Test
  void aChainWithoutFanOutIsLinear() {
    PipelineDefinition chain =
        PipelineDefinition.builder("chain")
            .stage(Pipelines.stage("a", StageType.INGESTION).build())
            .stage(Pipelines.stage("b", StageType.GENERIC).dependsOn("a").build())
            .stage(Pipelines.stage("c", StageType.GENERIC).input(InputSpec.of("b")).build())
            .build();
    PipelineDefinition fanned =
        PipelineDefinition.builder("fanned")
            .stage(Pipelines.stage("a", StageType.INGESTION).build())
            .stage(
                Pipelines.stage("b", StageType.GENERIC)
                    .dependsOn("a")
                    .fanOut(new FanOut.Items(List.of(1, 2)))
                    .build())
            .build();

    assertEquals(PlanMetrics.Shape.LINEAR, plan(chain, "1").metrics().shape());
    assertEquals(1.0, plan(chain, "1").metrics().resourceVariability());
    assertEquals(PlanMetrics.Shape.DAG, plan(fanned, "1").metrics().shape());
  }

  @Test
  void anExcludedStageLeavesTheStructureAndNothingWaitsForIt() {
    PipelineDefinition def =
        PipelineDefinition.builder("skip")
            .stage(Pipelines.stage("a", StageType.INGESTION).build())
            .stage(Pipelines.stage("v", StageType.VALIDATION).dependsOn("a").build())
            .stage(Pipelines.stage("c", StageType.GENERIC).dependsOn("v").build())
            .build();

    Plan plan =
        Planner.plan(
            def,
            PlanRequest.of(Pipelines.BIG)
                .withProfile(Profile.parse(Map.of("environment", "production"))));

    assertEquals(List.of(List.of("a", "c")), plan.parallelGroups());
    assertEquals(List.of("a"), plan.criticalPath());
    assertEquals(3, plan.metrics().nodeCount());
  }
}
