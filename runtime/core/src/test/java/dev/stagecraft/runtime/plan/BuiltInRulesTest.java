package dev.stagecraft.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every built-in rule at and around its threshold, each change recorded with its rule. */
class BuiltInRulesTest {
  private static final long GI = 1L << 30;

  private static Plan plan(String... facts) {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    for (String fact : facts) {
      String[] kv = fact.split("=", 2);
      texts.put(kv[0], kv[1]);
    }
    return Planner.plan(
        Pipelines.everyType(), PlanRequest.of(Pipelines.BIG).withProfile(Profile.parse(texts)));
  }

  private static StagePlan stage(Plan plan, String name) {
    return plan.stage(name).orElseThrow();
  }

  private static List<Change> changes(Plan plan, String name, String rule) {
    return stage(plan, name).changes().stream().filter(c -> c.rule().equals(rule)).toList();
  }

  @ParameterizedTest(name = "data_size {0}: parallelism {1}")
  @CsvSource({"0, 1", "1000000, 1", "1000001, 2", "1e9, 2", "1000000001, 4", "2e9, 4"})
  void parallelismByDataSizeRaisesEveryStageAboveEachThreshold(String size, int parallelism) {
    Plan plan = plan("data_size=" + size);
    for (StagePlan s : plan.stages()) {
      assertEquals(OptionalInt.of(parallelism), s.parallelism(), s.name());
    }
    List<Change> load = changes(plan, "load", "parallelism-by-data-size");
    assertEquals(
        parallelism == 1
            ? List.of()
            : List.of(new Change("parallelism", "1", "" + parallelism, "parallelism-by-data-size")),
        load);
  }

  @Test
  void parallelismByDataSizeLeavesAnUnboundedFanOutUnboundedAndRaisesABound() {
    var def =
        dev.stagecraft.runtime.graph.PipelineDefinition.builder("fan")
            .stage(
                Pipelines.stage("free", dev.stagecraft.annotations.StageType.TRAINING)
                    .fanOut(new dev.stagecraft.runtime.graph.FanOut.Items(List.of(1, 2)))
                    .build())
            .stage(
                Pipelines.stage("bounded", dev.stagecraft.annotations.StageType.TRAINING)
                    .fanOut(new dev.stagecraft.runtime.graph.FanOut.Items(List.of(1, 2)))
                    .parallelism(1)
                    .build())
            .build();
    Plan plan =
        Planner.plan(
            def,
            PlanRequest.of(Pipelines.BIG).withProfile(Profile.parse(Map.of("data_size", "5e9"))));

    assertEquals(OptionalInt.empty(), stage(plan, "free").parallelism());
    assertTrue(
        stage(plan, "free").changes().stream().noneMatch(c -> c.field().equals("parallelism")));
    assertEquals(OptionalInt.of(4), stage(plan, "bounded").parallelism());
  }

  @ParameterizedTest(name = "model_complexity {0}")
  @CsvSource({"low, 0, 1Gi", "medium, 1, 1Gi", "high, 2, 16Gi"})
  void trainingResourcesByComplexity(String complexity, int gpu, String memory) {
    Plan plan = plan("model_complexity=" + complexity);
    StagePlan train = stage(plan, "train");
    assertEquals(gpu, train.resources().gpu());
    assertEquals(
        dev.stagecraft.annotations.syntax.Quantities.memoryBytes(memory),
        train.resources().memoryBytes());
    for (StagePlan s : plan.stages()) {
      if (!s.name().equals("train")) {
        assertTrue(s.changes().isEmpty(), s.name() + " " + s.changes());
      }
    }
    if (complexity.equals("high")) {
      assertEquals(
          List.of(
              new Change("resources.gpu", "0", "2", "training-resources-by-complexity"),
              new Change("resources.memory", "1Gi", "16Gi", "training-resources-by-complexity")),
          train.changes());
    }
  }

