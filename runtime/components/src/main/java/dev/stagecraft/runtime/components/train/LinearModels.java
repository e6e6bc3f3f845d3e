package dev.stagecraft.runtime.components.train;

import java.time.OffsetDateTime;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.interop.ExternalDatasetProvenance;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;

/**
 * Turns the weights of {@link LogisticRegression} into Tribuo's linear classifier ({@code
 * LinearSGDModel} with a softmax over one row of weights per label, the last column the bias), so
 * the fitted model is an ordinary Tribuo model: predictions, serialization and the registry as for
 * any other. Tribuo builds that model only through its trainer's protected factory method, which
 * {@link Factory} exposes; its SGD loop is not used.
 */
final class LinearModels {
  private LinearModels() {}

  /**
   * The Tribuo model of these weights.
   *
   * @param weights one row per label in label order: the feature weights in column order, then the
   *     bias
   */
  static Model<Label> logistic(
      LabeledData data, double[][] weights, Map<String, Object> hyperparameters) {
    ImmutableFeatureMap features = TribuoDomains.features(data);
    ImmutableOutputInfo<Label> outputs = TribuoDomains.outputs(data.labels());
    int d = data.width();
    DenseMatrix matrix = new DenseMatrix(weights.length, d + 1);
    for (int c = 0; c < weights.length; c++) {
      int row = outputs.getID(new Label(data.labels().get(c)));
      for (int j = 0; j < d; j++) {
        matrix.set(row, features.getID(data.featureNames().get(j)), weights[c][j]);
      }
      matrix.set(row, d, weights[c][d]);
    }
    Factory factory = new Factory();
    ModelProvenance provenance =
        new ModelProvenance(
            LinearSGDModel.class.getName(),
            OffsetDateTime.now(),
            new ExternalDatasetProvenance(
                data.target(), TribuoDomains.LABELS, false, d, weights.length),
            factory.getProvenance(),
            TribuoDomains.provenance(ModelType.LOGISTIC_REGRESSION, hyperparameters));
    return factory.model(provenance, features, outputs, new LinearParameters(matrix));
  }

  /** Tribuo's linear trainer, used only for its model factory (softmax over log-linear scores). */
  private static final class Factory extends LinearSGDTrainer {
    Factory() {
      super(new LogMulticlass(), new AdaGrad(0.1), 1, 0L);
    }

    LinearSGDModel model(
        ModelProvenance provenance,
        ImmutableFeatureMap features,
        ImmutableOutputInfo<Label> outputs,
        LinearParameters parameters) {
      return createModel("logistic-regression", provenance, features, outputs, parameters);
    }
  }
}
