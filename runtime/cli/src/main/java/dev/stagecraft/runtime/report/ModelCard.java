package dev.stagecraft.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained model as the report explains it, from a stage output holding one (as the main job's
 * training outputs do): its model type, chosen hyperparameters, cross-validation score, metrics on
 * the test split and the confusion matrix of its test predictions.
 *
 * @param instance the stage instance that produced it
 * @param modelType the model type
 * @param params the chosen hyperparameters, in declaration order, as text
 * @param metric the metric the search maximized
 * @param cvScore the chosen trial's mean cross-validation score
 * @param testMetrics the metrics on the test split by name ({@code accuracy}, ...), in order
 * @param labels the classes, sorted: the rows (actual) and columns (predicted) of {@code confusion}
 * @param confusion {@code confusion[a][p]} test rows of class {@code a} predicted as {@code p}
 */
public record ModelCard(
    String instance,
    String modelType,
    Map<String, String> params,
    String metric,
    double cvScore,
    Map<String, Double> testMetrics,
    List<String> labels,
    int[][] confusion) {

  /** The model card of an output that holds a trained model, else empty. */
  public static Optional<ModelCard> of(String instance, JsonNode output) {
    return JsonFind.objectWith(
            output, "modelType", "bestParams", "testMetrics", "predictions", "labels")
        .map(m -> card(instance, m));
  }

  private static ModelCard card(String instance, JsonNode m) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = m.path("bestParams").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode v = p.getValue();
      params.put(p.getKey(), v.isNumber() ? Format.number(v.asDouble()) : v.asText());
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (String name : List.of("accuracy", "precision", "recall", "f1", "rocAuc")) {
      JsonNode v = m.path("testMetrics").path(name);
      if (v.isNumber()) {
        metrics.put(name, v.asDouble());
      }
    }
    List<String> labels = new ArrayList<>();
    m.path("labels").forEach(l -> labels.add(l.asText()));
    int[][] confusion = new int[labels.size()][labels.size()];
    for (JsonNode p : m.path("predictions")) {
      int actual = labels.indexOf(p.path("actual").asText());
      int predicted = labels.indexOf(p.path("predicted").asText());
      if (actual >= 0 && predicted >= 0) {
        confusion[actual][predicted]++;
      }
    }
    return new ModelCard(
        instance,
        m.path("modelType").asText(),
        params,
        m.path("metric").asText(""),
        m.path("cvScore").asDouble(Double.NaN),
        metrics,
        labels,
        confusion);
  }
}
