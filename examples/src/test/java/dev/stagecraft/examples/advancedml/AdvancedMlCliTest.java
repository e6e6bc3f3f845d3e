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
 * {@code stagecraft run advanced-ml} as a user calls it: the summary, bad input as one line with
 * exit code 2, and {@code stagecraft deployments}.
 */
class AdvancedMlCliTest {
  @TempDir Path store;
  @TempDir Path data;

  private CliRun cli(String... args) {
    return CliRun.in(store, args);
  }

  private CliRun run(String... params) {
    List<String> args =
        new ArrayList<>(List.of("run", "advanced-ml", "-p", "nTrials=1", "-p", "folds=2"));
    for (String p : params) {
      args.add("-p");
      args.add(p);
    }
    return cli(args.toArray(String[]::new));
  }

  /** The last line on stderr (progress comes before it). */
  private static String lastLine(String text) {
    String[] lines = text.strip().split("\\R");
    return lines[lines.length - 1];
  }

  @Test
  void aRunEndsWithItsSummaryAndDeploysIntoTheStoresRegistry() {
    CliRun o = run();

    assertEquals(0, o.code(), o.err());
    String out = o.out();
    int table = out.indexOf("deploySingle");
    int summary = out.indexOf("\nsummary\n");
    assertTrue(table > 0 && summary > table, out);
    assertTrue(
        out.contains("  data: bundled breast cancer data: 455 training and 114 test rows, 30"),
        out);
    assertTrue(out.contains("  variant a: best logistic_regression"), out);
    assertTrue(out.contains("  variant b: best "), out);
    assertTrue(out.contains("  A/B (mcnemar_exact on 114 test rows)"), out);
    assertTrue(
        out.contains(
            " to staging of model advanced-ml-breast_cancer as version 1: A/B confidence 0.5000"
                + " <= 0.8"),
        out);
    Path registry = store.resolve("registry").toAbsolutePath();
    assertTrue(out.contains("  registry: " + registry), out);

    CliRun listed = cli("deployments");
    assertEquals(0, listed.code(), listed.err());
    assertTrue(
        listed
            .out()
            .lines()
            .findFirst()
            .orElseThrow()
            .matches(
                " +MODEL +TARGET +VERSION +RUN +STAGE +DATA SET +MODEL TYPE +ACCURACY +DEPLOYED"),
        listed.out());
    assertTrue(
        listed
            .out()
            .matches(
                "(?s).*\\* +advanced-ml-breast_cancer +staging +1 +\\S+ +train\\[[01]\\]"
                    + " +bundled breast_cancer\\.csv +.*"),
        listed.out());
  }

  @Test
  void changingOnlyParametersTheCachedPreprocessingDoesNotReadReusesIt() {
    assertEquals(0, run().code());

    CliRun moreSearch = run("folds=3", "searchMethod=grid", "significance=0.1");
    assertEquals(0, moreSearch.code(), moreSearch.err());
    assertTrue(moreSearch.out().matches("(?s).*\\n  preprocess +CACHED .*"), moreSearch.out());

    CliRun otherSplit = run("testSize=0.25");
    assertEquals(0, otherSplit.code(), otherSplit.err());
    assertTrue(
        otherSplit.out().matches("(?s).*\\n  preprocess +SUCCEEDED .*"),
        "a parameter it reads is part of its key: " + otherSplit.out());
  }

  @Test
  void deploymentsListsEveryVersionAsJsonAndRollsBack() throws Exception {
    assertEquals(0, run("enableAbTesting=false").code());
    assertEquals(0, run("enableAbTesting=false", "seed=7").code());

    JsonNode json = new ObjectMapper().readTree(cli("deployments", "--json").out());
    JsonNode production = json.get("targets").get(0);
    assertEquals("advanced-ml-breast_cancer", production.get("model").asText());
    assertEquals("production", production.get("target").asText());
    assertEquals(2, production.get("currentVersion").asInt());
    assertEquals(2, production.get("versions").size());
    JsonNode first = production.get("versions").get(0);
    for (String field :
        List.of("model", "runId", "stage", "dataSet", "modelType", "accuracy", "version")) {
      assertTrue(first.has(field), first.toString());
    }

    CliRun rolled = cli("deployments", "rollback", "production");
    assertEquals(0, rolled.code(), rolled.err());
    assertTrue(
        rolled
            .out()
            .startsWith("rolled back production of model advanced-ml-breast_cancer to version 1 ("),
        rolled.out());
    CliRun again = cli("deployments", "rollback", "production", "--store", store.toString());
    assertEquals(2, again.code());
    assertEquals(
        "error: target 'production' of model 'advanced-ml-breast_cancer' is at its first version"
            + " 1; there is no earlier version to roll back to",
        again.err().strip());
  }

