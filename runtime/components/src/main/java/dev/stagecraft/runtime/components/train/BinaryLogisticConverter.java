package dev.stagecraft.runtime.components.train;

import com.google.protobuf.Any;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.protos.XGBoostOutputConverterProto;

/**
 * Reads the single output column of an XGBoost {@code binary:logistic} booster (the probability of
 * the label with id 1) as a Tribuo prediction with both labels' probabilities. Tribuo's own {@code
 * XGBoostClassificationConverter} expects one column per label ({@code multi:softprob}), which for
 * two classes grows two mirrored trees per round: twice the work for the same model.
 *
 * <p>Part of the model's Tribuo serialization (by class name), so a model written with it is read
 * back with it.
 */
public final class BinaryLogisticConverter implements XGBoostOutputConverter<Label> {
  private static final long serialVersionUID = 1L;

  /** The version of the serialized form. */
  public static final int CURRENT_VERSION = 0;

  /** The converter; it holds no state. */
  public BinaryLogisticConverter() {}

  /**
   * Reads the converter back from its serialized form (called by Tribuo's deserialization).
   *
   * @throws IllegalArgumentException for a version this class does not know
   */
  public static BinaryLogisticConverter deserializeFromProto(
      int version, String className, Any message) {
    if (version < 0 || version > CURRENT_VERSION) {
      throw new IllegalArgumentException(
          "unknown version "
              + version
              + " of "
              + className
              + "; this one reads "
              + CURRENT_VERSION);
    }
    return new BinaryLogisticConverter();
  }

  @Override
  public XGBoostOutputConverterProto serialize() {
    return XGBoostOutputConverterProto.newBuilder()
        .setVersion(CURRENT_VERSION)
        .setClassName(BinaryLogisticConverter.class.getName())
        .build();
  }

  @Override
  public Class<Label> getTypeWitness() {
    return Label.class;
  }

  @Override
  public boolean generatesProbabilities() {
    return true;
  }

  @Override
  public Prediction<Label> convertOutput(
      ImmutableOutputInfo<Label> info, List<float[]> output, int features, Example<Label> example) {
    if (output.size() != 1) {
      throw new IllegalArgumentException(
          "a binary:logistic booster has one output, not " + output.size());
    }
    return prediction(info, output.get(0)[0], features, example);
  }

  @Override
  public List<Prediction<Label>> convertBatchOutput(
      ImmutableOutputInfo<Label> info,
      List<float[][]> output,
      int[] features,
      Example<Label>[] examples) {
    if (output.size() != 1) {
      throw new IllegalArgumentException(
          "a binary:logistic booster has one output, not " + output.size());
    }
    float[][] rows = output.get(0);
    List<Prediction<Label>> predictions = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      predictions.add(prediction(info, rows[i][0], features[i], examples[i]));
    }
    return predictions;
  }

  private static Prediction<Label> prediction(
      ImmutableOutputInfo<Label> info, float positive, int features, Example<Label> example) {
    String negativeName = info.getOutput(0).getLabel();
    String positiveName = info.getOutput(1).getLabel();
    Label negative = new Label(negativeName, 1.0 - positive);
    Label positiveLabel = new Label(positiveName, positive);
    Map<String, Label> scores = new LinkedHashMap<>();
    scores.put(negativeName, negative);
    scores.put(positiveName, positiveLabel);
    Label predicted = positive > 0.5 ? positiveLabel : negative;
    return new Prediction<>(predicted, scores, features, example, true);
  }
}
