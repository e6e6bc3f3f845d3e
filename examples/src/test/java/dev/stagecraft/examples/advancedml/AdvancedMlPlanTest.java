package dev.stagecraft.examples.advancedml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.Change;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.PlannedRun;
import dev.stagecraft.runtime.plan.Planner;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.plan.StagePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The advanced ML pipeline under the built-in rules and its template: a valid plan for every rule,
 * the data-quality gate production skips, and preprocessed data trained on as given.
 */
class AdvancedMlPlanTest {
  private static final PipelineDefinition DEF = new StagecraftAdvancedMlPipeline().definition();
  private static final ResourceRequest BIG = ResourceRequest.parse("32", "64Gi", 4);

  @TempDir Path data;
  @TempDir Path registry;

  private static Profile profile(String... facts) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String fact : facts) {
      String[] kv = fact.split("=", 2);
      texts.put(kv[0], kv[1]);
    }
    return Profile.parse(texts);
  }

  private static Plan plan(ResourceRequest capacity, Profile profile, Map<String, String> params) {
    return Planner.plan(DEF, PlanRequest.of(capacity).withProfile(profile).withParams(params));
  }

  private RunResult run(Profile profile, Map<String, String> params) {
    Map<String, String> all = new LinkedHashMap<>(params);
    all.putAll(Map.of("nTrials", "1", "folds", "2", "registryDir", registry.toString()));
    RunOptions options =
        RunOptions.defaults().withMaxMilliCpu(32_000).withMaxMemoryBytes(64L << 30).withGpus(4);
    return PlannedRun.run(DEF, plan(BIG, profile, all), options);
  }

  private static StageOutcome outcome(RunResult r, String name) {
    return r.outcome(name).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "data_size=0",
        "data_size=2e6",
        "data_size=2e9",
        "model_complexity=low",
        "model_complexity=medium",
        "model_complexity=high",
        "latency_requirement=ultra_low",
        "data_preprocessed=true",
        "environment=production",
        "pipeline_mode=inference",
        "priority=high",
        "data_size=5e10,model_complexity=high,latency_requirement=ultra_low,data_preprocessed=true,"
            + "environment=production,pipeline_mode=inference,priority=high"
      })
  void thePlanIsValidUnderEveryBuiltInRule(String facts) {
    Plan plan = plan(BIG, profile(facts.split(",")), Map.of());
    assertTrue(plan.valid(), facts + ": " + plan.problems());
  }

  @Test
  void productionWithTwoGigabytesAndAComplexModelShowsEveryRulesEffect() {
    Profile p = profile("environment=production", "data_size=2e9", "model_complexity=high");

    Plan laptop = plan(ResourceRequest.parse("2", "8Gi", 0), p, Map.of());
    Plan server = plan(ResourceRequest.parse("8", "32Gi", 2), p, Map.of());

    StagePlan train = server.stage("train").orElseThrow();
    assertEquals(
        List.of(
            new Change("resources.gpu", "0", "2", "training-resources-by-complexity"),
            new Change("resources.memory", "1Gi", "16Gi", "training-resources-by-complexity"),
            new Change("resources.cpu", "1", "2", "cpu-by-data-size")),
        train.changes());
    StagePlan quality = server.stage("dataQuality").orElseThrow();
    assertFalse(quality.included());
    assertEquals(
        "excluded by skip-validation-in-production: environment = production", quality.reason());
    assertEquals(
        List.of(
            new Change("parallelism", "1", "4", "parallelism-by-data-size"),
            new Change("resources.cpu", "1", "2", "cpu-by-data-size")),
        server.stage("load").orElseThrow().changes());
    assertTrue(server.stage("deployWinner").orElseThrow().resources().milliCpu() == 1000);
    assertTrue(server.valid(), server.problems().toString());
    assertEquals(1, laptop.problems().size());
    assertTrue(laptop.problems().get(0).startsWith("stage 'train' asks cpu=2, memory=16Gi, gpu=2"));
  }

  @Test
  void theTemplateChecksAndItsProductionEnvironmentApplies() {
    Plan plan =
        Planner.plan(
            DEF,
            PlanRequest.of(BIG)
                .withProfile(profile("environment=production", "data_size=2e10"))
                .withTemplate(ConfigFiles.template(Path.of("templates/advanced-ml.yaml"), DEF)));

    assertEquals("32", plan.params().texts().get("nTrials"));
    assertEquals("tpe", plan.params().texts().get("searchMethod"));
    StagePlan train = plan.stage("train").orElseThrow();
    assertEquals(2, train.retry().retries());
    assertEquals(Optional.of(Duration.ofHours(4)), train.timeout());
    assertEquals(ResourceRequest.parse("4", "4Gi", 1), train.resources());
    assertTrue(plan.rulesFired().contains("big-data-gpu"), plan.rulesFired().toString());
    assertTrue(plan.valid(), plan.problems().toString());
  }

  @Test
  void preprocessedDataIsTrainedOnAsGiven() {
    RunResult r = run(profile("data_preprocessed=true"), Map.of());

    assertEquals(RunStatus.SUCCEEDED, r.status(), r.toString());
    assertEquals(StageStatus.SKIPPED, outcome(r, "preprocess").status());
    assertEquals(
        "excluded by skip-preprocessing-when-preprocessed: data_preprocessed = true",
        outcome(r, "preprocess").reason());
    List<VariantModel> models = r.output("train");
    assertEquals(2, models.size());
    assertEquals(114, models.get(0).model().testMetrics().examples());
    assertTrue(models.get(0).accuracy() > 0.85, models.toString());
    AbDecision ab = r.output("abTest");
    assertTrue(ab.confidence() >= 0.5, ab.toString());
  }

  @Test
  void theDataQualityGateStopsTooManyMissingValuesButProductionSkipsIt() throws Exception {
    Path gaps = Csv.withGaps(data, 200, 2, 2, 7);
    Map<String, String> params = Map.of("inputDataPath", gaps.toString(), "targetColumn", "label");

    RunResult checked = run(Profile.EMPTY, params);
    RunResult production = run(profile("environment=production"), params);

    assertEquals(RunStatus.FAILED, checked.status());
    assertEquals(
        Optional.of(
            "data quality: 100 of 400 feature cells (25.0%) are missing, more than"
                + " maxMissingFraction 0.20: fill them in the data, or raise maxMissingFraction"
                + " if imputing that much is right"),
        outcome(checked, "dataQuality").inputError());
    assertEquals(StageStatus.UPSTREAM_FAILED, outcome(checked, "train").status());
    assertEquals(RunStatus.SUCCEEDED, production.status(), production.toString());
    assertEquals(StageStatus.SKIPPED, outcome(production, "dataQuality").status());
  }

  @Test
  void theDataQualityGateStopsARareClass() throws Exception {
    Path rare = Csv.withGaps(data, 200, 1_000_000, 50, 7);

    RunResult r =
        run(Profile.EMPTY, Map.of("inputDataPath", rare.toString(), "targetColumn", "label"));

    assertEquals(
        Optional.of(
            "data quality: class 'no' of 'label' has 4 of 200 rows (2.0%), less than"
                + " minClassFraction 0.05: too few to learn and test it; add rows of it, or lower"
                + " minClassFraction"),
        outcome(r, "dataQuality").inputError());
  }
}