  @Test
  void trainingResourcesAreNumericMaximaNeverLowered() {
    var def =
        dev.stagecraft.runtime.graph.PipelineDefinition.builder("big-train")
            .stage(
                Pipelines.stage("train", dev.stagecraft.annotations.StageType.TRAINING)
                    .resources(ResourceRequest.parse("1", "64Gi", 4))
                    .build())
            .build();
    Plan plan =
        Planner.plan(
            def,
            PlanRequest.of(Pipelines.BIG)
                .withProfile(Profile.parse(Map.of("model_complexity", "high"))));
    assertEquals(ResourceRequest.parse("1", "64Gi", 4), stage(plan, "train").resources());
    assertTrue(stage(plan, "train").changes().isEmpty());
  }

  @ParameterizedTest(name = "latency_requirement {0}")
  @CsvSource({"standard, false", "low, false", "ultra_low, true"})
  void inferenceUltraLowLatency(String latency, boolean fires) {
    Plan plan = plan("latency_requirement=" + latency);
    StagePlan infer = stage(plan, "infer");
    if (fires) {
      assertEquals(
          List.of("model_quantization", "batch_processing", "cache_warming"),
          infer.optimizations());
      assertEquals(ResourceRequest.parse("4", "8Gi", 0), infer.resources());
      assertEquals(
          List.of(
              new Change(
                  "optimizations",
                  "[]",
                  "[model_quantization, batch_processing, cache_warming]",
                  "inference-ultra-low-latency"),
              new Change("resources.cpu", "1", "4", "inference-ultra-low-latency"),
              new Change("resources.memory", "1Gi", "8Gi", "inference-ultra-low-latency")),
          infer.changes());
    } else {
      assertEquals(List.of(), infer.optimizations());
      assertEquals(Pipelines.ONE, infer.resources());
    }
    assertEquals(Pipelines.ONE, stage(plan, "train").resources());
  }

  @ParameterizedTest(name = "{0}: {1} excluded")
  @CsvSource({
    "data_preprocessed=true, prep, skip-preprocessing-when-preprocessed, data_preprocessed = true",
    "environment=production, validate, skip-validation-in-production, environment = production",
    "pipeline_mode=inference, features, feature-engineering-only-in-training, pipeline_mode = inference"
  })
  void exclusionRulesExcludeTheirStageType(String fact, String stage, String rule, String why) {
    Plan plan = plan(fact);
    StagePlan excluded = stage(plan, stage);
    assertFalse(excluded.included());
    assertEquals("excluded by " + rule + ": " + why, excluded.reason());
    assertEquals(List.of(new Change("included", "true", "false", rule)), excluded.changes());
    assertEquals(1, plan.stages().stream().filter(s -> !s.included()).count());
    assertTrue(plan.valid(), plan.problems().toString());
  }

  @ParameterizedTest(name = "{0}: nothing excluded")
  @CsvSource({
    "data_preprocessed=false",
    "environment=dev",
    "environment=staging",
    "pipeline_mode=training",
    "priority=normal"
  })
  void exclusionRulesNeedTheirExactFact(String fact) {
    assertTrue(plan(fact).stages().stream().allMatch(StagePlan::included));
  }

  @Test
  void withoutAProfileNoRuleFiresAndNothingChanges() {
    Plan plan = Planner.plan(Pipelines.everyType(), PlanRequest.of(Pipelines.BIG));
    assertTrue(plan.rulesFired().isEmpty());
    assertTrue(plan.stages().stream().allMatch(s -> s.changes().isEmpty() && s.included()));
  }

  @ParameterizedTest(name = "data_size {0}: data stages' memory {1}")
  @CsvSource({
    "0, 1Gi",
    "1, 1Gi",
    "1e9, 1Gi",
    "2e10, 2G",
    "2Gi, 1Gi",
    "20Gi, 2Gi",
    "21474836481, 2049Mi"
  })
  void memoryByDataSizeGivesDataStagesATenthOfTheDataSize(String size, String memory) {
    Plan plan = plan("data_size=" + size);
    long bytes = dev.stagecraft.annotations.syntax.Quantities.memoryBytes(memory);
    for (String data :
        List.of("load", "prep", "features", "validate", "train", "evaluate", "infer")) {
      assertEquals(bytes, stage(plan, data).resources().memoryBytes(), data);
    }
    assertEquals(GI, stage(plan, "deploy").resources().memoryBytes());
    assertEquals(GI, stage(plan, "notify").resources().memoryBytes());
    assertEquals(!size.equals("0"), plan.rulesFired().contains("memory-by-data-size"));
  }

