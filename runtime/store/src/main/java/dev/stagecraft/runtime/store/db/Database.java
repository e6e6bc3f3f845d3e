package dev.stagecraft.runtime.store.db;

import dev.stagecraft.runtime.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The store's SQLite file: opens connections in WAL mode with a busy timeout, brings the schema up
 * to date through {@link Migrations}, and turns SQLite failures into one-line {@link
 * StoreException}s naming the file and the fix.
 *
 * <p>Several processes may open the same file at once: writers take the lock at the start of each
 * transaction ({@code BEGIN IMMEDIATE}) and wait up to the busy timeout for each other.
 */
public final class Database {
  /** How long a writer waits for another process's transaction before giving up. */
  public static final int BUSY_TIMEOUT_MS = 60_000;

  private final Path file;
  private final List<Migration> migrations;

  private Database(Path file, List<Migration> migrations) {
    this.file = file;
    this.migrations = migrations;
  }

  /**
   * Opens (creating when absent) the database file and migrates it to the current schema.
   *
   * @throws StoreException when the file is not a database, cannot be written, or was written by a
   *     newer Stagecraft
   */
  public static Database open(Path file) {
    return open(file, Migrations.ALL);
  }

  /** Opens the file and applies these migrations (tests pass their own lists). */
  public static Database open(Path file, List<Migration> migrations) {
    Path absolute = file.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the store directory "
              + dir
              + " ("
              + describe(e)
              + "); make its parent writable or pass --store DIR",
          e);
    }
    if (Files.isDirectory(absolute)) {
      throw new StoreException(
          "the store database "
              + absolute
              + " is a directory, not a file; remove it or pass --store DIR");
    }
    if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      throw new StoreException(
          "the store database "
              + absolute
              + " is not writable; make it writable or pass --store DIR");
    }
    Database db = new Database(absolute, List.copyOf(migrations));
    db.migrate();
    return db;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The schema version the file is at. */
  public int schemaVersion() {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * A new connection in WAL mode with the busy timeout, in auto-commit mode: reads need no
   * transaction, writes go through {@link #inTransaction}. The caller closes it.
   */
  public Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // 32 MiB of page cache (native memory, taken as needed): the history's B-trees stay in memory
    // while a 10,000-stage run is written, which halves the cost of a row.
    config.setCacheSize(-32 * 1024);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /** Work done inside one write transaction. */
  @FunctionalInterface
  public interface SqlWork {
    /** Runs statements on the connection. */
    void run(Connection c) throws SQLException;
  }

  /**
   * Runs the work in one transaction that takes the write lock at its start ({@code BEGIN
   * IMMEDIATE}, waiting up to the busy timeout for other processes), committing at the end or
   * rolling back on failure.
   */
  public static void inTransaction(Connection c, SqlWork work) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
    }
    boolean done = false;
    try {
      work.run(c);
      try (Statement s = c.createStatement()) {
        s.execute("COMMIT");
      }
      done = true;
    } finally {
      if (!done) {
        try (Statement s = c.createStatement()) {
          s.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // the transaction is already gone; the original failure is what matters
        }
      }
    }
  }

  /**
   * The one-line error for a failure on this file: corrupt, unwritable, locked, or anything else
   * SQLite reports.
   */
  public StoreException failure(SQLException e) {
    SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
    int primary = code == null ? e.getErrorCode() & 0xff : code.code & 0xff;
    if (primary == SQLiteErrorCode.SQLITE_NOTADB.code
        || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
      return new StoreException(
          "the store database "
              + file
              + " is not a valid SQLite database (corrupt, or another kind of file); move it away to"
              + " start a new history, or pass --store DIR",
          e);
    }
    if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
        || primary == SQLiteErrorCode.SQLITE_READONLY.code
        || primary == SQLiteErrorCode.SQLITE_PERM.code
        || primary == SQLiteErrorCode.SQLITE_IOERR.code
        || primary == SQLiteErrorCode.SQLITE_FULL.code) {
      return new StoreException(
          "cannot write the store database "
              + file
              + " ("
              + firstLine(e)
              + "); make "
              + file.getParent()
              + " writable with free space, or pass --store DIR",
          e);
    }
    if (primary == SQLiteErrorCode.SQLITE_BUSY.code
        || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
      return new StoreException(
          "the store database "
              + file
              + " stayed locked by another process for "
              + BUSY_TIMEOUT_MS / 1000
              + "s; wait for it to finish, or pass --store DIR",
          e);
    }
    return new StoreException(
        "the store database "
            + file
            + " failed: "
            + firstLine(e)
            + "; check the file or pass --store DIR",
        e);
  }

  private void migrate() {
    int target = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    try (Connection c = connect()) {
      int version = userVersion(c);
      if (version == target) {
        return;
      }
      if (version > target) {
        throw newerSchema(version, target);
      }
      // BEGIN IMMEDIATE takes the write lock, so two processes opening a new store migrate one
      // after the other; the version is read again inside the transaction.
      inTransaction(
          c,
          tx -> {
            try (Statement s = tx.createStatement()) {
              s.execute(
                  "CREATE TABLE IF NOT EXISTS schema_version ("
                      + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
              int current = userVersion(tx);
              if (current > target) {
                throw newerSchema(current, target);
              }
              for (Migration m : migrations) {
                if (m.version() <= current) {
                  continue;
                }
                for (String sql : m.statements()) {
                  s.execute(sql);
                }
                try (PreparedStatement p =
                    tx.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                  p.setInt(1, m.version());
                  p.setString(2, m.description());
                  p.setLong(3, System.currentTimeMillis());
                  p.executeUpdate();
                }
                s.execute("PRAGMA user_version = " + m.version());
              }
            }
          });
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private StoreException newerSchema(int version, int target) {
    return new StoreException(
        "the store database "
            + file
            + " has schema version "
            + version
            + " but this Stagecraft knows versions up to "
            + target
            + "; use a newer Stagecraft, or pass --store DIR");
  }

  private static int userVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way: " + e.getMessage();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + (fs.getFile() == null ? "" : ": " + fs.getFile());
    }
    return firstLine(e);
  }
}
