package dev.stagecraft.runtime.plan.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.plan.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Predictions from synthetic histories, each worked out by hand. */
class StagePredictorTest {
  private static final OptionalLong NO_SIZE = OptionalLong.empty();

  /** A successful plain execution in run {@code run}. */
  private static ExecutionSample ok(String run, double wall, double cpu, long memory) {
    return new ExecutionSample(
        run, NO_SIZE, -1, StageStatus.SUCCEEDED, "", 1, wall, cpu, OptionalLong.of(memory), 100);
  }

  private static ExecutionSample sized(String run, long size, double wall) {
    return new ExecutionSample(
        run,
        OptionalLong.of(size),
        -1,
        StageStatus.SUCCEEDED,
        "",
        1,
        wall,
        wall,
        OptionalLong.of(size / 10),
        0);
  }

  private static ExecutionSample ended(String run, StageStatus status, String reason) {
    return new ExecutionSample(run, NO_SIZE, -1, status, reason, 0, 0, 0, OptionalLong.empty(), 0);
  }

  @Test
  void withoutHistoryTheDefaultsHaveConfidenceZero() {
    Prediction p = StagePredictor.predict(List.of(), NO_SIZE, 0);

    assertEquals(Prediction.NO_HISTORY, p);
    assertEquals(300, p.durationSeconds());
    assertEquals(1, p.cpuCores());
    assertEquals(OptionalLong.of(2048L << 20), p.memoryBytes());
    assertEquals(0, p.confidence());
  }

  @Test
  void aStageTheRecentRunsNeverReachedGetsTheDefaults() {
    Prediction p = StagePredictor.predict(List.of(), NO_SIZE, 4);

    assertEquals(Prediction.Source.DEFAULTS, p.source());
    assertEquals(0, p.confidence());
    assertEquals(
        "no execution in the last 4 runs: the defaults of 300 s, 1 core, 2048 MiB", p.basis());
  }

  @Test
  void recentExecutionsGiveTheirMedians() {
    List<ExecutionSample> h =
        List.of(ok("r3", 10, 5, 300), ok("r2", 12, 12, 100), ok("r1", 11, 8.8, 200));

    Prediction p = StagePredictor.predict(h, NO_SIZE, 3);

    assertEquals(Prediction.Source.MEDIAN, p.source());
    assertEquals(11, p.durationSeconds(), 1e-12);
    // cores 0.5, 1.0, 0.8
    assertEquals(0.8, p.cpuCores(), 1e-12);
    assertEquals(OptionalLong.of(200), p.memoryBytes());
    // 3 of 4 for the count, times 1 - 1/11 for the spread
    assertEquals(0.75 * (1 - 1 / 11.0), p.confidence(), 1e-12);
    assertTrue(p.basis().startsWith("median of 3 executions (spread 9%); cpu: "), p.basis());
    assertEquals(100, p.outputBytes());
  }

  @Test
  void onlyTheMostRecentTenCount() {
    List<ExecutionSample> h = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      h.add(ok("new" + i, 2, 1, 1)); // newest first
    }
    for (int i = 0; i < 5; i++) {
      h.add(ok("old" + i, 100, 1, 1));
    }

