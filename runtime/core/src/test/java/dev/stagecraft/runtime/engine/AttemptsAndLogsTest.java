package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.run;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every failed attempt is kept with its error and reported to the listeners (with the wait before
 * the next one); what a stage logs through its context's logger reaches the listeners too, within
 * bounds.
 */
@Timeout(30)
class AttemptsAndLogsTest {
  /** Records the attempt failures and log lines the engine reports. */
  private static final class Recorder implements RunListener {
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
    final List<StageExecution> finished = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void attemptFailed(
        String runId, String instance, FailedAttempt attempt, Optional<Duration> retryIn) {
      failures.add(
          instance
              + " #"
              + attempt.attempt()
              + " "
              + attempt.reason()
              + retryIn.map(d -> " retry").orElse(" last"));
    }

    @Override
    public void stageLogged(String runId, String instance, LogLine line) {
      lines.add(line);
    }

    @Override
    public void stageFinished(String runId, StageExecution execution) {
      finished.add(execution);
    }
  }

  @Test
  void aStageThatSucceedsOnItsSecondAttemptKeepsTheFirstAttemptsError() {
    AtomicInteger calls = new AtomicInteger();
    PipelineDefinition def =
        pipeline("flaky")
            .stage(
                stage(
                        "load",
                        call -> {
                          call.context().logger().info("reading part {}", calls.get() + 1);
                          if (calls.incrementAndGet() == 1) {
                            throw new IOException("connection reset");
                          }
                          return "rows";
                        })
                    .retry(new RetryPolicy(2, Duration.ofMillis(1200)))
                    .build())
            .build();
    Recorder recorder = new Recorder();

    RunResult r = run(def, options(1).withListener(recorder));

    StageOutcome load = r.outcome("load").orElseThrow();
    assertEquals(StageStatus.SUCCEEDED, load.status());
    assertEquals(2, load.attempts());
    assertEquals(1, load.failedAttempts().size());
    FailedAttempt first = load.failedAttempts().get(0);
    assertEquals(1, first.attempt());
    assertEquals("IOException: connection reset", first.reason());
    assertTrue(!first.end().isBefore(first.start()));
    assertEquals(List.of("load #1 IOException: connection reset retry"), recorder.failures);
    assertEquals(load.failedAttempts(), recorder.finished.get(0).failedAttempts());

    List<String> logged =
        recorder.lines.stream()
            .map(l -> l.attempt() + " " + l.level() + " " + firstLine(l))
            .toList();
    assertEquals(
        List.of(
            "1 INFO reading part 1",
            "1 ERROR attempt 1 failed: IOException: connection reset",
            "2 INFO reading part 2"),
        logged);
    String trace = recorder.lines.get(1).message();
    assertTrue(trace.contains("java.io.IOException: connection reset\n\tat "), trace);
  }

  @Test
  void everyAttemptOfAStageThatFailsIsKeptAndTheLastIsNotRetried() {
    PipelineDefinition def =
        pipeline("failing")
            .stage(
                stage(
                        "fetch",
                        call -> {
                          throw new IllegalStateException("attempt " + call.context().attempt());
                        })
                    .retry(new RetryPolicy(2, Duration.ofMillis(10)))
                    .build())
            .build();
    Recorder recorder = new Recorder();

    StageOutcome o = run(def, options(1).withListener(recorder)).outcome("fetch").orElseThrow();

    assertEquals(
        List.of(
            "IllegalStateException: attempt 1",
            "IllegalStateException: attempt 2",
            "IllegalStateException: attempt 3"),
        o.failedAttempts().stream().map(FailedAttempt::reason).toList());
    assertEquals(
        List.of(
            "fetch #1 IllegalStateException: attempt 1 retry",
            "fetch #2 IllegalStateException: attempt 2 retry",
            "fetch #3 IllegalStateException: attempt 3 last"),
        recorder.failures);
  }

  @Test
  void aTimedOutAttemptIsRecordedWhenTheTimeoutStrikes() {
    PipelineDefinition def =
        pipeline("slow")
            .stage(
                stage(
                        "train",
                        call -> {
                          new CountDownLatch(1).await(20, TimeUnit.SECONDS);
                          return null;
                        })
                    .timeout(Duration.ofMillis(100))
                    .build())
            .build();
    Recorder recorder = new Recorder();

    StageOutcome o = run(def, options(1).withListener(recorder)).outcome("train").orElseThrow();

    assertEquals(StageStatus.FAILED, o.status());
    assertEquals(List.of("train #1 timed out after PT0.1S last"), recorder.failures);
    assertEquals(
        List.of("timed out after PT0.1S"),
        recorder.finished.get(0).failedAttempts().stream().map(FailedAttempt::reason).toList());
  }

