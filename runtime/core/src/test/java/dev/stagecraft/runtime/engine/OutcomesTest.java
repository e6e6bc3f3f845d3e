package dev.stagecraft.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outcome mapping as plain functions of how an execution or a stage ended. */
class OutcomesTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2024-05-01T10:00:02Z");

  @Test
  void aSucceededPlainStageHasItsOutputAndNoItem() {
    StageOutcome o =
        Outcomes.outcome(
            "train",
            "train",
            -1,
            null,
            CallResult.succeeded("model"),
            1,
            2_499_999_999L,
            Map.of("loss", 0.25),
            List.of());

    assertEquals(
        new StageOutcome(
            "train",
            "train",
            StageStatus.SUCCEEDED,
            1,
            2_499,
            "",
            Optional.empty(),
            Map.of("loss", 0.25),
            Optional.of("model")),
        o);
  }

  @Test
  void aFailedInstanceHasItsItemAndInputErrorButNoOutput() {
    CallResult failed =
        new CallResult(StageStatus.FAILED, "UserInputException: bad", "partial", false, "bad");

    StageOutcome o =
        Outcomes.outcome("train[1]", "train", 1, "b", failed, 3, 0, Map.of(), List.of());

    assertEquals(StageStatus.FAILED, o.status());
    assertEquals(3, o.attempts());
    assertEquals(Optional.of("b"), o.item());
    assertEquals(Optional.empty(), o.output());
    assertEquals(Optional.of("bad"), o.inputError());
  }

  @Test
  void anInputErrorIsReportedOnlyForAFailure() {
    CallResult cancelled =
        new CallResult(
            StageStatus.CANCELLED, "cancelled: the run was interrupted", null, false, "x");

    StageOutcome o = Outcomes.outcome("s", "s", -1, null, cancelled, 1, 0, Map.of(), List.of());

    assertEquals(Optional.empty(), o.inputError());
    assertEquals("cancelled: the run was interrupted", o.reason());
  }

  @Test
  void aStageThatNeverRanHasNoAttemptsNoTimeAndOnlyAnOutputItHas() {
    assertEquals(
        new StageOutcome(
            "consume",
            "consume",
            StageStatus.SKIPPED,
            0,
            0,
            "input 'abTest' was skipped",
            Optional.empty(),
            Map.of(),
            Optional.empty()),
        Outcomes.notRun("consume", StageStatus.SKIPPED, "input 'abTest' was skipped", "ignored"));
    assertEquals(
        Optional.of(List.of()),
        Outcomes.notRun("train", StageStatus.SUCCEEDED, "no items", List.of()).output());
  }

  @Test
  void theHistoryOfAnInstanceHasItsIndexItemLabelTimesCostAndFailedAttempts() {
    List<FailedAttempt> attempts =
        List.of(
            new FailedAttempt(1, T0, T0.plusMillis(100), "IOException: reset"),
            new FailedAttempt(2, T0.plusMillis(200), T1, "IllegalStateException: diverged"));
    StageExecution e =
        Outcomes.history(
            "train[1]",
            "train",
            1,
            "  variant\nb ",
            CallResult.failed("IllegalStateException: diverged"),
            3,
            T0,
            T1,
            800_000_000L,
            5_000,
            4_096,
            Map.of("loss", 1.5),
            attempts);

    assertEquals(
        StageExecution.builder("train[1]", "train")
            .index(1)
            .item("variant b")
            .status(StageStatus.FAILED)
            .attempts(3)
            .start(T0)
            .end(T1)
            .wallMs(800)
            .cpuNanos(5_000)
            .allocatedBytes(4_096)
            .metrics(Map.of("loss", 1.5))
            .reason("IllegalStateException: diverged")
            .failedAttempts(attempts)
            .build(),
        e);
  }

  @Test
  void theHistoryOfAPlainStageSkippedByItsConditionHasNoIndexNoItemNoStart() {
    StageExecution e =
        Outcomes.history(
            "deploy",
            "deploy",
            -1,
            null,
            CallResult.skipped("enableAbTesting was false (enableAbTesting = false)"),
            0,
            null,
            T1,
            0,
            0,
            0,
            Map.of(),
            List.of());

    assertEquals(Optional.empty(), e.index());
    assertEquals(Optional.empty(), e.item());
    assertEquals(Optional.empty(), e.start());
    assertEquals(Optional.of(T1), e.end());
    assertEquals(StageStatus.SKIPPED, e.status());
  }

  @Test
  void theRunFailsWhenAStageFailedEvenIfInterrupted() {
    assertEquals(RunStatus.FAILED, Outcomes.runStatus(true, true));
    assertEquals(RunStatus.FAILED, Outcomes.runStatus(true, false));
    assertEquals(RunStatus.CANCELLED, Outcomes.runStatus(false, true));
    assertEquals(RunStatus.SUCCEEDED, Outcomes.runStatus(false, false));
  }
}
