package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.db.Database;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by every command that reads or writes a store. */
final class StoreOption {
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
   * The run history in {@code dir}, or empty when no store exists there (read-only commands then
   * say so instead of creating one).
   *
   * @throws dev.stagecraft.runtime.store.StoreException when the store is corrupt
   */
  static Optional<HistoryQueries> history(Path dir) {
    return Store.exists(dir)
        ? Optional.of(new HistoryQueries(Database.open(dir.resolve(Store.DATABASE_FILE))))
        : Optional.empty();
  }
}
