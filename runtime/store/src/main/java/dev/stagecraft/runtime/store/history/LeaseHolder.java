package dev.stagecraft.runtime.store.history;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Who holds the leases of the runs a history records: this host and process, a token unique to the
 * open history, and how long a lease stays valid without a heartbeat. The history renews its leases
 * every quarter of the timeout; a run whose lease is older than the timeout is INTERRUPTED.
 *
 * @param timeout how long a lease lasts without a heartbeat, 1 to 30 seconds
 */
public record LeaseHolder(String host, long pid, String token, Duration timeout) {
  /** The lease timeout when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  /** The longest lease timeout: a dead process's run shows INTERRUPTED within this. */
  public static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);

  /** The shortest lease timeout. */
  public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

  public LeaseHolder {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "lease timeout "
              + timeout.toMillis()
              + " ms must be between "
              + MIN_TIMEOUT.toSeconds()
              + " and "
              + MAX_TIMEOUT.toSeconds()
              + " seconds");
    }
  }

  /** This process, with a fresh token and the given timeout. */
  public static LeaseHolder thisProcess(Duration timeout) {
    return new LeaseHolder(
        thisHost(), ProcessHandle.current().pid(), UUID.randomUUID().toString(), timeout);
  }

  /** How often the leases are renewed: a quarter of the timeout. */
  public Duration heartbeatInterval() {
    return timeout.dividedBy(4);
  }

  /** The name of this host, as leases record it. */
  static String thisHost() {
    return HOST;
  }

  private static final String HOST = hostName();

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown-host" : env;
    }
  }
}
