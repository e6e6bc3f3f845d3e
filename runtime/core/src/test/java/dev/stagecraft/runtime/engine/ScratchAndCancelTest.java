package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.run;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's scratch space is its own (under its root, or a private temporary directory), removed when
 * the run succeeds and kept when it fails; a cancelled run waits for its stages to stop.
 */
@Timeout(30)
class ScratchAndCancelTest {
  @TempDir Path root;

  private static PipelineDefinition writing(AtomicReference<Path> seen, boolean fail) {
    return pipeline("scratchy")
        .stage(
            stage(
                    "work",
                    call -> {
                      Path scratch = call.context().scratchDir();
                      Files.writeString(scratch.resolve("partial.csv"), "a,b\n");
                      seen.set(scratch);
                      if (fail) {
                        throw new IllegalStateException("out of disk, pretend");
                      }
                      return null;
                    })
                .build())
        .build();
  }

  @Test
  void aFailedRunKeepsItsScratchSpaceForDebugging() throws Exception {
    AtomicReference<Path> seen = new AtomicReference<>();

    RunResult r = run(writing(seen, true), options(1).withRunId("r-failed").withScratchRoot(root));

    assertEquals(RunStatus.FAILED, r.status());
    assertEquals(root.resolve("r-failed").resolve("work"), seen.get());
    assertEquals("a,b\n", Files.readString(seen.get().resolve("partial.csv")));
  }

  @Test
  void withoutARootEachRunGetsAPrivateTemporaryDirectoryNotASharedOne() throws Exception {
    AtomicReference<Path> seen = new AtomicReference<>();

    RunResult failed = run(writing(seen, true), options(1).withRunId("r-private"));

    Path runDir = seen.get().getParent();
    try {
      assertEquals(RunStatus.FAILED, failed.status());
      assertEquals(Path.of(System.getProperty("java.io.tmpdir")), runDir.getParent());
      assertTrue(
          runDir.getFileName().toString().startsWith("stagecraft-r-private-"), runDir.toString());
      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir)));
    } finally {
      dev.stagecraft.runtime.io.FileTrees.delete(runDir);
    }

    RunResult succeeded = run(writing(seen, false), options(1).withRunId("r-private"));
    assertEquals(RunStatus.SUCCEEDED, succeeded.status());
    assertFalse(Files.exists(seen.get().getParent()), "removed when the run succeeds");
    assertTrue(
        !seen.get().getParent().equals(runDir), "another run gets another directory: " + runDir);
  }

  @Test
  void anInterruptedRunReturnsOnlyOnceItsStagesStopped() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch cleaningUp = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    AtomicBoolean stopped = new AtomicBoolean();
    PipelineDefinition def =
        pipeline("slow-to-stop")
            .stage(
                stage(
                        "train",
                        call -> {
                          started.countDown();
                          try {
                            new CountDownLatch(1).await();
                          } catch (InterruptedException cancelled) {
                            cleaningUp.countDown();
                            mayFinish.await(20, TimeUnit.SECONDS); // e.g. closing a file
                          }
                          stopped.set(true);
                          return null;
                        })
                    .build())
            .build();
    AtomicReference<RunResult> result = new AtomicReference<>();
    AtomicBoolean stoppedWhenReturned = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              result.set(run(def, options(1)));
              stoppedWhenReturned.set(stopped.get());
            });
    caller.start();
    assertTrue(started.await(10, TimeUnit.SECONDS));
    caller.interrupt();
    assertTrue(cleaningUp.await(10, TimeUnit.SECONDS));
    // the caller now waits, with a timeout, for the stage to leave its body: it has not returned
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (caller.getState() != Thread.State.TIMED_WAITING) {
      if (result.get() != null || System.nanoTime() > deadline) {
        fail("the run returned before its cancelled stage stopped");
      }
      Thread.sleep(5);
    }
    mayFinish.countDown();
    caller.join(10_000);

    assertEquals(RunStatus.CANCELLED, result.get().status());
    assertTrue(stoppedWhenReturned.get(), "the stage had stopped when the run returned");
  }
}
