package dev.stagecraft.examples.advancedml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.examples.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagecraft plan} and the plan options of {@code run} as a user calls them: the plan as
 * text and JSON, an invalid plan printed whole with exit 2, a run refusing it, mistakes as one line
 * each, and the plan a run recorded in {@code show}.
 */
class PlanCliTest {
  private static final String[] README_PROFILE = {
    "--profile",
    "environment=production",
    "--profile",
    "data_size=2e9",
    "--profile",
    "model_complexity=high"
  };
  private static final String[] LAPTOP = {"--max-cpu", "2", "--max-memory", "8Gi", "--gpus", "0"};
  private static final String[] SERVER = {"--max-cpu", "8", "--max-memory", "32Gi", "--gpus", "2"};

  @TempDir Path store;
  @TempDir Path dir;

  private CliRun cli(String... args) {
    return CliRun.in(store, args);
  }

  private static String[] args(String[]... parts) {
    List<String> all = new ArrayList<>();
    for (String[] p : parts) {
      all.addAll(List.of(p));
    }
    return all.toArray(String[]::new);
  }

  @Test
  void anInvalidPlanIsPrintedWholeAsJsonAndExitsTwo() throws Exception {
    CliRun o = cli(args(new String[] {"plan", "advanced-ml", "--json"}, README_PROFILE, LAPTOP));

    assertEquals(2, o.code(), o.err());
    JsonNode plan = new ObjectMapper().readTree(o.out());
    assertEquals(false, plan.get("valid").booleanValue());
    assertEquals(8, plan.get("stages").size());
    assertEquals(
        "stage 'train' asks cpu=2, memory=16Gi, gpu=2 but the capacity is cpu=2, memory=8Gi,"
            + " gpu=0: raise --max-cpu, --max-memory or --gpus, or change what raised it"
            + " (training-resources-by-complexity, cpu-by-data-size)",
        plan.at("/problems/0").asText());
    assertEquals(
        "error: the plan has 1 problem (\"problems\" in the JSON): a run with these options"
            + " would not start",
        o.err().strip());
  }

  @Test
  void aValidPlanExitsZero() throws Exception {
    CliRun o = cli(args(new String[] {"plan", "advanced-ml", "--json"}, README_PROFILE, SERVER));

    assertEquals(0, o.code(), o.err());
    JsonNode plan = new ObjectMapper().readTree(o.out());
    assertTrue(plan.get("valid").booleanValue());
    assertEquals(2_000_000_000L, plan.at("/profile/data_size").longValue());
    JsonNode train = plan.at("/stages/3");
    assertEquals("train", train.get("name").asText());
    assertEquals("16Gi", train.at("/resources/memory").asText());
    assertEquals(
        "[\"load\",\"preprocess\",\"train\",\"abTest\",\"deployWinner\"]",
        plan.get("criticalPath").toString());
  }

  @Test
  void theTextShowsEveryStagesDecisionsThenTheProblems() {
    CliRun o = cli(args(new String[] {"plan", "advanced-ml"}, README_PROFILE, LAPTOP));

    assertEquals(2, o.code());
    String text = o.out();
    assertTrue(text.startsWith("plan of 'advanced-ml': INVALID (1 problem)\n"), text);
    assertTrue(
        text.contains(
            "rules           parallelism-by-data-size, training-resources-by-complexity,"
                + " skip-validation-in-production, memory-by-data-size (no change),"
                + " cpu-by-data-size\n"),
        text);
    assertTrue(
        text.contains(
            "dataQuality [VALIDATION]  excluded by skip-validation-in-production: environment ="
                + " production\n"),
        text);
    assertTrue(
        text.contains(
            "train [TRAINING, for each]  cpu 2, memory 16Gi, gpu 2, parallelism unbounded"
                + " (instances at once)\n"
                + "  predicted  5m00s, confidence 0.00: no history: the defaults of 300 s, 1 core,"
                + " 2048 MiB\n"
                + "  resources.gpu     0 -> 2       training-resources-by-complexity\n"
                + "  resources.memory  1Gi -> 16Gi  training-resources-by-complexity\n"
                + "  resources.cpu     1 -> 2       cpu-by-data-size\n"),
        text);
    assertTrue(text.contains("\nproblems\n  stage 'train' asks cpu=2, memory=16Gi, gpu=2"), text);
  }

