package dev.stagecraft.runtime.store.history;

import java.time.Duration;
import java.time.Instant;

/**
 * A run's lease as recorded: the process holding it and its last heartbeat. It is live while the
 * heartbeat is younger than the timeout; a RUNNING run without a live lease is INTERRUPTED.
 */
public record Lease(
    String runId,
    String host,
    long pid,
    String token,
    Duration timeout,
    Instant acquiredAt,
    Instant heartbeatAt) {

  /**
   * Whether the holder renewed it within the timeout before {@code now} and, when it ran on this
   * host, its process still exists: a lease of a process killed here (say, a server stopped with
   * {@code kill -9}) ends at once instead of at its timeout.
   */
  public boolean isLive(Instant now) {
    return Duration.between(heartbeatAt, now).compareTo(timeout) <= 0
        && !(host.equals(LeaseHolder.thisHost()) && ProcessHandle.of(pid).isEmpty());
  }

  /** {@code process 1234 on host build-7}. */
  public String holder() {
    return "process " + pid + " on host " + host;
  }

  /** How long ago the last heartbeat was, in whole seconds, at {@code now}. */
  public long secondsSinceHeartbeat(Instant now) {
    return Math.max(0, Duration.between(heartbeatAt, now).toSeconds());
  }
}
