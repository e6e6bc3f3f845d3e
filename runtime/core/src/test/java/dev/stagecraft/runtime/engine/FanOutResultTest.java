package dev.stagecraft.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fan-out aggregation as a plain function of how the instances ended, in item order. */
class FanOutResultTest {
  @Test
  void everyInstanceSucceededOrCachedGivesTheOutputsInItemOrder() {
    FanOutResult r =
        FanOutResult.of(
            "train",
            new CallResult[] {
              CallResult.succeeded("a"), CallResult.cached("b"), CallResult.succeeded(null)
            });

    assertEquals(StageStatus.SUCCEEDED, r.status());
    assertEquals("", r.reason());
    assertEquals(Arrays.asList("a", "b", null), r.output());
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) r.output()).clear());
  }

  @Test
  void theFirstFailedInstanceInItemOrderFailsTheStage() {
    FanOutResult r =
        FanOutResult.of(
            "train",
            new CallResult[] {
              CallResult.cancelled("cancelled: stage 'train[2]' failed (--fail-fast)"),
              CallResult.failed("IllegalStateException: diverged"),
              CallResult.failed("IllegalStateException: later")
            });

    assertEquals(StageStatus.FAILED, r.status());
    assertEquals("instance train[1] failed: IllegalStateException: diverged", r.reason());
    assertNull(r.output());
  }

  @Test
  void aCancelledInstanceWithoutFailuresCancelsTheStageWithItsReason() {
    FanOutResult r =
        FanOutResult.of(
            "train",
            new CallResult[] {
              CallResult.succeeded("a"), CallResult.cancelled("cancelled: the run was interrupted")
            });

    assertEquals(
        new FanOutResult(StageStatus.CANCELLED, "cancelled: the run was interrupted", null), r);
  }

  @Test
  void noItemsSucceedsWithAnEmptyList() {
    assertEquals(
        new FanOutResult(StageStatus.SUCCEEDED, "no items", List.of()), FanOutResult.NO_ITEMS);
  }
}
