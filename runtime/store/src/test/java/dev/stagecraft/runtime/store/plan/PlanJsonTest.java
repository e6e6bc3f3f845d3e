package dev.stagecraft.runtime.store.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.Change;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.PlannedRun;
import dev.stagecraft.runtime.plan.Planner;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.history.RecordedPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's JSON has exactly the contract's shape, and a run records it. */
class PlanJsonTest {
  private static final ResourceRequest CAPACITY = ResourceRequest.parse("8", "32Gi", 2);

  @TempDir Path dir;

  private static PipelineDefinition pipeline() {
    return PipelineDefinition.builder("shape")
        .stage(stage("load", StageType.INGESTION).build())
        .stage(stage("validate", StageType.VALIDATION).input(InputSpec.of("load")).build())
        .stage(stage("train", StageType.TRAINING).input(InputSpec.optionalOf("validate")).build())
        .build();
  }

  private static StageSpec.Builder stage(String name, StageType type) {
    return StageSpec.builder(name)
        .type(type)
        .resources(ResourceRequest.parse("1", "1Gi", 0))
        .body(call -> name);
  }

  private static Plan plan() {
    return Planner.plan(
        pipeline(),
        PlanRequest.of(CAPACITY)
            .withProfile(
                Profile.parse(
                    Map.of(
                        "environment", "production",
                        "data_size", "2e9",
                        "model_complexity", "high",
                        "priority", "high"))));
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void theJsonHasTheContractsFieldsInOrder() {
    JsonNode json = PlanJson.of(plan());

    assertEquals(
        List.of(
            "pipeline",
            "profile",
            "params",
            "stages",
            "parallelGroups",
            "maxParallel",
            "criticalPath",
            "predicted",
            "improvement",
            "valid",
            "problems",
            "metrics",
            "prices"),
        fields(json));
    assertEquals(2_000_000_000L, json.at("/profile/data_size").longValue());
    assertTrue(json.at("/profile/data_size").isIntegralNumber());
    assertEquals("production", json.at("/profile/environment").asText());
    JsonNode train = json.at("/stages/2");
    assertEquals(
        List.of(
            "name",
            "type",
            "included",
            "reason",
            "parallelism",
            "optimizations",
            "resources",
            "changes",
            "predicted"),
        fields(train));
    assertEquals("TRAINING", train.get("type").asText());
    assertEquals(4, train.get("parallelism").intValue());
    assertEquals(List.of("cpu", "memory", "gpu"), fields(train.get("resources")));
    assertEquals("3", train.at("/resources/cpu").asText());
    assertEquals("24Gi", train.at("/resources/memory").asText());
    assertEquals(2, train.at("/resources/gpu").intValue());
    assertEquals(List.of("field", "from", "to", "rule"), fields(train.at("/changes/0")));
    assertEquals(
        List.of(
            "durationSeconds", "cpuCores", "memoryBytes", "confidence", "basis", "instanceSeconds"),
        fields(train.get("predicted")));
    assertEquals(0, train.at("/predicted/confidence").doubleValue());
    JsonNode validate = json.at("/stages/1");
    assertEquals(false, validate.get("included").booleanValue());
    assertEquals(
        "excluded by skip-validation-in-production: environment = production",
        validate.get("reason").asText());
    assertEquals(
        List.of("makespanSeconds", "criticalPathSeconds", "resourceBoundSeconds", "cost"),
        fields(json.get("predicted")));
    assertEquals(
        List.of("compute", "storage", "network", "total", "currency"),
        fields(json.at("/predicted/cost")));
    // load and train, 300 s each without history, on what they reserve at the default prices
    double hours = 300 / 3600.0;
    double loadCost = hours * (3 * 0.0316 + 1.5 * 0.0042);
    double trainCost = hours * (3 * 0.0316 + 24 * 0.0042 + 2 * 0.35);
    assertEquals(loadCost + trainCost, json.at("/predicted/cost/total").doubleValue(), 1e-12);
    assertEquals("USD", json.at("/predicted/cost/currency").asText());
    assertTrue(json.at("/improvement/cost/before").isNull());
    assertEquals(List.of("makespanSeconds", "cost"), fields(json.get("improvement")));
    assertEquals(List.of("before", "after"), fields(json.at("/improvement/cost")));
    assertEquals(
        List.of(
            "complexityScore",
            "nodeCount",
            "dependencyDensity",
            "conditionalBranches",
            "resourceVariability",
            "shape"),
        fields(json.get("metrics")));
    assertEquals("[[\"load\",\"train\"]]", json.get("parallelGroups").toString());
    assertEquals("defaults", json.at("/prices/source").asText());
    assertEquals("{\"load,train\":1}", json.get("maxParallel").toString());
    assertTrue(json.get("valid").booleanValue());
    assertEquals(0, json.get("problems").size());
  }

  @Test
  void anInvalidPlanListsItsProblems() {
    Plan plan =
        Planner.plan(
            pipeline(),
            PlanRequest.of(ResourceRequest.parse("2", "4Gi", 0))
                .withProfile(Profile.parse(Map.of("model_complexity", "high"))));
    JsonNode json = PlanJson.of(plan);

    assertEquals(false, json.get("valid").booleanValue());
    assertEquals(1, json.get("problems").size());
    assertTrue(json.at("/predicted/makespanSeconds").isNull());
  }

  @Test
  void aRunRecordsItsPlanAndTemplate() throws Exception {
    Plan plan = plan();
    String runId;
    try (Store store = Store.open(dir)) {
      RunOptions options =
          store.recordPlan(
              store.attach(
                  RunOptions.defaults()
                      .withMaxMilliCpu(8000)
                      .withMaxMemoryBytes(32L << 30)
                      .withGpus(2),
                  "shape"),
              plan,
              Optional.of(Path.of("templates/shape.yaml")));
      RunResult result = PlannedRun.run(pipeline(), plan, options);
      assertEquals(StageStatus.SKIPPED, result.outcome("validate").orElseThrow().status());
      runId = result.runId();
    }
    try (Store store = Store.open(dir)) {
      RecordedPlan recorded = store.queries().plan(runId).orElseThrow();
      assertEquals(
          Optional.of(Path.of("templates/shape.yaml").toAbsolutePath().normalize().toString()),
          recorded.template());
      assertEquals(Optional.empty(), recorded.environment());
      assertEquals(new ObjectMapper().readTree(PlanJson.text(plan)), recorded.plan());
      assertEquals(
          new Change("resources.gpu", "0", "2", "training-resources-by-complexity"),
          PlanJson.changes(recorded.plan()).get("train").get(1));
      assertEquals(Optional.empty(), store.queries().plan("no-such-run"));
      assertEquals(
          StageStatus.SKIPPED,
          store.queries().run(runId).orElseThrow().stages().stream()
              .filter(e -> e.stage().equals("validate"))
              .findFirst()
              .orElseThrow()
              .status());
    }
  }
}
