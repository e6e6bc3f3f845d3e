package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** Runs a model over examples and keeps what the metrics and the A/B decision need. */
final class Predictions {
  private Predictions() {}

  /** A binary target's positive class: the last label in sorted order, as scikit-learn's. */
  static String positiveLabel(List<String> labels) {
    return labels.size() == 2 ? labels.get(1) : null;
  }

  /** One prediction per example of {@code data}, in order. */
  static List<ExamplePrediction> of(
      Model<Label> model, Iterable<org.tribuo.Example<Label>> examples, String positiveLabel) {
    List<ExamplePrediction> out = new ArrayList<>();
    for (Prediction<Label> prediction : model.predict(examples)) {
      String predicted = prediction.getOutput().getLabel();
      Double score = null;
      if (positiveLabel != null) {
        Label scored = prediction.getOutputScores().get(positiveLabel);
        score = scored != null ? scored.getScore() : (predicted.equals(positiveLabel) ? 1.0 : 0.0);
      }
      out.add(
          new ExamplePrediction(prediction.getExample().getOutput().getLabel(), predicted, score));
    }
    return out;
  }
}