  @Test
  void anEmptyRegistrySaysSo() {
    CliRun o = cli("deployments");
    assertEquals(0, o.code());
    assertTrue(o.out().startsWith("no deployments in "), o.out());

    CliRun rollback = cli("deployments", "rollback", "production");
    assertEquals(2, rollback.code());
    assertEquals(
        "error: no model has a target 'production' in "
            + store.resolve("registry").toAbsolutePath()
            + " (nothing is deployed)",
        rollback.err().strip());
    CliRun bad = cli("deployments", "rollback", "prod/uction");
    assertEquals(2, bad.code());
    assertTrue(
        bad.err().startsWith("error: deployment target 'prod/uction' is not a valid name"),
        bad.err());
  }

  /** Bad settings stop the run before it starts: one line on stderr, nothing on stdout. */
  private static void assertRejectedBeforeAnyStage(CliRun o, String error) {
    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(error + "\n", o.err());
    assertEquals("", o.out());
  }

  @Test
  void aTestSizeOutsideZeroToOneIsOneLineAndExitTwoBeforeAnyStage() {
    assertRejectedBeforeAnyStage(
        run("testSize=1.5"), "error: parameter 'testSize' must be in (0, 1), not 1.5");
  }

  @Test
  void everyBadSettingIsReportedAtOnce() {
    assertRejectedBeforeAnyStage(
        run("folds=1", "nTrials=0", "significance=1", "interactions=-0.5", "targetColumn= "),
        "error: parameter 'targetColumn' must not be empty; parameter 'interactions' must be in"
            + " [0, 1), not -0.5; parameter 'nTrials' must be at least 1, not 0; parameter 'folds'"
            + " must be at least 2, not 1; parameter 'significance' must be in (0, 1), not 1.0");
  }

  @Test
  void aSingleClassTargetIsOneLineAndExitTwoBeforeTraining() throws Exception {
    Path csv = Csv.binary(data, 40, true, 1);
    CliRun o = run("inputDataPath=" + csv, "targetColumn=label");

    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(
        "error: target column 'label' has a single class [\"yes\"] in its 32 training rows; a classifier needs at"
            + " least two classes (check the target column name or the data) (stage 'preprocess')",
        lastLine(o.err()));
    assertTrue(o.out().matches("(?s).*train\\s+UPSTREAM_FAILED.*"), o.out());
  }

  @Test
  void tooFewRowsForTheFoldsIsOneLineAndExitTwo() throws Exception {
    Path csv = Csv.binary(data, 20, false, 1);
    CliRun o = run("inputDataPath=" + csv, "targetColumn=label", "folds=10");

    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(
        "error: class 'no' of target 'label' has 8 training examples, fewer than the 10"
            + " cross-validation folds; lower folds to 8 or provide more data (stage 'train[0]')",
        lastLine(o.err()));
  }

  @Test
  void aTextFeatureIsOneHotEncodedAndQuotedLabelsReadAsOne() throws Exception {
    Path csv = Csv.withTextFeature(data, 2);
    CliRun o = run("inputDataPath=" + csv, "targetColumn=label");

    assertEquals(0, o.code(), o.out() + o.err());
    assertTrue(
        o.out()
            .contains(
                "  data: "
                    + csv
                    + ": 32 training and 8 test rows, 3 features, target 'label' with classes"
                    + " [\"no\", \"yes, later\"] (impute MEDIAN, scale STANDARD, one-hot colour"
                    + " (2 values))"),
        o.out());
  }

  @Test
  void aTextFeatureWithTooManyValuesIsOneLineAndExitTwo() throws Exception {
    Path csv = Csv.withTextFeature(data, 40);
    CliRun o = run("inputDataPath=" + csv, "targetColumn=label", "maxCategories=20");

    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(
        "error: text column 'colour' has 32 distinct values in 32 rows, more than maxCategories 20"
            + " for one-hot encoding (e.g. 'c0', 'c1', 'c10'); drop the column if it is an"
            + " identifier or free text, or raise maxCategories (stage 'preprocess')",
        lastLine(o.err()));
  }

  @Test
  void aSemicolonFileNeedsItsSeparatorAndTheErrorSaysWhichOne() throws Exception {
    Path csv = Csv.semicolons(data, 60);
    CliRun wrong = run("inputDataPath=" + csv, "targetColumn=label");

    assertEquals(2, wrong.code(), wrong.out() + wrong.err());
    assertEquals(
        "error: "
            + csv
            + ": the header has one column 'a;b;label': is the separator ';'? set -p"
            + " 'separator=;' (stage 'load')",
        lastLine(wrong.err()));

    CliRun right = run("inputDataPath=" + csv, "targetColumn=label", "separator=;");
    assertEquals(0, right.code(), right.out() + right.err());
    assertTrue(right.out().contains(": 48 training and 12 test rows, 2 features"), right.out());

    CliRun bad = run("inputDataPath=" + csv, "separator=;;");
    assertEquals(2, bad.code(), bad.out() + bad.err());
    assertEquals(
        "error: separator ';;' must be exactly one character, e.g. ';' (or tab)",
        lastLine(bad.err()));
  }

