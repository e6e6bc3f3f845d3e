package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.runtime.engine.ScheduleSimulator.Order;
import dev.stagecraft.runtime.engine.ScheduleSimulator.Schedule;
import dev.stagecraft.runtime.engine.ScheduleSimulator.Slot;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated scheduler against schedules worked out by hand. */
class ScheduleSimulatorTest {
  private static final ResourceRequest TWO_CORES = ResourceRequest.parse("2", "1Gi", 0);

  /** Plain stages' durations, each its own expected duration, as a plan gives them. */
  private static Schedule simulate(
      PipelineDefinition def, Map<String, Double> seconds, ResourceRequest capacity, Order order) {
    Map<String, List<Double>> work = new LinkedHashMap<>();
    seconds.forEach((k, v) -> work.put(k, List.of(v)));
    return ScheduleSimulator.simulate(
        def, work, seconds, capacity, RunOptions.DEFAULT_MAX_THREADS, order);
  }

  private static Map<String, Double> seconds(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }

  /** a (2 s) -> b (3 s), c (1 s) -> d (1 s). */
  private static PipelineDefinition diamond() {
    return pipeline("diamond")
        .stage(stage("a", call -> 1).build())
        .stage(stage("b", call -> 1).input(InputSpec.of("a")).build())
        .stage(stage("c", call -> 1).input(InputSpec.of("a")).build())
        .stage(stage("d", call -> 1).input(InputSpec.of("b")).input(InputSpec.of("c")).build())
        .build();
  }

  @Test
  void aDiamondOnTwoCoresRunsItsBranchesTogether() {
    Schedule s =
        simulate(diamond(), seconds("a", 2, "b", 3, "c", 1, "d", 1), TWO_CORES, Order.ENGINE);

    assertEquals(6, s.makespanSeconds());
    assertEquals(
        List.of(new Slot("a", 0, 2), new Slot("b", 2, 5), new Slot("c", 2, 3), new Slot("d", 5, 6)),
        s.slots());
  }

  @Test
  void oneCoreRunsTheLongerBranchFirst() {
    Schedule s =
        simulate(
            diamond(),
            seconds("a", 2, "b", 3, "c", 1, "d", 1),
            ResourceRequest.parse("1", "1Gi", 0),
            Order.ENGINE);

    // ranks: b 3 + 1 = 4 before c 1 + 1 = 2
    assertEquals(
        List.of(new Slot("a", 0, 2), new Slot("b", 2, 5), new Slot("c", 5, 6), new Slot("d", 6, 7)),
        s.slots());
  }

  /** a1, a2 (1 s each, declared first), b (1 s) -> c (3 s), on two cores. */
  private static PipelineDefinition lateChain() {
    return pipeline("late-chain")
        .stage(stage("a1", call -> 1).build())
        .stage(stage("a2", call -> 1).build())
        .stage(stage("b", call -> 1).build())
        .stage(stage("c", call -> 1).input(InputSpec.of("b")).build())
        .build();
  }

  @Test
  void theMostCriticalReadyStageStartsFirstWhereFirstInFirstOutWaits() {
    Map<String, Double> d = seconds("a1", 1, "a2", 1, "b", 1, "c", 3);

    Schedule engine = simulate(lateChain(), d, TWO_CORES, Order.ENGINE);
    Schedule fifo = simulate(lateChain(), d, TWO_CORES, Order.FIFO);

    // b's rank 4 puts it first: c starts at 1 beside a2
    assertEquals(
        List.of(
            new Slot("b", 0, 1), new Slot("a1", 0, 1), new Slot("c", 1, 4), new Slot("a2", 1, 2)),
        engine.slots());
    assertEquals(4, engine.makespanSeconds());
    // in declaration order, b waits for a1 and a2
    assertEquals(
        List.of(
            new Slot("a1", 0, 1), new Slot("a2", 0, 1), new Slot("b", 1, 2), new Slot("c", 2, 5)),
        fifo.slots());
    assertEquals(5, fifo.makespanSeconds());
  }