  @Test
  void aRunRefusesAnInvalidPlanBeforeAnythingRuns() {
    CliRun o = cli(args(new String[] {"run", "advanced-ml"}, README_PROFILE, LAPTOP));

    assertEquals(2, o.code());
    assertEquals(
        "error: stage 'train' asks cpu=2, memory=16Gi, gpu=2 but the capacity is cpu=2,"
            + " memory=8Gi, gpu=0: raise --max-cpu, --max-memory or --gpus, or change what raised"
            + " it (training-resources-by-complexity, cpu-by-data-size)",
        o.err().strip());
    assertEquals("", o.out());
    assertTrue(cli("runs").out().contains("no runs"), cli("runs").out());
  }

  @Test
  void mistakesInTheProfileAreOneLineEachWithASuggestion() {
    CliRun o =
        cli(
            "plan",
            "advanced-ml",
            "--profile",
            "datasize=2e9",
            "--profile",
            "environment=prodution",
            "--profile",
            "model_complexity=huge");

    assertEquals(2, o.code());
    assertEquals(
        List.of(
            "error: unknown profile fact 'datasize' (did you mean 'data_size'?)",
            "error: profile fact 'environment' cannot be 'prodution' (did you mean 'production'?);"
                + " use one of dev, staging, production",
            "error: profile fact 'model_complexity' cannot be 'huge'; use one of low, medium, high"),
        o.err().lines().toList());
    assertEquals("", o.out());
  }

  @Test
  void everyProblemOfATemplateIsAnErrorLineWithItsPlace() throws Exception {
    Path template = dir.resolve("bad.yaml");
    Files.writeString(
        template,
        "pipeline: advanced-ml\n"
            + "environments:\n"
            + "  production:\n"
            + "    stages: {trian: {retries: 3}}\n"
            + "rules:\n"
            + "  - name: big\n"
            + "    when: \"profile.data_size > 1e10 && profile.environment == 'prod'\"\n"
            + "    stages: [train]\n"
            + "    set: {resources: {memory: 16GB}}\n");

    CliRun o = cli("plan", "advanced-ml", "--template", template.toString());

    assertEquals(2, o.code());
    assertEquals(
        List.of(
            "error: "
                + template
                + ":4: environments.production.stages.trian: unknown stage 'trian' (did you mean"
                + " 'train'?)",
            "error: "
                + template
                + ":7: rules[0].when: profile.environment has no value 'prod' (values: dev,"
                + " staging, production) at column 52",
            "error: "
                + template
                + ":9: rules[0].set.resources.memory: memory \"16GB\" is not a Kubernetes quantity"
                + " (use 16Gi or 16G)"),
        o.err().lines().toList());
  }

  @Test
  void aRunRecordsItsPlanWhichShowPrints() throws Exception {
    CliRun run =
        cli(
            "run",
            "advanced-ml",
            "--template",
            "templates/advanced-ml.yaml",
            "--profile",
            "environment=dev",
            "--profile",
            "data_preprocessed=true",
            "-p",
            "nTrials=1");
    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.out()
            .contains(
                "  preprocess     SKIPPED                 0       0 ms  excluded by"
                    + " skip-preprocessing-when-preprocessed: data_preprocessed = true"),
        run.out());
    String runId = run.out().split(" ")[1];

    CliRun show = cli("show", runId);
    assertEquals(0, show.code(), show.err());
    assertTrue(
        show.out()
            .contains(
                "plan: profile environment=dev, data_preprocessed=true; template "
                    + Path.of("templates/advanced-ml.yaml").toAbsolutePath()
                    + " (environment dev)\n"
                    + "STAGE       FIELD     FROM  TO     RULE\n"
                    + "preprocess  included  true  false  skip-preprocessing-when-preprocessed\n"),
        show.out());
    assertTrue(show.out().contains("nTrials=1"), show.out());
    assertTrue(show.out().contains("folds=2"), "the dev environment's folds: " + show.out());

    JsonNode json = new ObjectMapper().readTree(cli("show", runId, "--json").out());
    assertEquals("dev", json.at("/template/environment").asText());
    assertEquals(false, json.at("/plan/stages/2/included").booleanValue());
  }
}
