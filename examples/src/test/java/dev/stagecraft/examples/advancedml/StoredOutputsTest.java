package dev.stagecraft.examples.advancedml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.codec.Codecs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Every stage output of the pipeline goes through the store's codecs and comes back equal, so
 * caching, resume and a stage in another process work with them.
 */
class StoredOutputsTest {
  @TempDir Path registry;
  @TempDir Path artifacts;

  @Test
  void everyOutputRoundTripsThroughTheStoresCodecs() {
    StagecraftAdvancedMlPipeline.Result r =
        StagecraftAdvancedMlPipeline.builder()
            .nTrials(1)
            .folds(2)
            .registryDir(registry)
            .searchSpace(AdvancedMlPipelineTest.WEAK_B)
            .run();
    assertEquals(RunStatus.SUCCEEDED, r.status());
    ArtifactStore store = new ArtifactStore(artifacts, Codecs.standard());

    for (StageOutcome o : r.runResult().stages()) {
      if (!o.status().hasOutput()) {
        continue;
      }
      Object value = o.output().orElseThrow();
      ArtifactRef ref = store.put(value, o.name());
      Object back = store.get(ref, value.getClass());
      if (value instanceof Table table) {
        assertEquals(table.rowCount(), ((Table) back).rowCount());
        assertEquals(table.columnNames(), ((Table) back).columnNames());
      } else if (value instanceof PreparedData data) {
        PreparedData read = (PreparedData) back;
        assertEquals(data.features(), read.features());
        assertEquals(data.trainLabels(), read.trainLabels());
        assertArrayEquals(data.testFeatures(), read.testFeatures());
        assertEquals(data.summaryLines(), read.summaryLines());
      } else if (value instanceof VariantModel model) {
        VariantModel read = (VariantModel) back;
        assertEquals(model.summaryLines(), read.summaryLines());
        assertEquals(model.model().predictions(), read.model().predictions());
      } else {
        assertEquals(value, back, o.name());
      }
    }
  }
}
