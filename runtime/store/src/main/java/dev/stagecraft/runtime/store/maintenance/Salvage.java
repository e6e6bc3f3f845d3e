package dev.stagecraft.runtime.store.maintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies what can still be read of a damaged history into a new database, table by table, going
 * around the damaged parts: runs by ranges of row ids (one row at a time where a range fails), the
 * rows of each run's executions, attempts and logs by run, definitions by fingerprint, cache
 * entries and small artifacts by key prefix. Leases are not copied: the runs that held them read as
 * INTERRUPTED.
 */
final class Salvage {
  private static final int RANGE = 256;
  private static final String[] BY_RUN = {"stage_executions", "stage_attempts", "stage_logs"};

  private final Connection from;
  private final Connection to;
  private final Map<String, List<String>> commonColumns = new LinkedHashMap<>();
  private final Map<String, Integer> copied = new LinkedHashMap<>();
  private final List<String> lost = new ArrayList<>();

  Salvage(Connection from, Connection to) {
    this.from = from;
    this.to = to;
  }

  /** Rows copied per table. */
  Map<String, Integer> copied() {
    return copied;
  }

  /** What could not be read, one phrase each. */
  List<String> lost() {
    return lost;
  }

  /** Copies every readable row; {@code to} is in a transaction. */
  void run() throws SQLException {
    copyRuns();
    List<String> runIds = column(to, "SELECT id FROM runs ORDER BY id");
    for (String table : BY_RUN) {
      copyByRun(table, runIds);
    }
    copyDefinitions(
        column(to, "SELECT DISTINCT definition FROM runs WHERE definition IS NOT NULL"));
    copyByHexKey("cache_entries", "cache_key", "later runs cache again");
    copyByHexKey("inline_artifacts", "sha256", "their stages run again on resume or cache miss");
  }

  private void copyRuns() throws SQLException {
    if (!exists("runs")) {
      return;
    }
    long max = maxRowid("runs");
    long unreadable = 0;
    for (long lo = 1; lo <= max; lo += RANGE) {
      long hi = lo + RANGE - 1;
      if (tryCopy("runs", "rowid BETWEEN " + lo + " AND " + hi)) {
        continue;
      }
      for (long id = lo; id <= hi; id++) {
        if (!tryCopy("runs", "rowid = " + id)) {
          unreadable++;
        }
      }
    }
    if (unreadable > 0) {
      lost.add("runs: up to " + unreadable + " rows could not be read");
    }
  }

  private void copyByRun(String table, List<String> runIds) throws SQLException {
    if (!exists(table)) {
      return;
    }
    List<String> failed = new ArrayList<>();
    for (String runId : runIds) {
      if (!tryCopy(table, "run_id = " + quote(runId))) {
        failed.add(runId);
      }
    }
    if (!failed.isEmpty()) {
      lost.add(
          table
              + " of "
              + failed.size()
              + (failed.size() == 1 ? " run" : " runs")
              + " could not be read: "
              + String.join(", ", failed.subList(0, Math.min(5, failed.size())))
              + (failed.size() > 5 ? ", ..." : ""));
    }
  }

  private void copyDefinitions(List<String> fingerprints) throws SQLException {
    if (!exists("pipeline_definitions")) {
      return;
    }
    int failed = 0;
    for (String f : fingerprints) {
      if (!tryCopy("pipeline_definitions", "fingerprint = " + quote(f))) {
        failed++;
      }
    }
    if (failed > 0) {
      lost.add("pipeline_definitions: " + failed + " definitions could not be read");
    }
  }

  /** Rows keyed by hex text (cache keys, SHA-256s): sixteen ranges by first digit. */
  private void copyByHexKey(String table, String key, String afterLoss) throws SQLException {
    if (!exists(table)) {
      return;
    }
    String digits = "0123456789abcdef";
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < digits.length(); i++) {
      String lo = String.valueOf(digits.charAt(i));
      String range =
          i + 1 < digits.length()
              ? key + " >= '" + lo + "' AND " + key + " < '" + digits.charAt(i + 1) + "'"
              : key + " >= '" + lo + "'";
      if (!tryCopy(table, range)) {
        failed.add(lo);
      }
    }
    if (!failed.isEmpty()) {
      lost.add(
          table
              + " with keys starting "
              + String.join(", ", failed)
              + " could not be read ("
              + afterLoss
              + ")");
    }
  }

  /**
   * Copies the rows of {@code table} matching {@code where} (the columns both databases have);
   * false when the damaged file could not give them.
   */
  private boolean tryCopy(String table, String where) throws SQLException {
    List<String> columns = commonColumns(table);
    String list = String.join(", ", columns);
    List<Object[]> rows = new ArrayList<>();
    try (Statement s = from.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + list + " FROM " + table + " WHERE " + where)) {
      while (rs.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
    } catch (SQLException unreadable) {
      return false;
    }
    try (PreparedStatement insert =
        to.prepareStatement(
            "INSERT OR IGNORE INTO "
                + table
                + " ("
                + list
                + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
                + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          insert.setObject(i + 1, row[i]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
    copied.merge(table, rows.size(), Integer::sum);
    return true;
  }

  private long maxRowid(String table) throws SQLException {
    try (Statement s = from.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(rowid) FROM " + table)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException rightmostPageDamaged) {
      // no row is larger than a page holds; search every id the file could hold
      try (Statement s = from.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA page_count")) {
        return rs.next() ? rs.getLong(1) * 200 : 0;
      }
    }
  }

  private boolean exists(String table) throws SQLException {
    return !commonColumns(table).isEmpty();
  }

  /** The columns of {@code table} in both databases, in the damaged file's order. */
  private List<String> commonColumns(String table) throws SQLException {
    List<String> columns = commonColumns.get(table);
    if (columns == null) {
      columns = columns(from, table);
      columns.retainAll(columns(to, table));
      commonColumns.put(table, columns);
    }
    return columns;
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        names.add(rs.getString("name"));
      }
    }
    return names;
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