  @Test
  void anUnknownModelTypeOrHyperparameterIsOneLineAndExitTwoBeforeAnyStage() {
    assertRejectedBeforeAnyStage(
        run("searchSpace=random_forrest.n_estimators=10:20"),
        "error: unknown model type 'random_forrest' (did you mean 'random_forest'?); valid:"
            + " [logistic_regression, random_forest, gradient_boosting, svm]");

    CliRun name = run("searchSpace=random_forest.max_dept=3:5");
    assertEquals(2, name.code(), name.out() + name.err());
    assertTrue(
        name.err()
            .startsWith(
                "error: unknown hyperparameter 'max_dept' for random_forest (did you mean"
                    + " 'max_depth'?); valid: [n_estimators, max_depth,"),
        name.err());
    assertEquals("", name.out());
  }

  @Test
  void anUnknownSearchMethodIsOneLineAndExitTwoBeforeAnyStage() {
    assertRejectedBeforeAnyStage(
        run("searchMethod=bayes"),
        "error: parameter 'searchMethod' must be one of random, grid, tpe, not 'bayes'");
    assertRejectedBeforeAnyStage(
        run("searchMethod=TPE"),
        "error: parameter 'searchMethod' must be one of random, grid, tpe, not 'TPE' (did you"
            + " mean 'tpe'?)");
  }

  @Test
  void aMissingFileOrTargetColumnIsOneLineAndExitTwo() {
    CliRun file = run("inputDataPath=" + data.resolve("nope.csv"));
    assertEquals(2, file.code());
    String notFound = data.resolve("nope.csv") + ": file not found (check the path)";
    assertEquals("error: " + notFound + " (stage 'load')", lastLine(file.err()));
    assertTrue(
        file.out().matches("(?s).*\\n  load +FAILED +1 +\\d+ ms  \\Q" + notFound + "\\E\\n.*"),
        "the stage table says it in the same words: " + file.out());
    assertTrue(file.err().contains("load FAILED in "), file.err());
    assertTrue(file.err().contains(": " + notFound + "\n"), "and the progress: " + file.err());

    CliRun target = run("targetColumn=diagnosys");
    assertEquals(2, target.code());
    assertTrue(
        lastLine(target.err())
            .startsWith(
                "error: target column 'diagnosys' is not in the data (did you mean 'diagnosis'?);"
                    + " set targetColumn to one of its columns: [mean_radius, "),
        target.err());
  }

  @Test
  void aRegistryThatIsAFileIsOneLineAndExitTwoBeforeTraining() throws Exception {
    Path file = Files.writeString(data.resolve("registry"), "not a directory");
    CliRun o = run("registryDir=" + file);

    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(
        "error: the model registry "
            + file
            + " is a file, not a directory; name a directory (created when absent) with -p"
            + " registryDir=DIR, or leave registryDir empty for STORE/registry (stage 'load')",
        lastLine(o.err()));
    assertTrue(o.out().matches("(?s).*\n  train\\s+UPSTREAM_FAILED.*"), o.out());
  }

  @Test
  void runsOnDifferentDataSetsDeployToDifferentModels() throws Exception {
    Path csv = Csv.binary(data, 80, false, 3);
    assertEquals(0, run("enableAbTesting=false").code());
    CliRun other = run("enableAbTesting=false", "inputDataPath=" + csv, "targetColumn=label");
    assertEquals(0, other.code(), other.err());

    JsonNode targets =
        new ObjectMapper().readTree(cli("deployments", "--json").out()).get("targets");
    assertEquals(2, targets.size(), targets.toString());
    assertEquals("advanced-ml-binary", targets.get(0).get("model").asText());
    assertEquals("advanced-ml-breast_cancer", targets.get(1).get("model").asText());
    for (JsonNode t : targets) {
      assertEquals("production", t.get("target").asText());
      assertEquals(1, t.get("currentVersion").asInt(), "each model's production starts anew");
    }
    assertEquals(
        csv.toAbsolutePath().toString(),
        targets.get(0).get("versions").get(0).get("dataSet").asText());
    assertEquals(
        "bundled breast_cancer.csv", targets.get(1).get("versions").get(0).get("dataSet").asText());

    CliRun ambiguous = cli("deployments", "rollback", "production");
    assertEquals(2, ambiguous.code());
    assertEquals(
        "error: target 'production' exists for models advanced-ml-binary,"
            + " advanced-ml-breast_cancer; name one with --model",
        ambiguous.err().strip());
    CliRun named = cli("deployments", "rollback", "production", "--model", "advanced-ml-binary");
    assertEquals(2, named.code());
    assertEquals(
        "error: target 'production' of model 'advanced-ml-binary' is at its first version 1;"
            + " there is no earlier version to roll back to",
        named.err().strip());
  }
}
