package dev.stagecraft.examples.advancedml;

import dev.stagecraft.runtime.Summarizable;
import dev.stagecraft.runtime.components.train.ClassificationMetrics;
import dev.stagecraft.runtime.components.train.TrainedModel;
import java.util.List;

/**
 * The best model of one training variant.
 *
 * @param variant the variant, {@code a} or {@code b}
 * @param instance the stage instance that trained it, e.g. {@code train[1]}
 * @param model the trained model with its metrics, predictions and search history
 */
public record VariantModel(String variant, String instance, TrainedModel model)
    implements Summarizable {

  /** The held-out accuracy. */
  public double accuracy() {
    return model.accuracy();
  }

  @Override
  public List<String> summaryLines() {
    ClassificationMetrics m = model.testMetrics();
    String method = model.history().isEmpty() ? "random" : model.history().get(0).method();
    long pruned = model.history().stream().filter(t -> !t.complete()).count();
    String trials =
        model.history().size()
            + ("random".equals(method) ? "" : " " + method)
            + " trials"
            + (pruned > 0 ? ", " + pruned + " pruned" : "");
    return List.of(
        String.format(
            "variant %s: best %s (cv %s %.4f over %s); test accuracy %.4f, precision %.4f,"
                + " recall %.4f, f1 %.4f",
            variant,
            model.modelType(),
            model.metric(),
            model.cvScore(),
            trials,
            m.accuracy(),
            m.precision(),
            m.recall(),
            m.f1()));
  }
}
