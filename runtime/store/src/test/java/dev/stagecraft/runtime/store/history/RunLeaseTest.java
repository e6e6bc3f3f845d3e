package dev.stagecraft.runtime.store.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leases between holders of one store (each open {@link Store} is a holder, as a process is): a run
 * is RUNNING while its holder renews its lease, INTERRUPTED once it does not, and resumed by one
 * holder only. Two JVMs: {@code TwoProcessStoreTest} and the CLI's {@code RunLeaseTest}.
 */
@Timeout(60)
class RunLeaseTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;

  private static PipelineDefinition oneStage() {
    return PipelineDefinition.builder("p")
        .stage(
            StageSpec.builder("s")
                .resources(ResourceRequest.parse("100m", "1Mi", 0))
                .outputType("String")
                .body(call -> "done")
                .build())
        .build();
  }

  @Test
  void aRunIsHeldByItsProcessUntilItEndsAndResumingItMeanwhileNamesTheHolder() {
    try (Store holder = Store.open(dir);
        Store other = Store.open(dir)) {
      holder.history().runStarted(new RunInfo("r1", "p", Map.of(), T0, Optional.empty()));

      RunRecord seen = other.queries().run("r1").orElseThrow();
      assertEquals(RunStatus.RUNNING, seen.status());
      Lease lease = seen.lease().orElseThrow();
      assertEquals(ProcessHandle.current().pid(), lease.pid());
      assertEquals(holder.history().holder().host(), lease.host());

      RunLeaseException refused =
          assertThrows(
              RunLeaseException.class,
              () -> other.resume(other.attach(RunOptions.defaults(), "p"), "r1"));
      assertTrue(
          refused
              .getMessage()
              .startsWith(
                  "run r1 is still running in process "
                      + lease.pid()
                      + " on host "
                      + lease.host()
                      + " (last heartbeat "),
          refused.getMessage());

      holder.history().runFinished("r1", RunStatus.FAILED, T0.plusSeconds(1));
      assertEquals(Optional.empty(), other.queries().run("r1").orElseThrow().lease());
      assertEquals(RunStatus.FAILED, other.queries().run("r1").orElseThrow().status());
    }
  }

  @Test
  void aRunWhoseHolderIsGoneIsInterruptedAndExactlyOneHolderResumesIt() {
    try (Store dead = Store.open(dir)) {
      dead.history().runStarted(new RunInfo("r1", "p", Map.of(), T0, Optional.empty()));
    } // closed without ending the run: its lease is given up, as a dying process's expires
    try (Store first = Store.open(dir);
        Store second = Store.open(dir)) {
      assertEquals(RunStatus.INTERRUPTED, first.queries().run("r1").orElseThrow().status());

      RunOptions resuming = first.resume(first.attach(RunOptions.defaults(), "p"), "r1");
      String newRun = resuming.runId().orElseThrow();
      RunLeaseException beingResumed =
          assertThrows(
              RunLeaseException.class,
              () -> second.resume(second.attach(RunOptions.defaults(), "p"), "r1"));
      assertTrue(
          beingResumed
              .getMessage()
              .startsWith(
                  "run r1 is being resumed as run "
                      + newRun
                      + " by process "
                      + ProcessHandle.current().pid()),
          beingResumed.getMessage());

      RunResult resumed = PipelineRunner.runText(oneStage(), Map.of(), resuming);
      assertEquals(RunStatus.SUCCEEDED, resumed.status());
      assertEquals(newRun, resumed.runId());

      RunRecord old = second.queries().run("r1").orElseThrow();
      assertEquals(RunStatus.INTERRUPTED, old.status());
      assertEquals(Optional.of(newRun), old.resumedBy());
      assertEquals(Optional.empty(), old.lease(), "released when the resuming run ended");
      RunLeaseException again =
          assertThrows(
              RunLeaseException.class,
              () -> second.resume(second.attach(RunOptions.defaults(), "p"), "r1"));
      assertEquals(
          "run r1 was resumed already, as run "
              + newRun
              + " (SUCCEEDED); continue that one instead: stagecraft resume "
              + newRun,
          again.getMessage());
    }
  }

  @Test
  void aLeaseNotRenewedWithinItsTimeoutExpires() throws Exception {
    Duration timeout = Duration.ofSeconds(1);
    try (Store s = Store.open(dir, StoreSettings.defaults().withLeaseTimeout(timeout))) {
      s.history().runStarted(new RunInfo("r1", "p", Map.of(), T0, Optional.empty()));
      Lease first = s.queries().run("r1").orElseThrow().lease().orElseThrow();
      assertEquals(timeout, first.timeout());
      // renewed every quarter of the timeout: wait for a renewal, never for an expiry
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      Lease renewed = first;
      while (!renewed.heartbeatAt().isAfter(first.heartbeatAt())) {
        assertTrue(System.nanoTime() < deadline, "the lease was not renewed");
        Thread.sleep(20);
        renewed = s.queries().run("r1").orElseThrow().lease().orElseThrow();
      }
      assertTrue(renewed.isLive(Instant.now()));
      assertTrue(renewed.isLive(renewed.heartbeatAt().plus(timeout)));
      assertTrue(!renewed.isLive(renewed.heartbeatAt().plus(timeout).plusMillis(1)));
      assertEquals(RunStatus.RUNNING, s.queries().run("r1").orElseThrow().status());
    }
  }

  @Test
  void aTimeoutAboveThirtySecondsIsRefused() {
    var e =
        assertThrows(
            dev.stagecraft.runtime.store.StoreException.class,
            () ->
                Store.open(dir, StoreSettings.defaults().withLeaseTimeout(Duration.ofMinutes(2))));
    assertEquals("lease timeout 120000 ms must be between 1 and 30 seconds", e.getMessage());
  }
}
