package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.StageStatus.CACHED;
import static dev.stagecraft.runtime.engine.StageStatus.CANCELLED;
import static dev.stagecraft.runtime.engine.StageStatus.FAILED;
import static dev.stagecraft.runtime.engine.StageStatus.SKIPPED;
import static dev.stagecraft.runtime.engine.StageStatus.SUCCEEDED;
import static dev.stagecraft.runtime.engine.StageStatus.UPSTREAM_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upstream verdict as a plain function of a spec and its upstream stages' statuses. */
class UpstreamVerdictTest {
  private static final Condition READS_AB_TEST =
      new Condition("abTest.confidence > 0.8", List.of("abTest"), List.of(), scope -> true);

  private static StageSpec.Builder stage(String name) {
    return StageSpec.builder(name).body(call -> null);
  }

  private static UpstreamVerdict verdict(StageSpec spec, Map<String, StageStatus> statuses) {
    return UpstreamVerdict.of(spec, statuses::get);
  }

  @Test
  void runsWhenEveryUpstreamStageSucceededOrWasCached() {
    StageSpec spec = stage("train").dependsOn("load").input(InputSpec.of("prepare")).build();

    UpstreamVerdict v = verdict(spec, Map.of("load", SUCCEEDED, "prepare", CACHED));

    assertSame(UpstreamVerdict.RUNS, v);
    assertTrue(v.runs());
  }

  @Test
  void aFailedUpstreamStageMakesItUpstreamFailed() {
    StageSpec spec = stage("after").dependsOn("bad").build();

    assertEquals(
        new UpstreamVerdict(UPSTREAM_FAILED, "upstream stage 'bad' failed"),
        verdict(spec, Map.of("bad", FAILED)));
  }

  @Test
  void anUpstreamFailedUpstreamStageSaysItDidNotRun() {
    StageSpec spec = stage("last").input(InputSpec.of("after")).build();

    UpstreamVerdict v = verdict(spec, Map.of("after", UPSTREAM_FAILED));

    assertFalse(v.runs());
    assertEquals(
        new UpstreamVerdict(
            UPSTREAM_FAILED, "upstream stage 'after' did not run (upstream failed)"),
        v);
  }

  @Test
  void theFirstFailureInUpstreamOrderIsNamedAndAFailureOutweighsAnEarlierCancel() {
    // upstream order: explicit dependencies, then inputs
    StageSpec spec =
        stage("s").dependsOn("stopped", "broken").input(InputSpec.of("alsoBroken")).build();

    assertEquals(
        new UpstreamVerdict(UPSTREAM_FAILED, "upstream stage 'broken' failed"),
        verdict(spec, Map.of("stopped", CANCELLED, "broken", FAILED, "alsoBroken", FAILED)));
  }

  @Test
  void aCancelledUpstreamStageCancelsItNamingTheFirst() {
    StageSpec spec = stage("s").dependsOn("ok", "first", "second").build();

    assertEquals(
        new UpstreamVerdict(CANCELLED, "upstream stage 'first' was cancelled"),
        verdict(spec, Map.of("ok", SUCCEEDED, "first", CANCELLED, "second", CANCELLED)));
  }

  @Test
  void aSkippedRequiredInputSkipsIt() {
    StageSpec spec = stage("consume").input(InputSpec.of("abTest")).build();

    assertEquals(
        new UpstreamVerdict(SKIPPED, "input 'abTest' was skipped"),
        verdict(spec, Map.of("abTest", SKIPPED)));
  }

  @Test
  void aSkippedOptionalInputOrPlainDependencyLetsItRun() {
    StageSpec spec =
        stage("report").input(InputSpec.optionalOf("abTest")).dependsOn("cleanup").build();

    assertSame(UpstreamVerdict.RUNS, verdict(spec, Map.of("abTest", SKIPPED, "cleanup", SKIPPED)));
  }

  @Test
  void aSkippedFanOutInputSkipsIt() {
    StageSpec spec = stage("train").fanOut(new FanOut.FromInput("variants")).build();

    assertEquals(
        new UpstreamVerdict(SKIPPED, "fan-out input 'variants' was skipped"),
        verdict(spec, Map.of("variants", SKIPPED)));
  }

  @Test
  void aConditionReadingASkippedStageSkipsIt() {
    StageSpec spec = stage("deploy").condition(READS_AB_TEST).build();

    assertEquals(
        new UpstreamVerdict(
            SKIPPED, "condition abTest.confidence > 0.8 reads skipped stage 'abTest'"),
        verdict(spec, Map.of("abTest", SKIPPED)));
  }

  @Test
  void aSkippedRequiredInputIsNamedBeforeTheConditionThatReadsIt() {
    StageSpec spec = stage("deploy").input(InputSpec.of("abTest")).condition(READS_AB_TEST).build();

    assertEquals(
        new UpstreamVerdict(SKIPPED, "input 'abTest' was skipped"),
        verdict(spec, Map.of("abTest", SKIPPED)));
  }

  @Test
  void aFailureOutweighsASkippedInput() {
    StageSpec spec =
        stage("s").input(InputSpec.of("skipped")).input(InputSpec.of("broken")).build();

    assertEquals(
        new UpstreamVerdict(UPSTREAM_FAILED, "upstream stage 'broken' failed"),
        verdict(spec, Map.of("skipped", SKIPPED, "broken", FAILED)));
  }
}
