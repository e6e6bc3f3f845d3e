package dev.stagecraft.runtime.components.train;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * What a Tribuo model built from Stagecraft's own learners needs besides its parameters: the
 * feature and label domains of the training rows (with Tribuo's per-feature statistics) and the
 * hyperparameters as provenance, so the model records how it was trained.
 */
final class TribuoDomains {
  /** The factory of classification outputs. */
  static final LabelFactory LABELS = new LabelFactory();

  private TribuoDomains() {}

  /** The features with their count, range, mean and sum of squared deviations. */
  static ImmutableFeatureMap features(LabeledData data) {
    int n = data.size();
    int d = data.width();
    double[] values = data.values();
    double[] min = new double[d];
    double[] max = new double[d];
    double[] mean = new double[d];
    double[] squares = new double[d];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    // row by row, the order the values are stored in
    for (int at = 0; at < values.length; at += d) {
      for (int j = 0; j < d; j++) {
        double v = values[at + j];
        min[j] = Math.min(min[j], v);
        max[j] = Math.max(max[j], v);
        mean[j] += v;
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (int at = 0; at < values.length; at += d) {
      for (int j = 0; j < d; j++) {
        double deviation = values[at + j] - mean[j];
        squares[j] += deviation * deviation;
      }
    }
    List<VariableInfo> infos = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      infos.add(new RealInfo(data.featureNames().get(j), n, max[j], min[j], mean[j], squares[j]));
    }
    return new ImmutableFeatureMap(infos);
  }

  /** Each feature's column in the rows. */
  static Map<String, Integer> featureColumns(LabeledData data) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int j = 0; j < data.width(); j++) {
      columns.put(data.featureNames().get(j), j);
    }
    return columns;
  }

  /** Each label's class index: its position in the sorted labels. */
  static Map<Label, Integer> labelIds(List<String> labels) {
    Map<Label, Integer> ids = new LinkedHashMap<>();
    for (int c = 0; c < labels.size(); c++) {
      ids.put(new Label(labels.get(c)), c);
    }
    return ids;
  }

  /** The labels with their class indices as Tribuo's ids. */
  static ImmutableOutputInfo<Label> outputs(List<String> labels) {
    return LABELS.constructInfoForExternalModel(labelIds(labels));
  }

  /** The model type and hyperparameters, as a model's instance provenance. */
  static Map<String, Provenance> provenance(ModelType type, Map<String, Object> params) {
    Map<String, Provenance> provenance = new LinkedHashMap<>();
    provenance.put(
        "stagecraft-model-type", new StringProvenance("stagecraft-model-type", type.id()));
    params.forEach(
        (name, value) -> provenance.put(name, new StringProvenance(name, String.valueOf(value))));
    return provenance;
  }
}