  @ParameterizedTest(name = "data_size {0}: data stages' cpu {1}")
  @CsvSource({"1e9, 1", "1000000001, 2", "5e10, 2"})
  void cpuByDataSizeDoublesDataStagesAboveOneGigabyte(String size, String cpu) {
    Plan plan = plan("data_size=" + size);
    long millis = dev.stagecraft.annotations.syntax.Quantities.cpuMillis(cpu);
    assertEquals(millis, stage(plan, "train").resources().milliCpu());
    assertEquals(1000, stage(plan, "deploy").resources().milliCpu());
    assertEquals(1000, stage(plan, "notify").resources().milliCpu());
  }

  @Test
  void cpuByDataSizeDoublesAtMostToSixteenAndNeverLowers() {
    var def =
        dev.stagecraft.runtime.graph.PipelineDefinition.builder("cpus")
            .stage(
                Pipelines.stage("ten", dev.stagecraft.annotations.StageType.TRAINING)
                    .resources(ResourceRequest.parse("10", "1Gi", 0))
                    .build())
            .stage(
                Pipelines.stage("twenty", dev.stagecraft.annotations.StageType.TRAINING)
                    .resources(ResourceRequest.parse("20", "1Gi", 0))
                    .build())
            .build();
    Plan plan =
        Planner.plan(
            def,
            PlanRequest.of(Pipelines.BIG).withProfile(Profile.parse(Map.of("data_size", "2e9"))));
    assertEquals(16_000, stage(plan, "ten").resources().milliCpu());
    assertEquals(20_000, stage(plan, "twenty").resources().milliCpu());
  }

  @ParameterizedTest(name = "priority {0}")
  @CsvSource({"low, 1, 1Gi", "normal, 1, 1Gi", "high, 1500m, 1536Mi"})
  void highPriorityBoostMultipliesEveryStage(String priority, String cpu, String memory) {
    Plan plan = plan("priority=" + priority);
    for (StagePlan s : plan.stages()) {
      assertEquals(
          ResourceRequest.parse(cpu, memory, 0), s.resources(), s.name() + " " + s.changes());
    }
    if (priority.equals("high")) {
      assertEquals(
          List.of(
              new Change("resources.cpu", "1", "1500m", "high-priority-boost"),
              new Change("resources.memory", "1Gi", "1536Mi", "high-priority-boost")),
          stage(plan, "notify").changes());
    }
  }

  @Test
  void theRulesApplyInTheirOrderWithThePriorityBoostLast() {
    Plan plan =
        plan(
            "data_size=2e9",
            "model_complexity=high",
            "environment=production",
            "priority=high",
            "latency_requirement=ultra_low");

    assertEquals(
        List.of(
            "parallelism-by-data-size",
            "training-resources-by-complexity",
            "inference-ultra-low-latency",
            "skip-validation-in-production",
            "memory-by-data-size",
            "cpu-by-data-size",
            "high-priority-boost"),
        plan.rulesFired());
    StagePlan train = stage(plan, "train");
    assertEquals(
        List.of(
            new Change("parallelism", "1", "4", "parallelism-by-data-size"),
            new Change("resources.gpu", "0", "2", "training-resources-by-complexity"),
            new Change("resources.memory", "1Gi", "16Gi", "training-resources-by-complexity"),
            new Change("resources.cpu", "1", "2", "cpu-by-data-size"),
            new Change("resources.cpu", "2", "3", "high-priority-boost"),
            new Change("resources.memory", "16Gi", "24Gi", "high-priority-boost")),
        train.changes());
    assertEquals(ResourceRequest.parse("3", "24Gi", 2), train.resources());
    StagePlan infer = stage(plan, "infer");
    // inference's 4 cores are doubled to 8 by data size, then boosted to 12
    assertEquals(ResourceRequest.parse("12", "12Gi", 0), infer.resources());
    // a stage excluded on the way takes no later change
    assertEquals(
        List.of(
            new Change("parallelism", "1", "4", "parallelism-by-data-size"),
            new Change("included", "true", "false", "skip-validation-in-production")),
        stage(plan, "validate").changes());
  }
}
