package dev.stagecraft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.examples.diamond.DiamondPipeline;
import dev.stagecraft.examples.diamond.StagecraftDiamondPipeline;
import dev.stagecraft.runtime.engine.ParamException;
import dev.stagecraft.runtime.engine.RunStatus;
import org.junit.jupiter.api.Test;

/** Runs the diamond through its generated class and checks what every stage produced. */
class DiamondPipelineTest {

  @Test
  void runsEveryStageAndJoinsBothBranches() {
    StagecraftDiamondPipeline.Result result =
        StagecraftDiamondPipeline.builder().size(500).mean(3.0).seed(7).bins(5).run();

    assertEquals(RunStatus.SUCCEEDED, result.status());
    DiamondPipeline.Sample sample = result.sample();
    assertEquals(500, sample.values().size());
    assertEquals(7, sample.seed());

    double mean = sample.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    DiamondPipeline.Summary summary = result.summary();
    assertEquals(mean, summary.mean(), 1e-12);
    assertEquals(500, summary.count());
    assertEquals(5, result.histogram().counts().size());
    assertEquals(500, result.histogram().counts().stream().mapToInt(Integer::intValue).sum());
    assertTrue(result.report().startsWith("n=500 mean="), result.report());
    assertEquals(
        mean, result.runResult().outcome("summary").orElseThrow().metrics().get("mean"), 1e-12);
  }

  @Test
  void sameSeedGivesSameSample() {
    var first = StagecraftDiamondPipeline.builder().seed(11).size(50).run().sample();
    var second = StagecraftDiamondPipeline.builder().seed(11).size(50).run().sample();
    assertEquals(first, second);
  }

  @Test
  void badCountsAreRejectedTogetherBeforeAnyStage() {
    ParamException e =
        assertThrows(
            ParamException.class, () -> StagecraftDiamondPipeline.builder().size(0).bins(-1).run());
    assertEquals(
        "parameter 'size' must be at least 1, not 0; parameter 'bins' must be at least 1, not -1",
        e.getMessage());
  }
}
