package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.run;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.NonRetryableException;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FailureHandlingTest {

  @Test
  void retriesWithExponentialBackoffAndJitterThenSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    List<Integer> attemptsSeen = Collections.synchronizedList(new ArrayList<>());
    PipelineDefinition def =
        pipeline("flaky")
            .stage(
                stage(
                        "fetch",
                        call -> {
                          attemptsSeen.add(call.context().attempt());
                          if (calls.incrementAndGet() < 3) {
                            throw new IllegalStateException("connection reset");
                          }
                          return "data";
                        })
                    .retry(new RetryPolicy(3, Duration.ofSeconds(1)))
                    .build())
            .build();

    RunResult r = run(def, options(1).withSleeper(waits::add));

    assertEquals(RunStatus.SUCCEEDED, r.status());
    assertEquals(3, r.outcome("fetch").orElseThrow().attempts());
    assertEquals(List.of(1, 2, 3), attemptsSeen);
    assertEquals(2, waits.size());
    assertBetween(Duration.ofMillis(500), waits.get(0), Duration.ofSeconds(1));
    assertBetween(Duration.ofSeconds(1), waits.get(1), Duration.ofSeconds(2));

    calls.set(0);
    List<Duration> again = Collections.synchronizedList(new ArrayList<>());
    run(def, options(1).withSleeper(again::add));
    assertEquals(waits, again, "the same seed gives the same jitter");
  }

  @Test
  void exhaustedRetriesFailWithTheLastErrorAndTheAttemptCount() {
    PipelineDefinition def =
        pipeline("flaky")
            .stage(
                stage(
                        "fetch",
                        call -> {
                          throw new IllegalStateException("attempt " + call.context().attempt());
                        })
                    .retry(new RetryPolicy(2, Duration.ofMillis(10)))
                    .build())
            .build();

    StageOutcome o = run(def, options(1)).outcome("fetch").orElseThrow();

    assertEquals(StageStatus.FAILED, o.status());
    assertEquals(3, o.attempts());
    assertEquals("IllegalStateException: attempt 3 (after 3 attempts)", o.reason());
  }

  @Test
  void badInputFailsAtOnceAndIsKeptAsTheOutcomesInputError() {
    List<Duration> waits = new ArrayList<>();
    PipelineDefinition def =
        pipeline("bad-input")
            .stage(
                stage(
                        "load",
                        call -> {
                          throw new IllegalStateException(
                              "wrapped", new UserInputException("column 'x' is not numeric"));
                        })
                    .retry(new RetryPolicy(5, Duration.ofSeconds(1)))
                    .build())
            .stage(stage("ok", call -> 1).build())
            .build();

    RunResult r = run(def, options(1).withSleeper(waits::add));
    StageOutcome o = r.outcome("load").orElseThrow();

    assertEquals(StageStatus.FAILED, o.status());
    assertEquals(1, o.attempts());
    assertEquals("column 'x' is not numeric", o.reason(), "bad input reads the same everywhere");
    assertEquals(java.util.Optional.of("column 'x' is not numeric"), o.inputError());
    assertEquals(List.of(), waits);
    assertEquals(java.util.Optional.empty(), r.outcome("ok").orElseThrow().inputError());
  }

  @Test
  void aNonRetryableExceptionFailsAtOnce() {
    List<Duration> waits = new ArrayList<>();
    PipelineDefinition def =
        pipeline("bad-input")
            .stage(
                stage(
                        "load",
                        call -> {
                          throw new NonRetryableException("input has no rows");
                        })
                    .retry(new RetryPolicy(5, Duration.ofSeconds(1)))
                    .build())
            .build();

    StageOutcome o = run(def, options(1).withSleeper(waits::add)).outcome("load").orElseThrow();

    assertEquals(StageStatus.FAILED, o.status());
    assertEquals(1, o.attempts());
    assertEquals("NonRetryableException: input has no rows", o.reason());
    assertEquals(List.of(), waits);
  }

  @Test
  void aTimeoutInterruptsTheStageAndFailsItNamingTheTimeout() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    PipelineDefinition def =
        pipeline("slow")
            .stage(
                stage(
                        "wait",
                        call -> {
                          try {
                            new CountDownLatch(1).await(20, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            interrupted.countDown();
                            throw e;
                          }
                          return null;
                        })
                    .timeout(Duration.ofMillis(50))
                    .build())
            .stage(stage("after", call -> null).dependsOn("wait").build())
            .build();

    RunResult r = run(def, options(1));

    StageOutcome o = r.outcome("wait").orElseThrow();
    assertEquals(StageStatus.FAILED, o.status());
    assertEquals("timed out after PT0.05S", o.reason());
    assertEquals(StageStatus.UPSTREAM_FAILED, r.outcome("after").orElseThrow().status());
    assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the stage's thread was interrupted");
  }

  @Test
  void aStageIgnoringTheInterruptDoesNotKeepTheRunFromFinishing() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch stuckEnded = new CountDownLatch(1);
    PipelineDefinition def =
        pipeline("stubborn")
            .stage(
                stage(
                        "stuck",
                        call -> {
                          while (release.getCount() > 0) {
                            try {
                              release.await();
                            } catch (InterruptedException ignored) {
                              // a stage that ignores interrupts
                            }
                          }
                          stuckEnded.countDown();
                          return "late";
                        })
                    .timeout(Duration.ofMillis(20))
                    .build())
            .stage(stage("other", call -> "done").build())
            .build();

    RunResult r = run(def, options(2));

    assertEquals(StageStatus.FAILED, r.outcome("stuck").orElseThrow().status());
    assertEquals("timed out after PT0.02S", r.outcome("stuck").orElseThrow().reason());
    assertEquals("done", r.output("other"));
    assertEquals(
        1, stuckEnded.getCount(), "the run ended while the stage's thread was still inside it");
    release.countDown();
    assertTrue(stuckEnded.await(10, TimeUnit.SECONDS));
  }

  @Test
  void aTimedOutStageKeepsItsResourcesUntilItsThreadEnds() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch timedOut = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean otherStarted =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicBoolean otherStartedBeforeRelease =
        new java.util.concurrent.atomic.AtomicBoolean();
    PipelineDefinition def =
        pipeline("holding")
            .stage(
                stage(
                        "stuck",
                        call -> {
                          while (release.getCount() > 0) {
                            try {
                              release.await();
                            } catch (InterruptedException ignored) {
                              // ignores the interrupt
                            }
                          }
                          return null;
                        })
                    .timeout(Duration.ofMillis(20))
                    .build())
            .stage(
                stage(
                        "other",
                        call -> {
                          otherStarted.set(true);
                          return "ran";
                        })
                    .build())
            .build();
    RunListener onTimeout =
        new RunListener() {
          @Override
          public void stageFinished(String runId, StageExecution e) {
            if (e.instance().equals("stuck")) {
              otherStartedBeforeRelease.set(otherStarted.get());
              timedOut.countDown();
            }
          }
        };

    java.util.concurrent.CompletableFuture<RunResult> run =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> run(def, options(1).withListener(onTimeout)));
    assertTrue(timedOut.await(10, TimeUnit.SECONDS));
    assertFalse(
        otherStartedBeforeRelease.get(), "one core: 'other' waits for the stuck stage's core");
    release.countDown();
    RunResult r = run.get(10, TimeUnit.SECONDS);

    assertEquals("ran", r.output("other"));
    assertEquals("timed out after PT0.02S", r.outcome("stuck").orElseThrow().reason());
  }

  @Test
  void failFastCancelsRunningAndWaitingStages() {
    CountDownLatch slowStarted = new CountDownLatch(1);
    AtomicReference<Boolean> sawCancel = new AtomicReference<>(false);
    PipelineDefinition def =
        pipeline("ff")
            .stage(
                stage(
                        "slow",
                        call -> {
                          slowStarted.countDown();
                          try {
                            new CountDownLatch(1).await(20, TimeUnit.SECONDS);
                          } finally {
                            sawCancel.set(call.context().isCancelled());
                          }
                          return null;
                        })
                    .build())
            .stage(stage("afterSlow", call -> null).dependsOn("slow").build())
            .stage(
                stage(
                        "bad",
                        call -> {
                          assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
                          throw new IllegalStateException("boom");
                        })
                    .build())
            .build();

    RunResult r = run(def, options(2).withFailFast(true));

    assertEquals(RunStatus.FAILED, r.status());
    assertEquals(StageStatus.FAILED, r.outcome("bad").orElseThrow().status());
    StageOutcome slow = r.outcome("slow").orElseThrow();
    assertEquals(StageStatus.CANCELLED, slow.status());
    assertEquals("cancelled: stage 'bad' failed (--fail-fast)", slow.reason());
    assertEquals(StageStatus.CANCELLED, r.outcome("afterSlow").orElseThrow().status());
  }

  @Test
  void interruptingTheCallerCancelsTheRun() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    PipelineDefinition def =
        pipeline("interrupted")
            .stage(
                stage(
                        "wait",
                        call -> {
                          started.countDown();
                          new CountDownLatch(1).await(20, TimeUnit.SECONDS);
                          return null;
                        })
                    .build())
            .stage(stage("after", call -> null).dependsOn("wait").build())
            .build();
    AtomicReference<RunResult> result = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              result.set(run(def, options(1)));
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    assertTrue(started.await(10, TimeUnit.SECONDS));
    caller.interrupt();
    caller.join(10_000);

    assertEquals(RunStatus.CANCELLED, result.get().status());
    assertEquals(StageStatus.CANCELLED, result.get().outcome("wait").orElseThrow().status());
    assertEquals(
        "cancelled: the run was interrupted", result.get().outcome("wait").orElseThrow().reason());
    assertEquals(StageStatus.CANCELLED, result.get().outcome("after").orElseThrow().status());
    assertTrue(stillInterrupted.get(), "the caller's interrupt flag is restored");
  }

  @Test
  void withoutFailFastIndependentBranchesFinish() {
    CountDownLatch badDone = new CountDownLatch(1);
    PipelineDefinition def =
        pipeline("nff")
            .stage(
                stage(
                        "slow",
                        call -> {
                          assertTrue(badDone.await(10, TimeUnit.SECONDS));
                          return "finished";
                        })
                    .build())
            .stage(
                stage(
                        "bad",
                        call -> {
                          badDone.countDown();
                          throw new IllegalStateException("boom");
                        })
                    .build())
            .build();

    RunResult r = run(def, options(2));

    assertEquals("finished", r.output("slow"));
    assertEquals(RunStatus.FAILED, r.status());
  }

  private static void assertBetween(Duration low, Duration actual, Duration high) {
    assertTrue(
        actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
        actual + " should be within [" + low + ", " + high + "]");
  }
}