    assertEquals(2, StagePredictor.predict(h, NO_SIZE, 15).durationSeconds());
  }

  @Test
  void threeSizesFitAModelThatPredictsAnUnseenSize() {
    // 0.5 s + 1 s per million bytes, newest first
    List<ExecutionSample> h =
        List.of(
            sized("r3", 4_000_000, 4.5), sized("r2", 2_000_000, 2.5), sized("r1", 1_000_000, 1.5));

    Prediction p = StagePredictor.predict(h, OptionalLong.of(8_000_000), 3);

    assertEquals(Prediction.Source.SIZE_MODEL, p.source());
    assertEquals(8.5, p.durationSeconds(), 1e-9);
    // memory was a tenth of the size: a line through the origin
    assertEquals(OptionalLong.of(800_000), p.memoryBytes());
    // no error; 3 of 4 for the points; 8M lies ln 2 beyond a range of ln 4: 2/3
    assertEquals(0.75 * (2 / 3.0), p.confidence(), 1e-9);
    assertTrue(
        p.basis()
            .startsWith(
                "linear model over data_size from 3 executions at 3 sizes (0.500 + 1.00e-06 x"
                    + " size, R² 1.000, typical error 0%), at 8M"),
        p.basis());
  }

  @Test
  void withFewerSizesTheExecutionsAtTheSameSizeGiveTheMedian() {
    List<ExecutionSample> h =
        List.of(
            sized("r4", 2_000_000, 2.4),
            sized("r3", 1_000_000, 1.5),
            sized("r2", 2_000_000, 2.6),
            sized("r1", 1_000_000, 1.4));

    Prediction p = StagePredictor.predict(h, OptionalLong.of(2_000_000), 4);

    assertEquals(Prediction.Source.MEDIAN, p.source());
    assertEquals(2.5, p.durationSeconds(), 1e-12);
    assertTrue(p.basis().startsWith("median of 2 executions at data_size 2M"), p.basis());
    // without a size in the profile, every recent execution counts: median of 2.4 1.5 2.6 1.4
    assertEquals(1.95, StagePredictor.predict(h, NO_SIZE, 4).durationSeconds(), 1e-12);
  }

  @Test
  void aStageSkippedInMostRunsTakesNoTime() {
    String why = "abTest.confidence > 0.8 was false (abTest.confidence = 0.5)";
    List<ExecutionSample> h =
        List.of(
            ended("r4", StageStatus.SKIPPED, why),
            ended("r3", StageStatus.SKIPPED, why),
            ok("r2", 3, 1, 1),
            // an exclusion by a plan is not the stage's own decision
            ended("r1", StageStatus.SKIPPED, "excluded by skip-validation-in-production: x"));

    Prediction p = StagePredictor.predict(h, NO_SIZE, 4);

    assertEquals(Prediction.Source.SKIPPED, p.source());
    assertEquals(0, p.durationSeconds());
    assertEquals(2 / 3.0, p.confidence(), 1e-12);
    assertEquals("skipped in 2 of its last 3 runs (" + why + ")", p.basis());
  }

  @Test
  void aStageThatNeverSucceededGetsTheDefaultsSayingWhy() {
    List<ExecutionSample> h =
        List.of(
            ended("r2", StageStatus.FAILED, "boom"),
            ended("r1", StageStatus.FAILED, "boom"),
            ended("r0", StageStatus.UPSTREAM_FAILED, ""));

    Prediction p = StagePredictor.predict(h, NO_SIZE, 3);

    assertEquals(0, p.confidence());
    assertEquals(300, p.durationSeconds());
    assertEquals(
        "no successful execution in the last 3 runs (2 FAILED, 1 UPSTREAM_FAILED): the defaults"
            + " of 300 s, 1 core, 2048 MiB",
        p.basis());
  }

  @Test
  void aFanOutStageIsPredictedPerInstance() {
    List<ExecutionSample> h = new ArrayList<>();
    for (String run : List.of("r3", "r2", "r1")) {
      h.add(instance(run, 0, 1.0));
      h.add(instance(run, 1, run.equals("r2") ? 4.4 : 4.0));
    }

    Prediction p = StagePredictor.predict(h, NO_SIZE, 3);

    assertEquals(List.of(1.0, 4.0), p.instanceSeconds());
    assertEquals(4.0, p.durationSeconds());
    assertEquals(1.0, p.instanceSeconds(0));
    assertEquals(4.0, p.instanceSeconds(7)); // an instance the history has not seen: the stage's
  }

  @Test
  void memoryNoSampleSawIsNotMeasured() {
    ExecutionSample quick =
        new ExecutionSample(
            "r1", NO_SIZE, -1, StageStatus.SUCCEEDED, "", 1, 0.01, 0.01, OptionalLong.empty(), 0);

    Prediction p = StagePredictor.predict(List.of(quick), NO_SIZE, 1);

    assertEquals(OptionalLong.empty(), p.memoryBytes());
    assertTrue(
        p.basis().endsWith("memory not measured: no execution lasted until the first heap sample"));
  }

  private static ExecutionSample instance(String run, int index, double wall) {
    return new ExecutionSample(
        run, NO_SIZE, index, StageStatus.SUCCEEDED, "", 1, wall, wall, OptionalLong.of(1), 0);
  }
}
