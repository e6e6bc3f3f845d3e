package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.plan.optimize.PipelineHistory;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.StoreSettings;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.history.LeaseHolder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --store DIR} option shared by every command that reads or writes a store, and how
 * commands open it: those that only read open it read-only.
 */
final class StoreOption {
  /** Sets how long a run's lease lasts without a heartbeat (1 to 30 s; default 20 s). */
  static final String LEASE_TIMEOUT_ENV = "STAGECRAFT_LEASE_TIMEOUT";

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "The store directory (default: $STAGECRAFT_HOME, else ./.stagecraft).")
  Path store;

  /**
   * The chosen directory, absolute: {@code --store}, else {@code STAGECRAFT_HOME}, else the
   * default.
   */
  Path directory(Map<String, String> env) {
    return Store.directory(store, env).toAbsolutePath().normalize();
  }

  /**
   * The store in {@code dir} opened read-only, or empty when none exists there (read-only commands
   * then say so instead of creating one).
   *
   * @throws dev.stagecraft.runtime.store.StoreException when the store cannot be read
   */
  static Optional<StoreReader> reader(Path dir) {
    return StoreReader.openIfExists(dir);
  }

  /**
   * The store in {@code dir} opened read-only, warning on {@code err} when its database is damaged
   * (what is readable is still shown).
   */
  static Optional<StoreReader> reader(Path dir, PrintStream err) {
    Optional<StoreReader> reader = reader(dir);
    reader.ifPresent(
        r -> {
          List<String> problems = r.database().check();
          if (!problems.isEmpty()) {
            err.println(
                "warning: the store database "
                    + r.database().file()
                    + " is damaged ("
                    + problems.get(0)
                    + "); what can be read is shown; repair it with 'stagecraft doctor --repair"
                    + " --store "
                    + dir
                    + "'");
          }
        });
    return reader;
  }

  /**
   * What predictions read of the pipeline's latest runs ({@link HistoryQueries#RECENT_RUNS}) in the
   * store in {@code dir}, opened read-only; no history when there is no store yet.
   */
  static PipelineHistory history(Path dir, String pipeline) {
    return reader(dir)
        .map(r -> r.queries().pipelineHistory(pipeline, HistoryQueries.RECENT_RUNS))
        .orElse(PipelineHistory.EMPTY);
  }

  /** The store settings of a command that runs pipelines: the lease timeout from the env. */
  static StoreSettings settings(Map<String, String> env) {
    String timeout = env.get(LEASE_TIMEOUT_ENV);
    if (timeout == null || timeout.isBlank()) {
      return StoreSettings.defaults();
    }
    Duration d = Durations.parse(LEASE_TIMEOUT_ENV, timeout);
    if (d.compareTo(LeaseHolder.MIN_TIMEOUT) < 0 || d.compareTo(LeaseHolder.MAX_TIMEOUT) > 0) {
      throw new UsageException(
          LEASE_TIMEOUT_ENV
              + "="
              + timeout
              + " must be between "
              + LeaseHolder.MIN_TIMEOUT.toSeconds()
              + "s and "
              + LeaseHolder.MAX_TIMEOUT.toSeconds()
              + "s");
    }
    return StoreSettings.defaults().withLeaseTimeout(d);
  }
}