  @Test
  void aStageThatDoesNotFitLetsASmallerOneStartAhead() {
    PipelineDefinition def =
        pipeline("backfill")
            .stage(stage("big", call -> 1).resources(TWO_CORES).build())
            .stage(stage("first", call -> 1).build())
            .stage(stage("after", call -> 1).input(InputSpec.of("first")).build())
            .stage(stage("small", call -> 1).build())
            .build();

    // ranks: first 1 + 4 = 5 starts; big (4) does not fit beside it, small (1) does. Both end at 1,
    // first's end handled first (as a worker finishing first would): big and after tie at 4 and
    // big, declared first, comes first but needs the core small still holds, so after starts
    Schedule s =
        simulate(
            def, seconds("big", 4, "first", 1, "after", 4, "small", 1), TWO_CORES, Order.ENGINE);

    assertEquals(
        List.of(
            new Slot("first", 0, 1),
            new Slot("small", 0, 1),
            new Slot("after", 1, 5),
            new Slot("big", 5, 9)),
        s.slots());
  }

  @Test
  void fanOutInstancesRunWithinTheStagesParallelismWithTheirOwnDurations() {
    PipelineDefinition def =
        pipeline("fan")
            .stage(
                stage("train", call -> 1)
                    .fanOut(new FanOut.Items(List.of("a", "b", "c")))
                    .parallelism(2)
                    .build())
            .build();

    Schedule s =
        ScheduleSimulator.simulate(
            def,
            Map.of("train", List.of(2.0, 1.0, 1.0)),
            Map.of("train", 2.0),
            ResourceRequest.parse("8", "8Gi", 0),
            RunOptions.DEFAULT_MAX_THREADS,
            Order.ENGINE);

    assertEquals(
        List.of(new Slot("train[0]", 0, 2), new Slot("train[1]", 0, 1), new Slot("train[2]", 1, 2)),
        s.slots());
    assertEquals(2, s.makespanSeconds());
  }

  @Test
  void nothingWaitsForAnExcludedStageNorForAnEmptyFanOut() {
    PipelineDefinition def =
        pipeline("skips")
            .stage(stage("a", call -> 1).build())
            .stage(stage("x", call -> 1).dependsOn("a").build())
            .stage(
                stage("none", call -> 1).dependsOn("x").fanOut(new FanOut.Items(List.of())).build())
            .stage(stage("b", call -> 1).dependsOn("none").build())
            .build();

    Schedule s =
        ScheduleSimulator.simulate(
            def,
            Map.of("a", List.of(2.0), "none", List.of(), "b", List.of(3.0)),
            Map.of("a", 2.0, "x", 0.0, "none", 0.0, "b", 3.0),
            TWO_CORES,
            RunOptions.DEFAULT_MAX_THREADS,
            Order.ENGINE);

    // x ends at the start without waiting for a, as a plan's exclusion does in a run
    assertEquals(List.of(new Slot("a", 0, 2), new Slot("b", 0, 3)), s.slots());
  }

  @Test
  void theThreadBoundLimitsWhatRunsAtOnce() {
    PipelineDefinition def =
        pipeline("threads")
            .stage(stage("a", call -> 1).build())
            .stage(stage("b", call -> 1).build())
            .stage(stage("c", call -> 1).build())
            .build();

    Schedule s =
        ScheduleSimulator.simulate(
            def,
            Map.of("a", List.of(1.0), "b", List.of(1.0), "c", List.of(1.0)),
            Map.of(),
            ResourceRequest.parse("8", "8Gi", 0),
            2,
            Order.ENGINE);

    assertEquals(2, s.makespanSeconds());
  }

  @Test
  void aStageThatCanNeverFitIsRefused() {
    PipelineDefinition def = pipeline("huge").stage(stage("a", call -> 1).build()).build();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                simulate(
                    def, seconds("a", 1), ResourceRequest.parse("500m", "1Gi", 0), Order.ENGINE));
    assertEquals(
        "stage 'a' asks cpu=1, memory=1Mi, gpu=0 but the capacity is cpu=500m, memory=1Gi, gpu=0:"
            + " it can never start",
        e.getMessage());
  }
}
