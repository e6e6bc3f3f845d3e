package dev.stagecraft.runtime.components.train;

import dev.stagecraft.runtime.components.data.BundledData;
import dev.stagecraft.runtime.components.data.ScaleMethod;
import dev.stagecraft.runtime.components.data.Scaler;
import dev.stagecraft.runtime.components.data.ScalerState;
import dev.stagecraft.runtime.components.data.TrainTestSplit;
import tech.tablesaw.api.Table;

/** The bundled data set split and standard-scaled by the data components, as the pipeline does. */
final class SplitForTests {
  private SplitForTests() {}

  /** [train, test] of the breast cancer data: stratified 80/20 with seed 42, scaled on train. */
  static Table[] breastCancerSplit() {
    TrainTestSplit.Split split =
        new TrainTestSplit(0.2, 42, "diagnosis").split(BundledData.breastCancer());
    ScalerState scale = new Scaler(ScaleMethod.STANDARD, "diagnosis").fit(split.train());
    return new Table[] {scale.transform(split.train()), scale.transform(split.test())};
  }
}
