package dev.stagecraft.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The tenant's part of a plan, with hand-worked numbers: defaults for what a stage did not write,
 * and the quota's three policies (reject, scale_down, queue), and a stage larger than the quota.
 */
class TenantQuotaTest {
  private static final long GI = 1L << 30;

  /** a (2 cpu, 4Gi), b (2 cpu, 2Gi, 2 gpu), c (DSL defaults: it wrote nothing). */
  private static PipelineDefinition pipeline() {
    return PipelineDefinition.builder("p")
        .stage(
            StageSpec.builder("a")
                .type(StageType.INGESTION)
                .resources(ResourceRequest.parse("2", "4Gi", 0))
                .body(call -> "a")
                .build())
        .stage(
            StageSpec.builder("b")
                .type(StageType.TRAINING)
                .input(InputSpec.of("a"))
                .resources(ResourceRequest.parse("2", "2Gi", 2))
                .body(call -> "b")
                .build())
        .stage(
            StageSpec.builder("c")
                .type(StageType.EVALUATION)
                .input(InputSpec.of("b"))
                .body(call -> "c")
                .build())
        .build();
  }

  private static TenantLimits limits(String cpu, String memory, int gpu, QuotaPolicy policy) {
    return new TenantLimits(
        "fraud",
        OptionalLong.empty(),
        OptionalLong.empty(),
        ResourceRequest.parse(cpu, memory, gpu),
        policy);
  }

  private static Plan plan(TenantLimits limits) {
    return Planner.plan(pipeline(), PlanRequest.of(Pipelines.BIG).withTenant(limits));
  }

