package dev.stagecraft.runtime.components.train;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The result of training: the chosen model type and hyperparameters, their cross-validation score,
 * the metrics and per-example predictions on the held-out split, the whole optimization history,
 * and the Tribuo model itself.
 *
 * <p>Every component but {@link #model()} is plain data; the model is written in Tribuo's own
 * protobuf format ({@link TribuoModels}), which Jackson embeds as a base64 string ({@link
 * TribuoModelJson}), so the whole record round-trips through plain JSON. A codec that keeps the
 * model in a file of its own can write {@code withModel(null)} as JSON and the model through {@link
 * TribuoModels}, then put them back together with {@link #withModel(Model)}.
 *
 * @param modelType the model type's id, e.g. {@code logistic_regression}
 * @param bestParams every hyperparameter of the chosen model, in declaration order
 * @param metric the metric the search maximized
 * @param cvScore the chosen trial's mean cross-validation score
 * @param target the target column
 * @param featureNames the feature columns the model expects
 * @param labels the target's classes, sorted
 * @param positiveLabel the positive class of a binary target (the last label), else {@code null}
 * @param testMetrics the metrics on the held-out split
 * @param predictions one prediction per held-out example, in row order
 * @param history every trial of the search (of every model type tried), in evaluation order
 * @param seed the seed the search and the trainers used
 * @param model the trained Tribuo model; {@code null} in a copy written without it
 */
public record TrainedModel(
    String modelType,
    Map<String, Object> bestParams,
    String metric,
    double cvScore,
    String target,
    List<String> featureNames,
    List<String> labels,
    String positiveLabel,
    ClassificationMetrics testMetrics,
    List<ExamplePrediction> predictions,
    List<TrialRecord> history,
    long seed,
    @JsonSerialize(using = TribuoModelJson.Serializer.class)
        @JsonDeserialize(using = TribuoModelJson.Deserializer.class)
        Model<Label> model) {

  /** Copies the collections. */
  public TrainedModel {
    bestParams = Collections.unmodifiableMap(new LinkedHashMap<>(bestParams));
    featureNames = List.copyOf(featureNames);
    labels = List.copyOf(labels);
    predictions = List.copyOf(predictions);
    history = List.copyOf(history);
  }

  /** The held-out accuracy. */
  public double accuracy() {
    return testMetrics.accuracy();
  }

  /** This record holding {@code model} (used after reading the JSON part and the model apart). */
  public TrainedModel withModel(Model<Label> model) {
    return new TrainedModel(
        modelType,
        bestParams,
        metric,
        cvScore,
        target,
        featureNames,
        labels,
        positiveLabel,
        testMetrics,
        predictions,
        history,
        seed,
        model);
  }
}
