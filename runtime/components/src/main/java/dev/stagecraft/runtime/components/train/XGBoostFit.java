package dev.stagecraft.runtime.components.train;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationConverter;
import org.tribuo.common.xgboost.XGBoostExternalModel;
import org.tribuo.common.xgboost.XGBoostOutputConverter;

/**
 * Trains an XGBoost booster straight from the rows' arrays (a dense matrix, no Tribuo examples)
 * with the histogram tree method, round by round, and wraps it as a Tribuo model ({@code
 * XGBoostExternalModel}, Tribuo's form of an XGBoost model trained outside a Tribuo trainer). Two
 * classes train {@code binary:logistic} (one tree per round), more {@code multi:softprob}.
 *
 * <p>XGBoost's histogram method gives the same booster for any number of threads, so {@link
 * FitOptions#threads()} changes only the speed.
 */
final class XGBoostFit {
  private XGBoostFit() {}

  /**
   * Trains {@code rounds} rounds.
   *
   * @param params XGBoost's booster parameters for this model (objective, method, threads and seed
   *     are set here)
   * @throws CancellationException when the thread is interrupted between two rounds
   */
  static Model<Label> fit(
      ModelType type,
      Map<String, Object> hyperparameters,
      Map<String, Object> params,
      int rounds,
      long seed,
      LabeledData data,
      FitOptions options) {
    int n = data.size();
    int d = data.width();
    double[] values = data.values();
    float[] matrix = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      matrix[i] = (float) values[i];
    }
    float[] labels = new float[n];
    int[] classes = data.classes();
    for (int i = 0; i < n; i++) {
      labels[i] = classes[i];
    }
    boolean binary = data.isBinary();
    Map<String, Object> all = new HashMap<>(params);
    all.put("tree_method", "hist");
    all.put("nthread", options.threads());
    all.put("seed", Long.hashCode(seed));
    all.put("verbosity", 0);
    if (binary) {
      all.put("objective", "binary:logistic");
    } else {
      all.put("objective", "multi:softprob");
      all.put("num_class", data.labels().size());
    }
    DMatrix train = null;
    try {
      train = new DMatrix(matrix, n, d, Float.NaN);
      train.setLabel(labels);
      Booster booster = XGBoost.train(train, all, 0, Map.of(), null, null);
      for (int round = 0; round < rounds; round++) {
        if (Thread.currentThread().isInterrupted()) {
          booster.dispose();
          throw new CancellationException(type.id() + " interrupted at round " + round);
        }
        booster.update(train, round);
        options.onStep().accept(round + 1);
      }
      XGBoostOutputConverter<Label> converter =
          binary ? new BinaryLogisticConverter() : new XGBoostClassificationConverter();
      return XGBoostExternalModel.createXGBoostModel(
          TribuoDomains.LABELS,
          TribuoDomains.featureColumns(data),
          TribuoDomains.labelIds(data.labels()),
          converter,
          booster,
          TribuoDomains.provenance(type, hyperparameters));
    } catch (XGBoostError e) {
      throw new IllegalStateException(type.id() + ": XGBoost failed: " + e.getMessage(), e);
    } finally {
      if (train != null) {
        train.dispose();
      }
    }
  }
}
