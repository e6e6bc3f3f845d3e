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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The store's SQLite file: opens connections in WAL mode with a busy timeout, checks that the file
 * is intact ({@code PRAGMA quick_check}), brings the schema up to date through {@link Migrations},
 * and turns SQLite failures into one-line {@link StoreException}s naming the file and the fix.
 *
 * <p>Several processes may open the same file at once: writers take the lock at the start of each
 * transaction ({@code BEGIN IMMEDIATE}) and wait up to the busy timeout for each other. A store
 * that is only read ({@link #openReadOnly}) is opened with read-only connections, so a file or
 * directory the user cannot write can still be read.
 */
public final class Database {
  /** How long a writer waits for another process's transaction before giving up. */
  public static final int BUSY_TIMEOUT_MS = 60_000;

  /** How many problems {@link #check()} reports at most. */
  static final int MAX_PROBLEMS = 20;

  private final Path file;
  private final List<Migration> migrations;

  /** Null for a writable database; else the URI parameters of its read-only connections. */
  private final String readOnlyMode;

  /**
   * Orders the write transactions of this object's users (a run history's writer, a server's
   * submissions) in Java: SQLite's busy handler would make them sleep up to 100 ms at a time.
   */
  private final ReentrantLock writes = new ReentrantLock(true);

  private Database(Path file, List<Migration> migrations, String readOnlyMode) {
    this.file = file;
    this.migrations = migrations;
    this.readOnlyMode = readOnlyMode;
  }

  /**
   * Opens (creating when absent) the database file for reading and writing, checks that it is
   * intact and migrates it to the current schema.
   *
   * @throws StoreException when the file is not a database, is damaged (saying how to repair it),
   *     cannot be written, or was written by a newer Stagecraft
   */
  public static Database open(Path file) {
    return open(file, Migrations.ALL);
  }

  /**
   * Opens an existing database file for reading only: no file is created or changed (a read-only
   * file or directory works). A file at an older schema is brought up to date first when it can be
   * written.
   *
   * @throws StoreException when the file is missing, not a database, or at a schema this Stagecraft
   *     cannot read
   */
  public static Database openReadOnly(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new StoreException(
          "the store database " + absolute + " does not exist; pass --store DIR of a store");
    }
    Database db = readable(absolute);
    int version;
    try {
      version = db.schemaVersionOrFail();
    } catch (SQLException e) {
      throw db.failure(e);
    }
    int current = Migrations.currentVersion();
    if (version > current) {
      throw db.newerSchema(version, current);
    }
    if (version < current) {
      try {
        open(absolute);
      } catch (StoreException notWritable) {
        throw new StoreException(
            "the store database "
                + absolute
                + " was written by an older Stagecraft (schema version "
                + version
                + " of "
                + current
                + ") and cannot be upgraded here ("
                + notWritable.getMessage()
                + "); run any command once where it is writable",
            notWritable);
      }
    }
    return db;
  }

  /**
   * Opens an existing database file read-only to look at it as it is, damaged or at any schema: no
   * check, no migration, nothing written ({@code stagecraft doctor} uses it). Any query may fail on
   * a damaged file.
   */
  public static Database inspect(Path file) {
    return readable(file.toAbsolutePath().normalize());
  }

  /**
   * Read-only connections to the file: {@code mode=ro}, or, where that cannot work because WAL
   * needs its {@code -shm} file beside the database and the directory is not writable, the file
   * read as immutable (no process can be writing it there either).
   */
  private static Database readable(Path file) {
    Database db = new Database(file, Migrations.ALL, "?mode=ro");
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.executeQuery("PRAGMA user_version").close();
      return db;
    } catch (SQLException e) {
      return new Database(file, Migrations.ALL, "?immutable=1");
    }
  }

  /**
   * Copies the database, as one consistent snapshot, into a new file {@code target} ({@code VACUUM
   * INTO}).
   *
   * @throws StoreException when it cannot be read or the copy cannot be written
   */
  public void copyTo(Path target) {
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
      p.setString(1, target.toString());
      p.execute();
    } catch (SQLException e) {
      throw failure(e);
    }
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
    Database db = new Database(absolute, List.copyOf(migrations), null);
    if (Files.exists(absolute)) {
      db.requireIntact();
    }
    db.migrate();
    return db;
  }

  /**
   * SQLite's {@code PRAGMA quick_check} of the file: the problems it finds (at most {@value
   * #MAX_PROBLEMS}), none when the file is intact. It reads every page once, without checking that
   * indexes agree with their tables.
   *
   * @throws StoreException when the file cannot be read at all (not a database, no permission)
   */
  public List<String> check() {
    return check("quick_check");
  }

  /**
   * SQLite's {@code PRAGMA integrity_check}: as {@link #check()}, and also that every index agrees
   * with its table.
   */
  public List<String> fullCheck() {
    return check("integrity_check");
  }

  private List<String> check(String pragma) {
    List<String> problems = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + pragma + "(" + MAX_PROBLEMS + ")")) {
      while (rs.next()) {
        String line = rs.getString(1);
        if (!"ok".equals(line)) {
          problems.add(line.replace("*** in database main ***", "").strip());
        }
      }
    } catch (SQLException e) {
      if (primaryCode(e) != SQLiteErrorCode.SQLITE_CORRUPT.code) {
        throw failure(e);
      }
      problems.add(firstLine(e));
    }
    problems.removeIf(String::isEmpty);
    return problems;
  }

  /**
   * Refuses a damaged file in one line saying how to recover.
   *
   * @throws StoreException when {@link #check()} finds a problem
   */
  public void requireIntact() {
    List<String> problems = check();
    if (!problems.isEmpty()) {
      throw damaged(problems);
    }
  }

  /** The one-line error for a damaged file, naming the first problem and how to repair it. */
  public StoreException damaged(List<String> problems) {
    return new StoreException(
        "the store database "
            + file
            + " is damaged ("
            + problems.get(0)
            + (problems.size() > 1 ? "; " + (problems.size() - 1) + " more problems" : "")
            + "); nothing was changed: copy what is readable into a new database with"
            + " 'stagecraft doctor --repair --store "
            + file.getParent()
            + "' (the damaged file is kept)");
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The schema version the file is at. */
  public int schemaVersion() {
    try {
      return schemaVersionOrFail();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private int schemaVersionOrFail() throws SQLException {
    try (Connection c = connect()) {
      return userVersion(c);
    }
  }

  /**
   * A new connection in WAL mode with the busy timeout, in auto-commit mode: reads need no
   * transaction, writes go through {@link #inTransaction}. The caller closes it.
   */
  public Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    if (readOnlyMode != null) {
      config.setReadOnly(true);
      return config.createConnection("jdbc:sqlite:file:" + file + readOnlyMode);
    }
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
   * {@link #inTransaction} on a connection of this database, after the other write transactions of
   * this object's users in this process: they wait for each other in turn, and only other
   * processes' transactions make them wait in SQLite's busy handler.
   */
  public void write(Connection c, SqlWork work) throws SQLException {
    writes.lock();
    try {
      inTransaction(c, work);
    } finally {
      writes.unlock();
    }
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
    int primary = primaryCode(e);
    if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
      return new StoreException(
          "the store database "
              + file
              + " is damaged ("
              + firstLine(e)
              + "); see what is left and repair it with 'stagecraft doctor --repair --store "
              + file.getParent()
              + "'",
          e);
    }
    if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
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

  private static int primaryCode(SQLException e) {
    SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
    return code == null ? e.getErrorCode() & 0xff : code.code & 0xff;
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

  StoreException newerSchema(int version, int target) {
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