  private static StagePlan stage(Plan plan, String name) {
    return plan.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theTenantsDefaultsApplyOnlyToWhatAStageDidNotWrite() {
    TenantLimits limits =
        new TenantLimits(
            "fraud",
            OptionalLong.of(500),
            OptionalLong.of(2 * GI),
            ResourceRequest.UNBOUNDED,
            QuotaPolicy.QUEUE);
    Plan plan = plan(limits);
    assertEquals(ResourceRequest.parse("2", "4Gi", 0), stage(plan, "a").resources());
    assertEquals(ResourceRequest.parse("500m", "2Gi", 0), stage(plan, "c").resources());
    assertEquals(
        List.of(
            new Change(
                "resources.cpu",
                dev.stagecraft.annotations.syntax.Quantities.formatCpu(
                    ResourceRequest.DEFAULT.milliCpu()),
                "500m",
                TenantQuota.DEFAULTS_RULE),
            new Change(
                "resources.memory",
                dev.stagecraft.annotations.syntax.Quantities.formatBytes(
                    ResourceRequest.DEFAULT.memoryBytes()),
                "2Gi",
                TenantQuota.DEFAULTS_RULE)),
        stage(plan, "c").changes());
    assertTrue(stage(plan, "a").changes().isEmpty());
  }

  @Test
  void withinTheQuotaNoPolicyChangesAnything() {
    for (QuotaPolicy policy : QuotaPolicy.values()) {
      Plan plan = plan(limits("64", "64Gi", 8, policy));
      assertTrue(plan.valid(), plan.problems().toString());
      assertTrue(TenantQuota.refusal(plan, limits("64", "64Gi", 8, policy)).isEmpty());
      assertTrue(stage(plan, "b").changes().isEmpty());
    }
  }

  @Test
  void rejectRefusesARunNeedingMoreThanTheQuotaWithTheNumbers() {
    TenantLimits limits = limits("4", "8Gi", 4, QuotaPolicy.REJECT);
    Plan plan = plan(limits);
    ResourceRequest need =
        ResourceRequest.parse("2", "4Gi", 0)
            .withMilliCpu(4000 + ResourceRequest.DEFAULT.milliCpu())
            .withMemoryBytes(6 * GI + ResourceRequest.DEFAULT.memoryBytes())
            .withGpu(2);
    assertEquals(need, TenantQuota.required(plan.stages()));
    assertFalse(plan.valid());
    String expected =
        "tenant 'fraud' refuses the run: its stages need "
            + need
            + " in all, over the quota cpu=4, memory=8Gi, gpu=4 (policy reject; with scale_down"
            + " the stages would be scaled to fit, with queue they would wait for each other)";
    assertEquals(List.of(expected), plan.problems());
    assertEquals(Optional.of(expected), TenantQuota.refusal(plan, limits));
  }

  @Test
  void scaleDownScalesEveryStageByQuotaOverRequirementAndSaysSo() {
    // need: cpu 2 + 2 + default, memory 4Gi + 2Gi + default, gpu 2; quota cpu 2, memory 64Gi
    TenantLimits limits = limits("2", "64Gi", 8, QuotaPolicy.SCALE_DOWN);
    Plan plan = plan(limits);
    assertTrue(plan.valid(), plan.problems().toString());
    long needCpu = 4000 + ResourceRequest.DEFAULT.milliCpu();
    double f = 2000.0 / needCpu;
    assertEquals((long) Math.floor(2000 * f), stage(plan, "a").resources().milliCpu());
    assertEquals(
        (long) Math.floor(ResourceRequest.DEFAULT.milliCpu() * f),
        stage(plan, "c").resources().milliCpu());
    assertTrue(TenantQuota.required(plan.stages()).milliCpu() <= 2000);
    // memory was within the quota: unchanged
    assertEquals(4 * GI, stage(plan, "a").resources().memoryBytes());
    assertEquals(2, stage(plan, "b").resources().gpu());
    assertEquals(
        List.of(
            new Change(
                "resources.cpu",
                "2",
                dev.stagecraft.annotations.syntax.Quantities.formatCpu((long) Math.floor(2000 * f)),
                TenantQuota.SCALE_DOWN_RULE)),
        stage(plan, "a").changes());
  }

  @Test
  void gpusScaleDownToMaxOfOneAndFloorOfTheirShare() {
    // x 2 GPUs, y 2, z none: need 4, quota 2, f = 0.5: x and y get max(1, floor(1)) = 1, z keeps 0
    PipelineDefinition def =
        PipelineDefinition.builder("g")
            .stage(gpuStage("x", 2))
            .stage(gpuStage("y", 2))
            .stage(gpuStage("z", 0))
            .build();
    Plan plan =
        Planner.plan(
            def,
            PlanRequest.of(Pipelines.BIG)
                .withTenant(limits("8", "8Gi", 2, QuotaPolicy.SCALE_DOWN)));
    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(List.of(1, 1, 0), plan.stages().stream().map(s -> s.resources().gpu()).toList());
    assertEquals(
        List.of(new Change("resources.gpu", "2", "1", TenantQuota.SCALE_DOWN_RULE)),
        plan.stages().get(0).changes());
  }

  private static StageSpec gpuStage(String name, int gpu) {
    return StageSpec.builder(name)
        .resources(ResourceRequest.parse("1", "1Gi", gpu))
        .body(call -> name)
        .build();
  }

  @Test
  void aStageThatAskedForGpusKeepsAtLeastOne() {
    // need 2 GPUs, quota 1: f = 0.5; a stage of 1 GPU would get floor(0.5) = 0, but keeps 1
    PipelineDefinition def =
        PipelineDefinition.builder("g")
            .stage(
                StageSpec.builder("x")
                    .resources(ResourceRequest.parse("1", "1Gi", 1))
                    .body(call -> "x")
                    .build())
            .stage(
                StageSpec.builder("y")
                    .resources(ResourceRequest.parse("1", "1Gi", 1))
                    .body(call -> "y")
                    .build())
            .build();
    Plan plan =
        Planner.plan(
            def,
            PlanRequest.of(Pipelines.BIG)
                .withTenant(limits("8", "8Gi", 1, QuotaPolicy.SCALE_DOWN)));
    assertEquals(1, plan.stages().get(0).resources().gpu());
    assertEquals(1, plan.stages().get(1).resources().gpu());
    assertTrue(plan.stages().get(0).changes().isEmpty());
  }

  @Test
  void queueLeavesTheRunAsItIsToWaitForTheQuota() {
    TenantLimits limits = limits("4", "8Gi", 2, QuotaPolicy.QUEUE);
    Plan plan = plan(limits);
    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(ResourceRequest.parse("2", "2Gi", 2), stage(plan, "b").resources());
  }

  @Test
  void aStageLargerThanTheWholeQuotaIsRefusedUnderEveryPolicy() {
    for (QuotaPolicy policy : QuotaPolicy.values()) {
      TenantLimits limits = limits("64", "3Gi", 8, policy);
      Plan plan = plan(limits);
      assertFalse(plan.valid(), policy.name());
      String refusal = TenantQuota.refusal(plan, limits).orElseThrow();
      assertTrue(
          refusal.startsWith(
              "tenant 'fraud' cannot run stage 'a': it asks cpu=2, memory=4Gi, gpu=0, more than"
                  + " the tenant's whole quota (cpu=64, memory=3Gi, gpu=8); lower what it asks or"
                  + " raise the quota"),
          refusal);
    }
  }

  @Test
  void withoutATenantThePlanIsAsBefore() {
    Plan plan = Planner.plan(pipeline(), PlanRequest.of(Pipelines.BIG));
    assertTrue(plan.valid());
    assertEquals(ResourceRequest.DEFAULT, stage(plan, "c").resources());
  }
}
