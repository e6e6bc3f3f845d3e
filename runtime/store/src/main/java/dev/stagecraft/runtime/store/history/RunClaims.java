package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.engine.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The SQL of leases: reading one, taking one, and taking a run over for a resume. */
final class RunClaims {
  /** Leases a run to a holder, replacing an expired lease: run, host, pid, token, timeout, now. */
  static final String TAKE_LEASE =
      "INSERT INTO run_leases (run_id, host, pid, token, timeout_ms, acquired_at, heartbeat_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT(run_id) DO UPDATE SET host = excluded.host, pid = excluded.pid,"
          + " token = excluded.token, timeout_ms = excluded.timeout_ms,"
          + " acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at";

  private RunClaims() {}

  /** Sets the parameters of a prepared {@link #TAKE_LEASE}. */
  static void bindLease(PreparedStatement p, String runId, LeaseHolder holder, long nowMillis)
      throws SQLException {
    p.setString(1, runId);
    p.setString(2, holder.host());
    p.setLong(3, holder.pid());
    p.setString(4, holder.token());
    p.setLong(5, holder.timeout().toMillis());
    p.setLong(6, nowMillis);
    p.setLong(7, nowMillis);
  }

  /** The lease of the run, if one is recorded. */
  static Optional<Lease> lease(Connection c, String runId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT host, pid, token, timeout_ms, acquired_at, heartbeat_at FROM run_leases"
                + " WHERE run_id = ?")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Lease(
                runId,
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                Duration.ofMillis(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6))));
      }
    }
  }

  /**
   * Inside a write transaction: takes {@code runId} over for the resume that runs as {@code
   * resumingRunId}, or throws saying who holds it.
   */
  static void claim(Connection tx, String runId, String resumingRunId, LeaseHolder holder)
      throws SQLException {
    String status;
    String resumedBy;
    try (PreparedStatement p =
        tx.prepareStatement("SELECT status, resumed_by FROM runs WHERE id = ?")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new UnknownRunException(
              "no run '" + runId + "' to resume; list runs with: stagecraft runs");
        }
        status = rs.getString(1);
        resumedBy = rs.getString(2);
      }
    }
    Instant now = Instant.now();
    Optional<Lease> lease = lease(tx, runId);
    if (lease.isPresent() && lease.get().isLive(now)) {
      Lease l = lease.get();
      throw new RunLeaseException(
          status.equals(RunStatus.RUNNING.name())
              ? "run "
                  + runId
                  + " is still running in "
                  + l.holder()
                  + " (last heartbeat "
                  + l.secondsSinceHeartbeat(now)
                  + " s ago); wait for it to end, or stop that process: once its heartbeats stop"
                  + " for "
                  + l.timeout().toSeconds()
                  + " s it shows INTERRUPTED and can be resumed"
              : "run "
                  + runId
                  + " is being resumed"
                  + (resumedBy == null ? "" : " as run " + resumedBy)
                  + " by "
                  + l.holder()
                  + "; wait for that run to end");
    }
    if (resumedBy != null) {
      Optional<String> resumer = effectiveStatus(tx, resumedBy, now);
      if (resumer.isPresent()) {
        throw new RunLeaseException(
            "run "
                + runId
                + " was resumed already, as run "
                + resumedBy
                + " ("
                + resumer.get()
                + "); continue that one instead: stagecraft resume "
                + resumedBy);
      }
    }
    try (PreparedStatement p =
        tx.prepareStatement(
            "UPDATE runs SET status = CASE status WHEN 'RUNNING' THEN 'INTERRUPTED' ELSE status END,"
                + " ended_at = COALESCE(ended_at, ?), resumed_by = ? WHERE id = ?")) {
      if (lease.isPresent()) {
        p.setLong(1, lease.get().heartbeatAt().toEpochMilli());
      } else {
        p.setNull(1, Types.INTEGER);
      }
      p.setString(2, resumingRunId);
      p.setString(3, runId);
      p.executeUpdate();
    }
    try (PreparedStatement p = tx.prepareStatement(TAKE_LEASE)) {
      bindLease(p, runId, holder, now.toEpochMilli());
      p.executeUpdate();
    }
  }

  /** The status of a recorded run as a reader sees it (RUNNING or INTERRUPTED by its lease). */
  private static Optional<String> effectiveStatus(Connection c, String runId, Instant now)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
      p.setString(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String status = rs.getString(1);
        if (!status.equals(RunStatus.RUNNING.name())) {
          return Optional.of(status);
        }
      }
    }
    boolean live = lease(c, runId).map(l -> l.isLive(now)).orElse(false);
    return Optional.of(live ? RunStatus.RUNNING.name() : RunStatus.INTERRUPTED.name());
  }
}
