package dev.stagecraft.runtime.components.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.codec.Codecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class TribuoModelCodecTest {
  @TempDir Path dir;

  @Test
  void aTribuoModelRoundTripsInTribuosFormatAndPredictsTheSame() {
    LabelFactory labels = new LabelFactory();
    List<org.tribuo.Example<Label>> examples = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 60; i++) {
      double x = random.nextGaussian();
      double y = random.nextGaussian();
      examples.add(
          new ArrayExample<>(
              new Label(x + y > 0 ? "pos" : "neg"), new String[] {"x", "y"}, new double[] {x, y}));
    }
    MutableDataset<Label> data =
        new MutableDataset<>(
            new ListDataSource<>(examples, labels, new SimpleDataSourceProvenance("test", labels)));
    Model<Label> model = new LogisticRegressionTrainer().train(data);

    ArtifactStore store = new ArtifactStore(dir, Codecs.standard());
    ArtifactRef ref = store.put(model, "train");
    assertEquals("tribuo", ref.codec());
    @SuppressWarnings("unchecked")
    Model<Label> back = (Model<Label>) store.get(ref, Model.class);
    for (org.tribuo.Example<Label> e : examples) {
      Prediction<Label> p1 = model.predict(e);
      Prediction<Label> p2 = back.predict(e);
      assertEquals(p1.getOutput().getLabel(), p2.getOutput().getLabel());
      assertEquals(p1.getOutput().getScore(), p2.getOutput().getScore(), 1e-12);
    }
  }
}