  @Test
  void aLoggedExceptionKeepsItsStackTraceAndArgumentsAreFormatted() {
    PipelineDefinition def =
        pipeline("logging")
            .stage(
                stage(
                        "train",
                        call -> {
                          var log = call.context().logger();
                          log.warn("fold {} of {} is small", 2, 3);
                          log.error("gave up", new IllegalArgumentException("bad fold"));
                          log.debug("not kept unless DEBUG is on");
                          return null;
                        })
                    .build())
            .build();
    Recorder recorder = new Recorder();

    run(def, options(1).withListener(recorder));

    assertEquals(2, recorder.lines.size(), recorder.lines.toString());
    assertEquals("WARN", recorder.lines.get(0).level());
    assertEquals("fold 2 of 3 is small", recorder.lines.get(0).message());
    String error = recorder.lines.get(1).message();
    assertTrue(
        error.startsWith("gave up\njava.lang.IllegalArgumentException: bad fold\n\tat "), error);
  }

  @Test
  void aStageLogIsBoundedAndSaysSoOnce() {
    PipelineDefinition def =
        pipeline("chatty")
            .stage(
                stage(
                        "talk",
                        call -> {
                          for (int i = 0; i < StageLog.MAX_LINES + 500; i++) {
                            call.context().logger().info("line {}", i);
                          }
                          return null;
                        })
                    .build())
            .build();
    Recorder recorder = new Recorder();

    run(def, options(1).withListener(recorder));

    assertEquals(StageLog.MAX_LINES, recorder.lines.size());
    assertEquals("line 0", recorder.lines.get(0).message());
    LogLine last = recorder.lines.get(StageLog.MAX_LINES - 1);
    assertEquals("WARN", last.level());
    assertEquals(
        "log limit reached (2000 messages or 256 KiB per execution): later messages are not kept",
        last.message());
  }

  @Test
  void ensureRecordedAsksTheOutputStoreAndRefusesACancelledStage() {
    List<String> asked = Collections.synchronizedList(new ArrayList<>());
    OutputStore store =
        new CachingAndResumeTest.MemoryStore() {
          @Override
          public void ensureRecorded(String runId) {
            asked.add(runId);
          }
        };
    PipelineDefinition def =
        pipeline("publish")
            .stage(
                stage(
                        "deploy",
                        call -> {
                          call.context().ensureRecorded();
                          return "published";
                        })
                    .build())
            .build();

    RunResult r = run(def, options(1).withOutputStore(store).withRunId("r1"));

    assertEquals(RunStatus.SUCCEEDED, r.status());
    assertEquals(List.of("r1"), asked);
  }

  @Test
  void aCancelledStageCannotConfirmItIsRecorded() throws Exception {
    CountDownLatch deploying = new CountDownLatch(1);
    CompletableFuture<Throwable> refused = new CompletableFuture<>();
    PipelineDefinition def =
        pipeline("cancelled")
            .stage(
                stage(
                        "deploy",
                        call -> {
                          deploying.countDown();
                          while (!call.context().isCancelled()) {
                            try {
                              Thread.sleep(5);
                            } catch (InterruptedException cancelled) {
                              // the run cancels this stage: go on to publish as a careless stage
                            }
                          }
                          try {
                            call.context().ensureRecorded();
                            refused.complete(null);
                          } catch (RuntimeException e) {
                            refused.complete(e);
                          }
                          return null;
                        })
                    .build())
            .stage(
                stage(
                        "bad",
                        call -> {
                          deploying.await();
                          throw new IllegalStateException("boom");
                        })
                    .build())
            .build();

    run(def, options(2).withFailFast(true).withOutputStore(new CachingAndResumeTest.MemoryStore()));

    Throwable e = refused.get(10, TimeUnit.SECONDS);
    assertTrue(e instanceof CancellationException, String.valueOf(e));
    assertTrue(e.getMessage().startsWith("stage 'deploy' of run "), e.getMessage());
  }

  private static String firstLine(LogLine l) {
    int nl = l.message().indexOf('\n');
    return nl < 0 ? l.message() : l.message().substring(0, nl);
  }
}
