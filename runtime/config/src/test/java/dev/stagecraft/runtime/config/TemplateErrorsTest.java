package dev.stagecraft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.plan.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message a template can get, each with its file, line and key; and all of a file's problems
 * at once.
 */
class TemplateErrorsTest {
  private static final String HEAD = "pipeline: ml\n";

  private static List<String> problems(String yaml) {
    return assertThrows(
            ConfigException.class,
            () -> ConfigFiles.template(yaml, "t.yaml", TestPipeline.definition()))
        .problems();
  }

  private static void assertProblem(String yaml, String expected) {
    assertEquals(List.of(expected), problems(yaml));
  }

  @Test
  void yamlSyntax() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n   when: x\n",
        "t.yaml:4: YAML syntax: while parsing a block collection, expected <block end>, but found"
            + " '<block mapping start>'");
  }

  @Test
  void yamlSyntaxOfATab() {
    assertProblem(
        HEAD + "\tenvironments: {}\n",
        "t.yaml:2: YAML syntax: found character '\\t(TAB)' that cannot start any token. (Do not"
            + " use \\t(TAB) for indentation)");
  }

  @Test
  void emptyFile() {
    assertProblem("", "t.yaml:1: the file is empty");
  }

  @Test
  void notAMapping() {
    assertProblem(
        "- a\n- b\n",
        "t.yaml:1: a template is a mapping with the keys pipeline, environments and rules, not a"
            + " list");
  }

  @Test
  void unknownTopLevelKey() {
    assertProblem(
        HEAD + "enviroments: {}\n",
        "t.yaml:2: enviroments: unknown key 'enviroments' (did you mean 'environments'?); a"
            + " template has pipeline, environments, rules");
  }

  @Test
  void missingPipeline() {
    assertProblem(
        "rules: []\n", "t.yaml:1: missing 'pipeline': name the pipeline it is for (pipeline: ml)");
  }

  @Test
  void otherPipeline() {
    assertProblem(
        "pipeline: advanced-ml\n",
        "t.yaml:1: pipeline: the template is for pipeline 'advanced-ml', not 'ml'");
  }

  @Test
  void environmentNameCloseToAProfileEnvironment() {
    assertProblem(
        HEAD + "environments:\n  prodution: {params: {nTrials: 2}}\n",
        "t.yaml:3: environments.prodution: environment 'prodution' is not one the profile selects"
            + " (did you mean 'production'?); other names are chosen with --environment");
  }

  @Test
  void unknownParameter() {
    assertProblem(
        HEAD + "environments:\n  dev:\n    params: {nTrails: 2}\n",
        "t.yaml:4: environments.dev.params.nTrails: unknown parameter 'nTrails' (did you mean"
            + " 'nTrials'?)");
  }

  @Test
  void badParameterValue() {
    assertProblem(
        HEAD + "environments:\n  dev:\n    params:\n      impute: AVERAGE\n",
        "t.yaml:5: environments.dev.params.impute: parameter 'impute' expects Impute: \"AVERAGE\""
            + " is not a Impute (use one of MEAN, MEDIAN)");
  }

  @Test
  void unknownStage() {
    assertProblem(
        HEAD + "environments:\n  dev:\n    stages:\n      trian: {retries: 1}\n",
        "t.yaml:5: environments.dev.stages.trian: unknown stage 'trian' (did you mean 'train'?)");
  }

  @Test
  void unknownSettingKey() {
    assertProblem(
        HEAD + "environments:\n  dev:\n    stages:\n      train: {resorces: {cpu: 2}}\n",
        "t.yaml:5: environments.dev.stages.train.resorces: unknown key 'resorces' (did you mean"
            + " 'resources'?); a stage of an environment has resources, retries, timeout");
  }

  @Test
  void badCpuQuantity() {
    assertProblem(
        HEAD
            + "environments:\n  dev:\n    stages:\n      train:\n        resources: {cpu: 2 cores}\n",
        "t.yaml:6: environments.dev.stages.train.resources.cpu: cpu \"2 cores\" is not a Kubernetes"
            + " quantity (use cores such as \"2\" or \"1.5\", or millicores such as \"500m\")");
  }

  @Test
  void badMemoryQuantity() {
    assertProblem(
        HEAD
            + "rules:\n  - name: big\n    stages: [train]\n    set:\n      resources:\n        memory: 16GB\n",
        "t.yaml:7: rules[0].set.resources.memory: memory \"16GB\" is not a Kubernetes quantity (use"
            + " 16Gi or 16G)");
  }

  @Test
  void negativeGpu() {
    assertProblem(
        HEAD + "rules:\n  - name: gpu\n    stages: [train]\n    set: {resources: {gpu: -1}}\n",
        "t.yaml:5: rules[0].set.resources.gpu: gpu -1 must not be negative");
  }

  @Test
  void gpuNotWhole() {
    assertProblem(
        HEAD + "rules:\n  - name: gpu\n    stages: [train]\n    set: {resources: {gpu: 0.5}}\n",
        "t.yaml:5: rules[0].set.resources.gpu: gpu '0.5' is not a whole number");
  }

  @Test
  void badTimeout() {
    assertProblem(
        HEAD + "environments:\n  dev:\n    stages:\n      train: {timeout: 30 minutes}\n",
        "t.yaml:5: environments.dev.stages.train.timeout: timeout \"30 minutes\" is not an ISO-8601"
            + " duration (use e.g. PT30S, PT5M, PT1H)");
  }

  @Test
  void zeroTimeout() {
    assertProblem(
        HEAD + "environments:\n  dev:\n    stages:\n      train: {timeout: PT0S}\n",
        "t.yaml:5: environments.dev.stages.train.timeout: timeout PT0S must be positive");
  }

  @Test
  void negativeRetries() {
    assertProblem(
        HEAD + "environments:\n  dev:\n    stages:\n      train: {retries: -2}\n",
        "t.yaml:5: environments.dev.stages.train.retries: retries -2 must not be negative");
  }

  @Test
  void parallelismBelowOne() {
    assertProblem(
        HEAD + "rules:\n  - name: p\n    stages: [train]\n    set: {parallelism: 0}\n",
        "t.yaml:5: rules[0].set.parallelism: parallelism 0 must be at least 1");
  }

  @Test
  void parallelismIsNotAnOverlaySetting() {
    assertProblem(
        HEAD + "environments:\n  dev:\n    stages:\n      train: {parallelism: 4}\n",
        "t.yaml:5: environments.dev.stages.train.parallelism: unknown key 'parallelism'; a stage of"
            + " an environment has resources, retries, timeout");
  }

  @Test
  void badOptimizationName() {
    assertProblem(
        HEAD
            + "rules:\n  - name: o\n    stages: [train]\n    set:\n      optimizations: [Model Quantization]\n",
        "t.yaml:6: rules[0].set.optimizations[0]: optimization 'Model Quantization' is not a name:"
            + " use lowercase words joined by _, such as model_quantization");
  }

  @Test
  void rulesNotAList() {
    assertProblem(
        HEAD + "rules: {name: a}\n",
        "t.yaml:2: rules: rules is a list ('- name: ...' per rule), not a mapping");
  }

  @Test
  void ruleWithoutName() {
    assertProblem(
        HEAD + "rules:\n  - exclude: [dataQuality]\n",
        "t.yaml:3: rules[0]: a rule needs a name (name: big-data-gpu); its changes are recorded"
            + " under it");
  }

  @Test
  void ruleNamedTwice() {
    assertProblem(
        HEAD
            + "rules:\n  - name: a\n    exclude: [dataQuality]\n  - name: a\n    exclude: [deploy]\n",
        "t.yaml:5: rules[1].name: rule 'a' is named twice (first on line 3)");
  }

  @Test
  void ruleNamedAsABuiltInRule() {
    assertProblem(
        HEAD + "rules:\n  - name: cpu-by-data-size\n    exclude: [dataQuality]\n",
        "t.yaml:3: rules[0].name: 'cpu-by-data-size' is a built-in rule: give the rule another"
            + " name");
  }

  @Test
  void whenWithAnUnknownFact() {
    assertProblem(
        HEAD
            + "rules:\n  - name: a\n    when: \"profile.datasize > 1e10\"\n    exclude: [deploy]\n",
        "t.yaml:4: rules[0].when: unknown profile fact 'datasize' (did you mean 'data_size'?) at"
            + " column 9");
  }

  @Test
  void whenWithAValueThatIsNotTheFacts() {
    assertProblem(
        HEAD
            + "rules:\n  - name: a\n    when: \"profile.environment == 'prod'\"\n    exclude: [deploy]\n",
        "t.yaml:4: rules[0].when: profile.environment has no value 'prod' (values: dev, staging,"
            + " production) at column 24");
  }

  @Test
  void whenWithATypeError() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n    when: \"nTrials > 'many'\"\n    exclude: [deploy]\n",
        "t.yaml:4: rules[0].when: '>' compares numbers only, but 'many' is String at column 9");
  }

  @Test
  void whenWithAnUnknownParameter() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n    when: \"nTrails > 4\"\n    exclude: [deploy]\n",
        "t.yaml:4: rules[0].when: unknown name 'nTrails' (did you mean 'nTrials'?) at column 1");
  }

  @Test
  void whenWithASyntaxError() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n    when: \"nTrials >\"\n    exclude: [deploy]\n",
        "t.yaml:4: rules[0].when: expected a name, number, string, true, false, null or '(' but"
            + " the expression ended at column 10");
  }

  @Test
  void unknownStageType() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n    stageTypes: [TRAINNG]\n    set: {retries: 2}\n",
        "t.yaml:4: rules[0].stageTypes[0]: unknown stage type 'TRAINNG' (did you mean"
            + " 'TRAINING'?)");
  }

  @Test
  void excludeOfAnUnknownStage() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n    exclude: [dataQualty]\n",
        "t.yaml:4: rules[0].exclude[0]: unknown stage 'dataQualty' (did you mean 'dataQuality'?)");
  }

  @Test
  void ruleThatChangesNothing() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n    when: \"nTrials > 4\"\n",
        "t.yaml:3: rules[0]: rule 'a' has neither set nor exclude: say what it changes");
  }

  @Test
  void setWithoutStages() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n    set: {retries: 2}\n",
        "t.yaml:4: rules[0].set: rule 'a' sets values but names no stages: add stages: [...] or"
            + " stageTypes: [...]");
  }

  @Test
  void stagesWithoutSet() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n    stages: [train]\n    exclude: [deploy]\n",
        "t.yaml:3: rules[0]: rule 'a' names stages or stageTypes but has no set: they choose what"
            + " set changes (exclude names its own stages)");
  }

  @Test
  void keyGivenTwice() {
    assertProblem(
        HEAD + "rules:\n  - name: a\n    exclude: [deploy]\n    exclude: [train]\n",
        "t.yaml:5: rules[0].exclude: 'exclude' is given twice (first on line 4)");
  }

  @Test
  void aMappingWhereAListIsExpected() {
    assertProblem(
        HEAD + "environments: [dev, production]\n",
        "t.yaml:2: environments: expected environments by name (production: {params: ...}), not a"
            + " list");
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnceInLineOrder() {
    String yaml =
        """
        pipeline: ml
        environments:
          production:
            params: {nTrails: 32}
            stages:
              trian: {retries: 3}
              train: {resources: {memory: 8GB}, timeout: 10m}
        rules:
          - name: big-data-gpu
            when: "profile.data_size > 1e10 && profile.enviroment == 'production'"
            stageTypes: [TRAINING]
            set: {resources: {gpu: one}}
          - name: inference-only
            when: "profile.pipeline_mode == 'inferance'"
            exclude: [dataQualty]
        """;

    assertEquals(
        List.of(
            "t.yaml:4: environments.production.params.nTrails: unknown parameter 'nTrails' (did you"
                + " mean 'nTrials'?)",
            "t.yaml:6: environments.production.stages.trian: unknown stage 'trian' (did you mean"
                + " 'train'?)",
            "t.yaml:7: environments.production.stages.train.resources.memory: memory \"8GB\" is not"
                + " a Kubernetes quantity (use 8Gi or 8G)",
            "t.yaml:7: environments.production.stages.train.timeout: timeout \"10m\" is not an"
                + " ISO-8601 duration (use e.g. PT30S, PT5M, PT1H)",
            "t.yaml:10: rules[0].when: unknown profile fact 'enviroment' (did you mean"
                + " 'environment'?) at column 37",
            "t.yaml:12: rules[0].set.resources.gpu: gpu 'one' is not a whole number",
            "t.yaml:14: rules[1].when: profile.pipeline_mode has no value 'inferance' (did you mean"
                + " 'inference'?) at column 26",
            "t.yaml:15: rules[1].exclude[0]: unknown stage 'dataQualty' (did you mean"
                + " 'dataQuality'?)"),
        problems(yaml));
  }

  @Test
  void aMissingFileSuggestsTheOneBesideIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("advanced-ml.yaml"), "pipeline: ml\n");

    UserInputException e =
        assertThrows(
            UserInputException.class,
            () -> ConfigFiles.template(dir.resolve("advanced-ml.yml"), TestPipeline.definition()));

    assertEquals(
        "cannot read the template "
            + dir.resolve("advanced-ml.yml")
            + ": no such file (did you mean 'advanced-ml.yaml'?)",
        e.getMessage());
  }
}
