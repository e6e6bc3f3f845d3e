package dev.stagecraft.runtime.plan.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Every formula of a pipeline's statistics on a history worked out by hand. */
class PipelineStatsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final long GIB = 1L << 30;
  private static final ResourceRequest LOAD = new ResourceRequest(1000, GIB, 0);
  private static final ResourceRequest TRAIN = new ResourceRequest(2000, 2 * GIB, 0);

  /** 3.6 per core-hour: 0.001 per core-second; 0.3 per stored GiB-month, kept 30 days. */
  private static final Prices PRICES = new Prices("USD", 3.6, 0, 0, 0.3, 0, 30, "test");

  private static Instant t(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** An execution that started at {@code start} and ran {@code wall} seconds. */
  private static StatsRun.Execution exec(
      String stage,
      StageStatus status,
      int attempts,
      long start,
      long wall,
      long cpu,
      List<Long> failedAttemptEnds,
      ResourceRequest reserved,
      long outputBytes) {
    List<FailedAttempt> failed =
        failedAttemptEnds.stream()
            .map(end -> new FailedAttempt(1, t(start), t(end), "boom"))
            .toList();
    return new StatsRun.Execution(
        StageExecution.builder(stage, stage)
            .status(status)
            .attempts(attempts)
            .start(t(start))
            .end(t(start + wall))
            .wallMs(wall * 1000)
            .cpuNanos(cpu * 1_000_000_000L)
            .failedAttempts(failed)
            .build(),
        reserved,
        outputBytes);
  }

  private static StatsRun.Execution cached(String stage) {
    return new StatsRun.Execution(
        StageExecution.builder(stage, stage).status(StageStatus.CACHED).build(), LOAD, 0);
  }

  private static StatsRun run(
      String id,
      RunStatus status,
      long start,
      long end,
      String resumedFrom,
      StatsRun.Execution... x) {
    return new StatsRun(
        id, status, t(start), Optional.of(t(end)), Optional.ofNullable(resumedFrom), List.of(x));
  }

  /**
   * r1: load ok; train fails its first attempt (ends at 30) and succeeds at its second (ends at
   * 50). r2: load ok; train fails (ends at 250). r3 resumes r2: load reused, train succeeds (ends
   * at 340). r4: both ok at their first attempts; train stores 1 GiB.
   */
  private static List<StatsRun> history() {
    StageStatus ok = StageStatus.SUCCEEDED;
    return List.of(
        run(
            "r4",
            RunStatus.SUCCEEDED,
            400,
            430,
            null,
            exec("load", ok, 1, 400, 10, 5, List.of(), LOAD, 0),
            exec("train", ok, 1, 410, 20, 40, List.of(), TRAIN, GIB)),
        run(
            "r3",
            RunStatus.SUCCEEDED,
            300,
            360,
            "r2",
            cached("load"),
            exec("train", ok, 1, 300, 40, 80, List.of(), TRAIN, 0)),
        run(
            "r2",
            RunStatus.FAILED,
            200,
            260,
            null,
            exec("load", ok, 1, 200, 20, 10, List.of(), LOAD, 0),
            exec("train", StageStatus.FAILED, 1, 220, 30, 30, List.of(250L), TRAIN, 0)),
        run(
            "r1",
            RunStatus.SUCCEEDED,
            0,
            100,
            null,
            exec("load", ok, 1, 0, 10, 5, List.of(), LOAD, 0),
            exec("train", ok, 2, 10, 40, 60, List.of(30L), TRAIN, 0)));
  }

  @Test
  void everyFormulaOnAHandWorkedHistory() {
    PipelineStats s =
        PipelineStats.of(history(), List.of("load", "train"), PRICES, OptionalDouble.of(3));

    PipelineStats.StageStats load = s.stages().get(0);
    assertEquals("load", load.stage());
    assertEquals(3, load.executions()); // the reused output in r3 did not run
    assertEquals(OptionalDouble.of(1), load.firstAttemptRate());
    assertEquals(OptionalDouble.of(1), load.successRate());
    assertEquals(OptionalDouble.of(10), load.p50Seconds()); // 10 10 20
    assertEquals(18, load.p90Seconds().getAsDouble(), 1e-9); // h = 1.8: 10 + 0.8 x 10
    assertEquals(20 / 40.0, load.utilization().getAsDouble(), 1e-12); // 20 cpu-s / 1 core x 40 s
    assertEquals(40 * 0.001 / 4, load.costPerRun(), 1e-12);

    PipelineStats.StageStats train = s.stages().get(1);
    assertEquals(4, train.executions());
    assertEquals(2, train.firstAttemptSuccesses());
    assertEquals(3, train.successes());
    assertEquals(OptionalDouble.of(0.5), train.firstAttemptRate());
    assertEquals(OptionalDouble.of(0.75), train.successRate());
    // by retry: 50 - 30 = 20 s; by resume: 340 - 250 = 90 s
    assertEquals(OptionalDouble.of(55), train.recoverySeconds());
    assertEquals(2, train.recovered());
    assertEquals(0, train.unrecovered());
    assertEquals(OptionalDouble.of(40), train.p50Seconds()); // 20 40 40
    assertEquals(210 / (2.0 * 130), train.utilization().getAsDouble(), 1e-12);
    assertEquals((260 * 0.001 + 0.3) / 4, train.costPerRun(), 1e-12);

    assertEquals(0.5, s.firstAttemptProduct(), 1e-12); // 1 x 0.5
    assertEquals(1.5, s.retrySuccessFactor().getAsDouble(), 1e-12); // (1 / 1) x (0.75 / 0.5)
    assertEquals(0.75, s.pipelineSuccessRate(), 1e-12); // 0.5 x 1.5
    assertEquals(OptionalDouble.of(0.75), s.observedSuccessRate()); // r1, r3, r4 of 4
    assertEquals(27.5, s.mttrSeconds().getAsDouble(), 1e-12); // 0 x - + 0.5 x 55
    assertEquals(OptionalDouble.of(60), s.p50Seconds()); // runs that succeeded: 30 60 100
    assertEquals(92, s.p90Seconds().getAsDouble(), 1e-9); // 60 + 0.8 x 40
    assertEquals(230 / 300.0, s.utilization().getAsDouble(), 1e-12);
    assertEquals(0.3 / 4, s.costPerRun().compute(), 1e-12); // 300 core-seconds x 0.001 over 4 runs
    assertEquals(0.3 / 4, s.costPerRun().storage(), 1e-12); // 1 GiB x 0.3 over 4 runs
    assertEquals(0, s.costPerRun().network());
    assertEquals(0.15, s.costPerRun().total(), 1e-12);
    assertEquals(3 / 0.15, s.costEfficiency().getAsDouble(), 1e-9);
  }

  @Test
  void aStageThatNeverSucceededAtFirstLeavesTheRetryFactorUndefined() {
    List<StatsRun> runs =
        List.of(
            run(
                "r1",
                RunStatus.FAILED,
                0,
                20,
                null,
                exec("load", StageStatus.SUCCEEDED, 1, 0, 10, 5, List.of(), LOAD, 0),
                exec("deploy", StageStatus.FAILED, 2, 10, 10, 1, List.of(14L, 20L), LOAD, 0)));

    PipelineStats s =
        PipelineStats.of(runs, List.of("load", "deploy"), PRICES, OptionalDouble.empty());

    assertEquals(0, s.firstAttemptProduct());
    assertEquals(OptionalDouble.empty(), s.retrySuccessFactor());
    assertEquals(0, s.pipelineSuccessRate());
    assertEquals(OptionalDouble.empty(), s.mttrSeconds()); // deploy failed and never recovered
    assertEquals(1, s.unrecovered());
    assertEquals(OptionalDouble.of(0), s.observedSuccessRate());
    assertEquals(OptionalDouble.empty(), s.p50Seconds());
    assertEquals(OptionalDouble.empty(), s.costEfficiency());
  }

  @Test
  void noRunsGiveNoFigures() {
    PipelineStats s = PipelineStats.of(List.of(), List.of("a"), PRICES, OptionalDouble.of(1));

    assertEquals(0, s.runs());
    assertEquals(OptionalDouble.empty(), s.observedSuccessRate());
    assertEquals(0, s.costPerRun().total());
    assertEquals(0, s.stages().get(0).executions());
    assertEquals(OptionalDouble.empty(), s.stages().get(0).successRate());
  }
}
