package dev.stagecraft.runtime.store;

import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.codec.Codecs;
import dev.stagecraft.runtime.store.db.Database;
import dev.stagecraft.runtime.store.history.HistoryQueries;
import dev.stagecraft.runtime.store.shared.SharedRunImport;
import dev.stagecraft.runtime.store.shared.SharedRuns;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What can be read from a store: its run history and the stored outputs. {@link #open} opens a
 * store for reading only, creating and changing nothing, so a store in a read-only file or
 * directory can still be listed, shown and reported on; a {@link Store} reads through one too.
 *
 * <pre>{@code
 * Optional<StoreReader> store = StoreReader.openIfExists(Path.of(".stagecraft"));
 * store.ifPresent(s -> s.queries().runs(Optional.empty(), 10));
 * }</pre>
 */
public final class StoreReader {
  private final Path directory;
  private final Database db;
  private final HistoryQueries queries;
  private final Supplier<ArtifactStore> openArtifacts;
  private ArtifactStore artifacts;

  /**
   * {@code artifacts} is called once, when artifacts are first read: a command that reads only the
   * history (such as {@code plan}) loads no codec.
   */
  StoreReader(Path directory, Database db, Supplier<ArtifactStore> artifacts) {
    this.directory = directory;
    this.db = db;
    this.queries = new HistoryQueries(db);
    this.openArtifacts = artifacts;
  }

  /**
   * Opens the store in {@code directory} for reading only.
   *
   * @throws StoreException when there is no store there, or it cannot be read
   */
  public static StoreReader open(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    Database db =
        SharedRuns.present(dir)
            ? withExportedRuns(dir)
            : Database.openReadOnly(dir.resolve(Store.DATABASE_FILE));
    return new StoreReader(
        dir, db, () -> ArtifactStore.readOnly(dir.resolve(Store.ARTIFACTS_DIR), Codecs.standard()));
  }

  /**
   * A store that holds exported runs (often on a network file system, where SQLite must not be
   * written): a private copy of its database, if it has one, in a temporary file on local disk,
   * with the exported runs' records imported. Nothing in the store is written.
   */
  private static Database withExportedRuns(Path dir) {
    Path copy;
    try {
      Path tmp = Files.createTempDirectory("stagecraft-history-");
      copy = tmp.resolve(Store.DATABASE_FILE);
      tmp.toFile().deleteOnExit();
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
        tmp.resolve(Store.DATABASE_FILE + suffix).toFile().deleteOnExit();
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot create a temporary file to read the exported runs of "
              + dir
              + " ("
              + e.getMessage()
              + "); set java.io.tmpdir to a writable directory",
          e);
    }
    Path own = dir.resolve(Store.DATABASE_FILE);
    if (Files.isRegularFile(own)) {
      Database.openReadOnly(own).copyTo(copy);
    }
    Database db = Database.open(copy);
    SharedRunImport.into(db, new SharedRuns(dir));
    return db;
  }

  /**
   * The store in {@code directory} opened for reading, or empty when there is none (so commands
   * that only read can say "no runs" instead of creating one).
   *
   * @throws StoreException when {@code directory} is a file, or the store cannot be read
   */
  public static Optional<StoreReader> openIfExists(Path directory) {
    return Store.exists(directory) || SharedRuns.present(directory)
        ? Optional.of(open(directory))
        : Optional.empty();
  }

  /** The store's directory. */
  public Path directory() {
    return directory;
  }

  /** The database. */
  public Database database() {
    return db;
  }

  /** Queries on the run history. */
  public HistoryQueries queries() {
    return queries;
  }

  /** The artifact store. */
  public synchronized ArtifactStore artifacts() {
    if (artifacts == null) {
      artifacts = openArtifacts.get();
    }
    return artifacts;
  }

  /**
   * Where the outputs of the run's SUCCEEDED or CACHED instances are stored, by instance name; an
   * instance whose artifact file is gone is left out (a resume runs it again).
   */
  public Map<String, ArtifactRef> storedOutputs(String runId) {
    Map<String, ArtifactRef> outputs = new LinkedHashMap<>(queries.storedOutputs(runId));
    outputs.values().removeIf(ref -> !artifacts().contains(ref));
    return outputs;
  }

  /**
   * The outputs of the run's SUCCEEDED or CACHED instances, read back with their stored types: what
   * {@code resume} reuses.
   */
  public Map<String, Object> loadOutputs(String runId) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, ArtifactRef> e : storedOutputs(runId).entrySet()) {
      values.put(e.getKey(), artifacts().get(e.getValue(), Object.class));
    }
    return values;
  }

  /** Reads a stored output, as the declared type when the stored one does not fit it. */
  public Object read(ArtifactRef ref, Type expected) {
    return artifacts().get(ref, expected);
  }
}
