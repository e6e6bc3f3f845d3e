package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.components.data.BundledData;
import dev.stagecraft.runtime.components.data.TrainTestSplit;
import dev.stagecraft.runtime.components.train.DataSummary;
import dev.stagecraft.runtime.components.train.Domain;
import dev.stagecraft.runtime.components.train.LabeledData;
import dev.stagecraft.runtime.components.train.ModelTraining;
import dev.stagecraft.runtime.components.train.TableDatasets;
import dev.stagecraft.runtime.components.train.TrainedModel;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * A recorded training run with real outputs: a data summary of the bundled data's split and two
 * models trained on it (a logistic regression and a small gradient boosting), their summary lines,
 * and an empty {@code inputDataPath} whose definition says what empty means.
 */
final class TrainedRuns {
  static final String RUN = "20260104-050607-c0ffee";
  static final Instant T0 = Instant.parse("2026-01-04T05:06:07Z");
  static final String INPUT_MEANS = "The CSV; empty: the bundled breast cancer data";

  /** Shaped like the main job's preprocessing output: the summary next to the rows. */
  record Prepared(DataSummary data, double[][] trainFeatures) {}

  /** Shaped like the main job's training output. */
  record Variant(String variant, String instance, TrainedModel model) {}

  /** What was recorded. */
  record Recorded(DataSummary data, List<TrainedModel> models, List<String> summary) {}

  private TrainedRuns() {}

  /** A definition with the run's parameter, for its description. */
  static PipelineDefinition definition() {
    return PipelineDefinition.builder("training-demo")
        .param(ParamSpec.optional("inputDataPath", ParamType.STRING, INPUT_MEANS, ""))
        .build();
  }

  static Recorded record(Path dir) {
    Table table = BundledData.breastCancer();
    TrainTestSplit.Split split = new TrainTestSplit(0.2, 42, "diagnosis").split(table);
    LabeledData train = TableDatasets.forTraining(split.train(), "diagnosis");
    LabeledData test = TableDatasets.forEvaluation(split.test(), "diagnosis", train.featureNames());
    DataSummary data =
        DataSummary.of("bundled breast cancer data", train, test, "impute MEDIAN, scale NONE");
    List<TrainedModel> models =
        List.of(
            ModelTraining.train(
                train,
                test,
                List.of(TrainingConfig.defaults("logistic_regression").withTrials(2).withFolds(2))),
            ModelTraining.train(
                train,
                test,
                List.of(
                    TrainingConfig.defaults("gradient_boosting")
                        .withSpace(Map.of("n_estimators", Domain.ints(5, 10)))
                        .withTrials(2)
                        .withFolds(2))));
    List<String> summary =
        List.of("data: " + data.line(), "variant a: <best> & \"quoted\" logistic_regression");
    try (Store store = Store.open(dir)) {
      store
          .history()
          .runStarted(
              new RunInfo(RUN, "training-demo", Map.of("inputDataPath", ""), T0, Optional.empty()));
      finished(store, "preprocess", -1);
      store.saveOutput(RUN, "preprocess", new Prepared(data, new double[][] {{1, 2}, {3, 4}}));
      for (int i = 0; i < models.size(); i++) {
        String instance = "train[" + i + "]";
        finished(store, instance, i);
        store.saveOutput(
            RUN, instance, new Variant(List.of("a", "b").get(i), instance, models.get(i)));
      }
      store.history().runFinished(RUN, RunStatus.SUCCEEDED, T0.plusSeconds(9));
      store.history().summary(RUN, summary);
    }
    return new Recorded(data, models, summary);
  }

  private static void finished(Store store, String instance, int index) {
    StageExecution.Builder b =
        StageExecution.builder(instance, index < 0 ? instance : "train")
            .status(StageStatus.SUCCEEDED)
            .attempts(1)
            .start(T0)
            .end(T0.plusSeconds(2))
            .wallMs(2000);
    if (index >= 0) {
      b.index(index).item(List.of("a", "b").get(index));
    }
    store.history().stageFinished(RUN, b.build());
  }
}
