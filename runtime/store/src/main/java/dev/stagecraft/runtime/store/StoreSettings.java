package dev.stagecraft.runtime.store;

import dev.stagecraft.runtime.store.codec.Codecs;
import dev.stagecraft.runtime.store.history.LeaseHolder;
import dev.stagecraft.runtime.store.history.RunHistory;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Store} is opened: its codecs, how often the run history commits, and how long a
 * run's lease lasts without a heartbeat (a run whose process died shows INTERRUPTED after that).
 *
 * <pre>{@code
 * Store.open(dir, StoreSettings.defaults().withLeaseTimeout(Duration.ofSeconds(3)));
 * }</pre>
 *
 * @param leaseTimeout 1 to 30 seconds; the lease is renewed every quarter of it
 */
public record StoreSettings(Codecs codecs, Duration flushInterval, Duration leaseTimeout) {
  public StoreSettings {
    Objects.requireNonNull(codecs, "codecs");
    Objects.requireNonNull(flushInterval, "flushInterval");
    Objects.requireNonNull(leaseTimeout, "leaseTimeout");
  }

  /**
   * The standard codecs, commits every {@link RunHistory#DEFAULT_FLUSH_INTERVAL}, leases of {@link
   * LeaseHolder#DEFAULT_TIMEOUT}.
   */
  public static StoreSettings defaults() {
    return new StoreSettings(
        Codecs.standard(), RunHistory.DEFAULT_FLUSH_INTERVAL, LeaseHolder.DEFAULT_TIMEOUT);
  }

  public StoreSettings withCodecs(Codecs value) {
    return new StoreSettings(value, flushInterval, leaseTimeout);
  }

  public StoreSettings withFlushInterval(Duration value) {
    return new StoreSettings(codecs, value, leaseTimeout);
  }

  public StoreSettings withLeaseTimeout(Duration value) {
    return new StoreSettings(codecs, flushInterval, value);
  }
}
