package dev.stagecraft.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stage's state changes through its named methods, without a run or threads. */
class StageRunTest {
  private static StageRun stageRun(StageSpec spec, int upstreamCount) {
    return new StageRun(
        0, spec, 0, x -> CallResult.succeeded(null), upstreamCount, new int[0], null);
  }

  private static StageSpec.Builder spec(String name) {
    return StageSpec.builder(name).body(call -> null);
  }

  @Test
  void isReadyOnceItsLastUpstreamStageIsFinal() {
    StageRun s = stageRun(spec("s").dependsOn("a", "b").build(), 2);

    assertFalse(s.upstreamFinal());
    assertFalse(s.upstreamFinished(StageStatus.SUCCEEDED));
    assertTrue(s.upstreamFinished(StageStatus.CACHED));
    assertTrue(s.upstreamFinal());
    assertTrue(s.everyUpstreamHasOutput());
  }

  @Test
  void countsAnUpstreamStageThatEndedWithoutAnOutput() {
    StageRun s = stageRun(spec("s").dependsOn("a", "b").build(), 2);

    s.upstreamFinished(StageStatus.SUCCEEDED);
    s.upstreamFinished(StageStatus.SKIPPED);

    assertFalse(s.everyUpstreamHasOutput());
  }

  @Test
  void aPlainStageEndsWithItsExecutionAndKeepsOnlyAnOutputItHas() {
    StageRun ok = stageRun(spec("ok").build(), 0);
    StageRun bad = stageRun(spec("bad").build(), 0);

    assertTrue(ok.executionFinished(-1, CallResult.cached("model")));
    assertTrue(
        bad.executionFinished(-1, new CallResult(StageStatus.FAILED, "boom", "x", false, null)));

    assertEquals(StageStatus.CACHED, ok.status());
    assertEquals("model", ok.output());
    assertEquals(StageStatus.FAILED, bad.status());
    assertEquals("boom", bad.reason());
    assertNull(bad.output());
  }

  @Test
  void aFanOutStageEndsWhenItsLastInstanceEndsWhateverTheOrder() {
    StageRun s = stageRun(spec("train").fanOut(new FanOut.Items(List.of("a", "b"))).build(), 0);
    s.expand(List.of(new Execution(null, s, 0, "a"), new Execution(null, s, 1, "b")));

    assertFalse(s.executionFinished(1, CallResult.succeeded("B")));
    assertEquals(StageStatus.PENDING, s.status());
    assertTrue(s.executionFinished(0, CallResult.succeeded("A")));

    assertEquals(StageStatus.SUCCEEDED, s.status());
    assertEquals(List.of("A", "B"), s.output());
    assertFalse(s.endedWithoutExecutions());
  }

  @Test
  void endingWithoutRunningLeavesNoOutputAndNoExecutions() {
    StageRun s = stageRun(spec("consume").build(), 1);

    s.endWithoutRunning(StageStatus.SKIPPED, "input 'abTest' was skipped");

    assertEquals(StageStatus.SKIPPED, s.status());
    assertEquals("input 'abTest' was skipped", s.reason());
    assertNull(s.output());
    assertTrue(s.endedWithoutExecutions());
  }

  @Test
  void aFanOutWithoutItemsSucceedsWithAnEmptyList() {
    StageRun s = stageRun(spec("train").fanOut(new FanOut.Items(List.of())).build(), 0);

    s.endWithoutItems();

    assertEquals(StageStatus.SUCCEEDED, s.status());
    assertEquals("no items", s.reason());
    assertEquals(List.of(), s.output());
  }

  @Test
  void anExcludedStageIsNeverMadeReadyByItsUpstreamStages() {
    StageRun s =
        new StageRun(
            0,
            spec("s").dependsOn("a").build(),
            0,
            x -> CallResult.succeeded(null),
            1,
            new int[0],
            "excluded by rule-x");

    assertFalse(s.upstreamFinished(StageStatus.SUCCEEDED));
    assertTrue(s.upstreamFinal());
  }

  @Test
  void aFanOutStageRunsAtMostItsParallelismOfInstancesAtOnce() {
    StageRun s =
        stageRun(spec("s").fanOut(new FanOut.Items(List.of(1, 2, 3))).parallelism(2).build(), 0);

    assertTrue(s.instanceMayStart());
    s.instanceStarted();
    s.instanceStarted();
    assertFalse(s.instanceMayStart());
    s.instanceReleased();
    assertTrue(s.instanceMayStart());
  }

  @Test
  void aFanOutStageWithoutParallelismHasNoBound() {
    StageRun s = stageRun(spec("s").fanOut(new FanOut.Items(List.of(1, 2, 3))).build(), 0);

    for (int i = 0; i < 100; i++) {
      s.instanceStarted();
    }
    assertTrue(s.instanceMayStart());
  }
}
