package dev.stagecraft.runtime.components.train;

/**
 * A model's prediction for one held-out example, kept so two models can be compared example by
 * example.
 *
 * @param actual the true label
 * @param predicted the predicted label
 * @param positiveScore the model's score (probability where the model has one) of the positive
 *     class for a binary target; {@code null} for a multiclass target
 */
public record ExamplePrediction(String actual, String predicted, Double positiveScore) {

  /** Whether the prediction is right. */
  public boolean correct() {
    return actual.equals(predicted);
  }
}
