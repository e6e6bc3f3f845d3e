package dev.stagecraft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.examples.abdemo.AbDemoPipeline;
import dev.stagecraft.examples.abdemo.StagecraftAbDemoPipeline;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageOutputUnavailableException;
import dev.stagecraft.runtime.engine.StageStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conditional A/B shape: which stages ran and which were skipped, and why. */
class AbDemoPipelineTest {

  @Test
  void confidentAbTestDeploysTheWinner() {
    var result =
        StagecraftAbDemoPipeline.builder().accuracyA(0.90).accuracyB(0.95).rows(2000).run();

    assertEquals(RunStatus.SUCCEEDED, result.status());
    assertEquals(
        List.of("a", "b"),
        result.train().stream().map(AbDemoPipeline.TrainedModel::variant).toList());
    assertTrue(result.abTest().confidence() > 0.8, "confidence " + result.abTest().confidence());
    assertEquals(new AbDemoPipeline.Deployment("b", "production", 0.95), result.deployWinner());
    assertStatus(result.runResult(), "deploySingle", StageStatus.SKIPPED);
    assertReason(
        result.runResult(), "deploySingle", "!enableAbTesting was false (enableAbTesting = true)");
  }

  @Test
  void unconfidentAbTestDeploysNothing() {
    var result = StagecraftAbDemoPipeline.builder().accuracyA(0.90).accuracyB(0.91).run();

    assertEquals(RunStatus.SUCCEEDED, result.status());
    assertStatus(result.runResult(), "abTest", StageStatus.SUCCEEDED);
    assertStatus(result.runResult(), "deployWinner", StageStatus.SKIPPED);
    assertReason(
        result.runResult(),
        "deployWinner",
        "abTest.confidence > 0.8 was false (abTest.confidence = 0.5)");
    assertStatus(result.runResult(), "deploySingle", StageStatus.SKIPPED);
    var error = assertThrows(StageOutputUnavailableException.class, result::deployWinner);
    assertTrue(error.getMessage().contains("SKIPPED"), error.getMessage());
  }

  @Test
  void abTestingOffDeploysTheSingleModel() {
    var result = StagecraftAbDemoPipeline.builder().enableAbTesting(false).run();

    assertEquals(RunStatus.SUCCEEDED, result.status());
    assertStatus(result.runResult(), "abTest", StageStatus.SKIPPED);
    assertReason(
        result.runResult(), "abTest", "enableAbTesting was false (enableAbTesting = false)");
    assertStatus(result.runResult(), "deployWinner", StageStatus.SKIPPED);
    assertReason(result.runResult(), "deployWinner", "abTest");
    assertEquals(new AbDemoPipeline.Deployment("a", "production", 0.90), result.deploySingle());
  }

  @Test
  void fanOutInstancesCarryTheirItems() {
    RunResult run = StagecraftAbDemoPipeline.builder().run().runResult();
    assertEquals("a", run.outcome("train[0]").orElseThrow().item().orElseThrow());
    assertEquals("b", run.outcome("train[1]").orElseThrow().item().orElseThrow());
    assertEquals(0.95, run.outcome("train[1]").orElseThrow().metrics().get("accuracy"));
  }

  private static void assertStatus(RunResult run, String stage, StageStatus expected) {
    assertEquals(expected, run.outcome(stage).orElseThrow().status(), stage);
  }

  private static void assertReason(RunResult run, String stage, String expectedPart) {
    String reason = run.outcome(stage).orElseThrow().reason();
    assertTrue(reason.contains(expectedPart), stage + " reason: " + reason);
  }
}
