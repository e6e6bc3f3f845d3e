package dev.stagecraft.runtime.store.submission;

import dev.stagecraft.runtime.store.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The submissions a pipeline server accepted into this store, each committed before the server
 * answers: after a crash, what was queued starts and what was started is resumed.
 *
 * <pre>{@code
 * Submissions submissions = new Submissions(store.database());
 * submissions.add(new Submission(runId, "advanced-ml", requestJson, 1, now, QUEUED, Optional.empty()));
 * }</pre>
 */
public final class Submissions implements AutoCloseable {
  private static final String COLUMNS =
      "id, pipeline, request, priority, submitted_at, state, run_id";

  private final Database db;

  /** The connection submissions are written on, opened on the first write; guarded by this. */
  private Connection writer;

  public Submissions(Database db) {
    this.db = db;
  }

  /**
   * Records a new submission; committed when this returns.
   *
   * @throws dev.stagecraft.runtime.store.StoreException when it cannot be written
   */
  public void add(Submission s) {
    write(
        "INSERT INTO submissions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        p -> {
          p.setString(1, s.id());
          p.setString(2, s.pipeline());
          p.setString(3, s.request());
          p.setInt(4, s.priority());
          p.setLong(5, s.submittedAt().toEpochMilli());
          p.setString(6, s.state().name());
          p.setString(7, s.runId().orElse(null));
        });
  }

  /** The submission is carried on by run {@code runId} from now on. */
  public void started(String id, String runId) {
    write(
        "UPDATE submissions SET state = 'STARTED', run_id = ? WHERE id = ?",
        p -> {
          p.setString(1, runId);
          p.setString(2, id);
        });
  }

  /** The submission's run ended at {@code at}. */
  public void ended(String id, Instant at) {
    write(
        "UPDATE submissions SET state = 'ENDED', ended_at = ? WHERE id = ?",
        p -> {
          p.setLong(1, at.toEpochMilli());
          p.setString(2, id);
        });
  }

  /** The submissions not ENDED, oldest first. */
  public List<Submission> unfinished() {
    return query(
        "SELECT " + COLUMNS + " FROM submissions WHERE state <> 'ENDED' ORDER BY submitted_at, id",
        p -> {});
  }

  /** The submission with this id, or the one carried on by the run with this id. */
  public Optional<Submission> find(String idOrRunId) {
    List<Submission> found =
        query(
            "SELECT "
                + COLUMNS
                + " FROM submissions WHERE id = ? OR run_id = ? ORDER BY id = ? DESC LIMIT 1",
            p -> {
              p.setString(1, idOrRunId);
              p.setString(2, idOrRunId);
              p.setString(3, idOrRunId);
            });
    return found.stream().findFirst();
  }

  private interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  private synchronized void write(String sql, Binder binder) {
    try {
      if (writer == null) {
        writer = db.connect();
      }
      db.write(
          writer,
          tx -> {
            try (PreparedStatement p = tx.prepareStatement(sql)) {
              binder.bind(p);
              p.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw db.failure(e);
    }
  }

  /** Closes the connection writes went through. */
  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (SQLException e) {
        throw db.failure(e);
      } finally {
        writer = null;
      }
    }
  }

  private List<Submission> query(String sql, Binder binder) {
    List<Submission> all = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement p = c.prepareStatement(sql)) {
      binder.bind(p);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          all.add(
              new Submission(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  Instant.ofEpochMilli(rs.getLong(5)),
                  SubmissionState.valueOf(rs.getString(6)),
                  Optional.ofNullable(rs.getString(7))));
        }
      }
    } catch (SQLException e) {
      throw db.failure(e);
    }
    return all;
  }
}
