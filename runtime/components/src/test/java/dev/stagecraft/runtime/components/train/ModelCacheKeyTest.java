package dev.stagecraft.runtime.components.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.stagecraft.runtime.components.data.BundledData;
import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A trained model's cache key depends on what the model computes, not on when it was trained: a
 * cached stage reading a freshly trained model (its Tribuo bytes carry the training time and the
 * data set's creation time, its search history the trials' wall times) hits on the next run, and
 * misses when the model computes something else.
 */
class ModelCacheKeyTest {
  @TempDir Path dir;

  /** {@code train} fits a seeded logistic regression every run; {@code evaluate} is cached. */
  private static PipelineDefinition pipeline() {
    return PipelineDefinition.builder("model-cache")
        .param(ParamSpec.optional("seed", ParamType.LONG, "the trainer's seed", "7"))
        .stage(
            StageSpec.builder("train")
                .outputType("TrainedModel")
                .params("seed")
                .body(
                    call -> {
                      LabeledData data =
                          TableDatasets.forTraining(
                              BundledData.breastCancer(), BundledData.BREAST_CANCER_TARGET);
                      TrainingConfig config =
                          TrainingConfig.defaults("logistic_regression")
                              .withTrials(2)
                              .withFolds(2)
                              .withSeed(call.<Long>param("seed"));
                      return ModelTraining.train(data, data, List.of(config));
                    })
                .build())
        .stage(
            StageSpec.builder("model")
                .outputType("Model<Label>")
                .input(InputSpec.of("train"))
                .body(call -> call.<TrainedModel>input("train").model())
                .build())
        .stage(
            StageSpec.builder("evaluate")
                .outputType("Double")
                .input(InputSpec.of("train"))
                .cache(true)
                .body(call -> call.<TrainedModel>input("train").accuracy())
                .build())
        .stage(
            StageSpec.builder("describeModel")
                .outputType("String")
                .input(InputSpec.of("model"))
                .cache(true)
                .body(call -> call.<Model<Label>>input("model").toString())
                .build())
        .build();
  }

  private static RunResult run(Store store, String seed) {
    PipelineDefinition def = pipeline();
    RunResult r =
        PipelineRunner.runText(
            def, Map.of("seed", seed), store.attach(RunOptions.defaults(), def.name()));
    assertEquals(RunStatus.SUCCEEDED, r.status(), r.toString());
    return r;
  }

  @Test
  void aStageCachedOnATrainedModelHitsWhenTheModelIsTrainedAgain() throws Exception {
    try (Store store = Store.open(dir)) {
      RunResult first = run(store, "7");
      assertEquals(StageStatus.SUCCEEDED, first.outcome("evaluate").orElseThrow().status());
      assertEquals(StageStatus.SUCCEEDED, first.outcome("describeModel").orElseThrow().status());

      RunResult second = run(store, "7");
      assertEquals(StageStatus.SUCCEEDED, second.outcome("train").orElseThrow().status());
      assertEquals(StageStatus.CACHED, second.outcome("evaluate").orElseThrow().status());
      assertEquals(StageStatus.CACHED, second.outcome("describeModel").orElseThrow().status());
    }
  }

  @Test
  void aModelThatComputesSomethingElseMisses() throws Exception {
    try (Store store = Store.open(dir)) {
      run(store, "7");
      RunResult other = run(store, "8");
      assertEquals(StageStatus.SUCCEEDED, other.outcome("evaluate").orElseThrow().status());
      assertEquals(StageStatus.SUCCEEDED, other.outcome("describeModel").orElseThrow().status());
    }
  }

  @Test
  void theContentHashIgnoresOnlyTheTrainingTimes() throws Exception {
    LabeledData data =
        TableDatasets.forTraining(BundledData.breastCancer(), BundledData.BREAST_CANCER_TARGET);
    TrainingConfig config =
        TrainingConfig.defaults("logistic_regression").withTrials(1).withFolds(2).withSeed(3);
    Model<Label> once = ModelTraining.train(data, data, List.of(config)).model();
    Model<Label> again = ModelTraining.train(data, data, List.of(config)).model();
    Model<Label> other = ModelTraining.train(data, data, List.of(config.withSeed(4))).model();
    assertFalse(
        Arrays.equals(TribuoModels.toBytes(once), TribuoModels.toBytes(again)),
        "the bytes differ in their provenance times");
    assertEquals(TribuoModels.contentHash(once), TribuoModels.contentHash(again));
    assertNotEquals(TribuoModels.contentHash(once), TribuoModels.contentHash(other));
  }
}
