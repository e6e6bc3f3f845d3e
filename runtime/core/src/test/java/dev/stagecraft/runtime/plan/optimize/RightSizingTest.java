package dev.stagecraft.runtime.plan.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Right-sized requests worked out by hand. */
class RightSizingTest {
  private static final long MIB = 1L << 20;
  private static final ResourceRequest ONE = ResourceRequest.parse("1", "1Gi", 0);

  private static RightSizing.Stage observed(
      String name, int group, double seconds, double cores, long memory) {
    return new RightSizing.Stage(
        name, group, true, seconds, cores, OptionalLong.of(memory), 0, 0, ONE, 1);
  }

  @Test
  void observedUseTimesTheFactorWhenTheBudgetHoldsIt() {
    Map<String, ResourceRequest> sized =
        RightSizing.of(
            List.of(observed("a", 0, 10, 0.5, 100 * MIB), observed("b", 0, 10, 0.5, 100 * MIB)),
            ResourceRequest.parse("2", "1Gi", 0),
            RightSizing.SAFETY);

    // 0.5 x 1.2 = 0.6 cores; 100 MiB x 1.2 = 120 MiB
    assertEquals(new ResourceRequest(600, 120 * MIB, 0), sized.get("a"));
    assertEquals(new ResourceRequest(600, 120 * MIB, 0), sized.get("b"));
  }

  @Test
  void inOrderOfSecondsPerCoreTheMarginLastsWhileTheBudgetDoes() {
    // seconds per core: c 10 / 0.5 = 20 first, then b 30, then a 40
    List<RightSizing.Stage> group =
        List.of(
            observed("a", 0, 20, 0.5, 10 * MIB),
            observed("b", 0, 15, 0.5, 10 * MIB),
            observed("c", 0, 10, 0.5, 10 * MIB));

    Map<String, ResourceRequest> sized =
        RightSizing.of(group, ResourceRequest.parse("1100m", "1Gi", 0), RightSizing.SAFETY);

    assertEquals(600, sized.get("c").milliCpu()); // 1100 - 600 = 500 left
    assertEquals(500, sized.get("b").milliCpu()); // wants 600: gets what is left, its use 500
    assertEquals(500, sized.get("a").milliCpu()); // nothing left: its use
    assertEquals(List.of("a", "b", "c"), List.copyOf(sized.keySet()));
  }

  @Test
  void whatIsLeftIsGivenWhenItIsMoreThanTheUse() {
    List<RightSizing.Stage> group =
        List.of(observed("first", 0, 1, 1, 10 * MIB), observed("second", 0, 2, 1, 10 * MIB));

    Map<String, ResourceRequest> sized =
        RightSizing.of(group, ResourceRequest.parse("2300m", "1Gi", 0), RightSizing.SAFETY);

    assertEquals(1200, sized.get("first").milliCpu());
    assertEquals(1100, sized.get("second").milliCpu()); // 1100 left: between use and 1.2 x use
  }

  @Test
  void stagesWithoutObservedUseKeepTheirRequestsWhichComeOffTheBudgetFirst() {
    RightSizing.Stage unknown =
        new RightSizing.Stage("unknown", 0, false, 300, 1, OptionalLong.empty(), 0, 0, ONE, 2);
    Map<String, ResourceRequest> sized =
        RightSizing.of(
            List.of(unknown, observed("known", 0, 1, 1, 10 * MIB)),
            ResourceRequest.parse("3", "4Gi", 0),
            RightSizing.SAFETY);

    assertEquals(List.of("known"), List.copyOf(sized.keySet()));
    // 3 cores - 2 instances x 1 core = 1 left: known gets its use
    assertEquals(1000, sized.get("known").milliCpu());
  }

  @Test
  void groupsHaveABudgetEach() {
    Map<String, ResourceRequest> sized =
        RightSizing.of(
            List.of(observed("a", 0, 1, 1, 10 * MIB), observed("b", 1, 1, 1, 10 * MIB)),
            ResourceRequest.parse("1200m", "1Gi", 0),
            RightSizing.HIGH_PRIORITY_SAFETY);

    // 1.5 cores do not fit 1.2: each gets what is left of its own group's budget
    assertEquals(1200, sized.get("a").milliCpu());
    assertEquals(1200, sized.get("b").milliCpu());
  }

  @Test
  void aRulesMinimumStandsAndUnmeasuredMemoryKeepsItsRequest() {
    RightSizing.Stage floored =
        new RightSizing.Stage("train", 0, true, 10, 0.2, OptionalLong.empty(), 2000, 0, ONE, 1);

    ResourceRequest r =
        RightSizing.of(List.of(floored), ResourceRequest.parse("8", "8Gi", 0), RightSizing.SAFETY)
            .get("train");

    assertEquals(2000, r.milliCpu());
    assertEquals(1L << 30, r.memoryBytes());
  }

  @Test
  void requestsAreRoundedUpWithALeastValue() {
    assertEquals(20, RightSizing.cpu(0.013 * 1.2)); // 15.6 m
    assertEquals(RightSizing.MIN_MILLI_CPU, RightSizing.cpu(0));
    assertEquals(1200, RightSizing.cpu(1.2));
    assertEquals(17 * MIB, RightSizing.memory(16.5 * MIB));
    assertEquals(RightSizing.MIN_MEMORY, RightSizing.memory(0));
  }

  @Test
  void aUseBeyondTheBudgetIsKeptForValidationToReport() {
    Map<String, ResourceRequest> sized =
        RightSizing.of(
            List.of(observed("big", 0, 1, 3, 10 * MIB)),
            ResourceRequest.parse("2", "1Gi", 0),
            RightSizing.SAFETY);

    assertEquals(3000, sized.get("big").milliCpu());
  }
}
