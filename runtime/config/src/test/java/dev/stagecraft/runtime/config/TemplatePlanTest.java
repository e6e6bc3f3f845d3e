package dev.stagecraft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.Change;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.Planner;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.plan.StagePlan;
import dev.stagecraft.runtime.plan.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template read from YAML and applied: its overlay, its rules in order, then the boost. */
class TemplatePlanTest {
  private static final ResourceRequest BIG = ResourceRequest.parse("64", "256Gi", 8);

  private static final String TEMPLATE =
      """
      pipeline: ml
      environments:
        dev:
          params: {nTrials: 2}
        production:
          params: {nTrials: 32, folds: 5, regions: [eu, us]}
          stages:
            train: {resources: {cpu: "4", memory: 8Gi}, retries: 3, timeout: PT30M}
      rules:
        - name: big-data-gpu
          when: "profile.data_size > 1e10 && profile.environment == 'production'"
          stages: [train]
          set: {resources: {gpu: 1, cpu: "2"}, parallelism: 8}
        - name: inference-only
          when: "profile.pipeline_mode == 'inference'"
          exclude: [dataQuality]
        - name: tuned-training
          stageTypes: [TRAINING]
          when: "nTrials >= 32"
          set: {optimizations: [mixed_precision]}
      """;

  private static Template template() {
    return ConfigFiles.template(TEMPLATE, "ml.yaml", TestPipeline.definition());
  }

  private static Plan plan(Map<String, String> profile, Map<String, String> params) {
    return Planner.plan(
        TestPipeline.definition(),
        PlanRequest.of(BIG)
            .withProfile(Profile.parse(profile))
            .withTemplate(template())
            .withParams(params));
  }

  private static StagePlan stage(Plan plan, String name) {
    return plan.stage(name).orElseThrow();
  }

  @Test
  void theProfilesEnvironmentSelectsTheOverlayAndTheRulesFollowInOrder() {
    Plan plan =
        plan(
            Map.of("environment", "production", "data_size", "2e10", "priority", "high"), Map.of());

    assertEquals(
        Optional.of(new Plan.TemplateUse("ml.yaml", Optional.of("production"))), plan.template());
    assertEquals("32", plan.params().texts().get("nTrials"));
    assertEquals("5", plan.params().texts().get("folds"));
    assertEquals("eu,us", plan.params().texts().get("regions"));
    StagePlan train = stage(plan, "train");
    assertEquals(
        List.of(
            new Change("resources.cpu", "1", "4", "environment:production"),
            new Change("resources.memory", "1Gi", "8Gi", "environment:production"),
            new Change("retries", "0", "3", "environment:production"),
            new Change("timeout", "none", "PT30M", "environment:production"),
            // 4 cores already give a parallelism of 4: parallelism-by-data-size changes nothing
            new Change("resources.cpu", "4", "8", "cpu-by-data-size"),
            new Change("resources.cpu", "8", "2", "big-data-gpu"),
            new Change("resources.gpu", "0", "1", "big-data-gpu"),
            // by default the parallelism follows the cores, now 2
            new Change("parallelism", "2", "8", "big-data-gpu"),
            new Change("optimizations", "[]", "[mixed_precision]", "tuned-training"),
            new Change("resources.cpu", "2", "3", "high-priority-boost"),
            new Change("resources.memory", "8Gi", "12Gi", "high-priority-boost")),
        train.changes());
    assertEquals(ResourceRequest.parse("3", "12Gi", 1), train.resources());
    assertEquals(3, train.retry().retries());
    assertEquals(Optional.of(Duration.ofMinutes(30)), train.timeout());
    assertEquals(OptionalInt.of(8), train.parallelism());
    assertEquals(
        List.of(
            "parallelism-by-data-size",
            "skip-validation-in-production",
            "memory-by-data-size",
            "cpu-by-data-size",
            "big-data-gpu",
            "tuned-training",
            "high-priority-boost"),
        plan.rulesFired());
  }

  @Test
  void commandLineParametersOverrideTheTemplatesAndRulesSeeThem() {
    Plan plan = plan(Map.of("environment", "production"), Map.of("nTrials", "4"));

    assertEquals("4", plan.params().texts().get("nTrials"));
    assertEquals("5", plan.params().texts().get("folds"));
    assertFalse(plan.rulesFired().contains("tuned-training"));
    assertEquals(List.of(), stage(plan, "train").optimizations());
  }

  @Test
  void aRuleWhoseConditionDoesNotHoldChangesNothing() {
    Plan plan = plan(Map.of("environment", "production", "data_size", "1e10"), Map.of());

    assertFalse(plan.rulesFired().contains("big-data-gpu"));
    assertEquals(0, stage(plan, "train").resources().gpu());
  }

  @Test
  void aTemplatesExclusionNamesItsRuleAndCondition() {
    Plan plan = plan(Map.of("pipeline_mode", "inference"), Map.of());

    StagePlan quality = stage(plan, "dataQuality");
    assertFalse(quality.included());
    assertEquals(
        "excluded by inference-only: profile.pipeline_mode == 'inference'", quality.reason());
    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(Optional.empty(), plan.template().orElseThrow().environment());
  }

  @Test
  void theEnvironmentCanBeChosenExplicitly() {
    Plan plan =
        Planner.plan(
            TestPipeline.definition(),
            PlanRequest.of(BIG)
                .withProfile(Profile.parse(Map.of("environment", "production")))
                .withTemplate(template())
                .withEnvironment("dev"));

    assertEquals("2", plan.params().texts().get("nTrials"));
    assertEquals(Optional.of("dev"), plan.template().orElseThrow().environment());
  }

  @Test
  void anEnvironmentTheTemplateDoesNotHaveIsAnError() {
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () ->
                Planner.plan(
                    TestPipeline.definition(),
                    PlanRequest.of(BIG).withTemplate(template()).withEnvironment("prodution")));
    assertEquals(
        "template ml.yaml has no environment 'prodution' (did you mean 'production'?)",
        e.getMessage());
  }

  @Test
  void anEnvironmentWithoutATemplateIsAnError() {
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () ->
                Planner.plan(
                    TestPipeline.definition(), PlanRequest.of(BIG).withEnvironment("production")));
    assertEquals(
        "--environment production selects an environment of a template: add --template FILE",
        e.getMessage());
  }

  @Test
  void aProfileFileIsReadWithItsLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("production.yaml");
    Files.writeString(file, "environment: production\ndata_size: 2Gi\ndata_preprocessed: true\n");

    Profile p = ConfigFiles.profile(file);

    assertEquals(
        Map.of("environment", "production", "data_size", 2147483648L, "data_preprocessed", true),
        p.facts());

    Files.writeString(file, "environment: prod\nlatency: low\n");
    UserInputException e = assertThrows(UserInputException.class, () -> ConfigFiles.profile(file));
    assertEquals(
        List.of(
            file
                + ":1: environment: profile fact 'environment' cannot be 'prod'; use one of dev,"
                + " staging, production",
            file
                + ":2: latency: unknown profile fact 'latency'; facts: data_size,"
                + " model_complexity, latency_requirement, priority, environment, pipeline_mode,"
                + " data_preprocessed"),
        e.problems());
  }
}
