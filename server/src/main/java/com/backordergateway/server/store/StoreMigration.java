package com.backordergateway.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Copies a shop's data from its embedded SQLite store to an empty PostgreSQL store, so that a
 * gateway can move to shared storage (replicas) without losing its events, cases, deliveries,
 * shipments or stored answers.
 *
 * <p>The copy is driven by the target's columns: each copied column is bound by the type the target
 * gives it (SQLite keeps flags as 0/1 integers, PostgreSQL as booleans). The feed's transaction ids
 * are copied as SQLite has them, 0: migrated rows sort before anything the replicas write, in their
 * SQLite order, so a watcher's cursor from the SQLite store resumes where it was (see FeedPosition). The source is read in one transaction, a
 * consistent snapshot even while a gateway writes to it (WAL); the target is written in one
 * transaction, so a failed copy leaves it empty. Sequence values are kept, so events, cases and
 * deliveries keep their order and feed positions, and each identity sequence then continues past
 * them.
 */
public final class StoreMigration {

  /** The tables holding the shop's data, parents before the rows that refer to them. */
  public static final List<String> TABLES = List.of(
      "events", "event_skus", "event_cases",
      "cases", "case_orders",
      "deliveries", "delivery_changes",
      "shipments", "shipment_lines",
      "sku_levels", "idempotency_keys");

  private static final int BATCH = 500;

  private final Database source;
  private final Database target;

  public StoreMigration(Database source, Database target) {
    if (source.dialect() != Dialect.SQLITE || target.dialect() != Dialect.POSTGRESQL) {
      throw new IllegalArgumentException("copies from a SQLite store to a PostgreSQL store only");
    }
    this.source = source;
    this.target = target;
  }

  /** A target that already holds data: nothing was copied. */
  public static final class TargetNotEmptyException extends RuntimeException {
    private final String table;

    TargetNotEmptyException(String table) {
      super("the target store is not empty: table " + table + " has rows");
      this.table = table;
    }

    public String table() {
      return table;
    }
  }

  /** Copies every table; the rows copied per table, in copy order. */
  public Map<String, Long> copy() {
    try (Handle from = source.jdbi().open(); Handle to = target.jdbi().open()) {
      from.begin();
      to.begin();
      try {
        Map<String, Long> copied = copy(from.getConnection(), to.getConnection());
        to.commit();
        return copied;
      } finally {
        if (to.isInTransaction()) {
          to.rollback();
        }
        from.rollback();
      }
    } catch (SQLException e) {
      // A failed batch's own message quotes the whole statement with its values (customers' details);
      // the server's reason, its next exception, names only the constraint and key.
      SQLException reason = e.getNextException() != null ? e.getNextException() : e;
      throw new IllegalStateException("copy failed: " + reason.getMessage(), e);
    }
  }

  private Map<String, Long> copy(Connection from, Connection to) throws SQLException {
    // Until commit, no gateway that starts on the target meanwhile can write between the check and the copy.
    try (Statement s = to.createStatement()) {
      s.execute("LOCK TABLE " + String.join(", ", TABLES) + " IN EXCLUSIVE MODE");
    }
    for (String table : TABLES) {
      if (hasRows(to, table)) {
        throw new TargetNotEmptyException(table);
      }
    }
    Map<String, Long> copied = new LinkedHashMap<>();
    for (String table : TABLES) {
      if (table.equals("delivery_changes")) {
        // The target's triggers recorded a change for every delivery just copied; the source's own
        // history replaces them. Deleting them (the table was empty) needs no more than the owner's
        // rights, where switching triggers off (session_replication_role) needs a superuser.
        try (Statement s = to.createStatement()) {
          s.executeUpdate("DELETE FROM delivery_changes");
        }
      }
      copied.put(table, copyTable(from, to, table));
    }
    for (String table : TABLES) {
      continueSequences(from, to, table);
    }
    return copied;
  }

  private static boolean hasRows(Connection to, String table) throws SQLException {
    try (Statement s = to.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
      return rs.next();
    }
  }

  private static long copyTable(Connection from, Connection to, String table) throws SQLException {
    List<Column> columns = copiedColumns(from, to, table);
    String names = String.join(", ", columns.stream().map(Column::name).toList());
    String insert = "INSERT INTO " + table + " (" + names + ") VALUES ("
        + String.join(", ", columns.stream().map(Column::placeholder).toList()) + ")";
    long rows = 0;
    try (Statement read = from.createStatement();
        ResultSet rs = read.executeQuery("SELECT " + names + " FROM " + table + " ORDER BY rowid");
        PreparedStatement write = to.prepareStatement(insert)) {
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          columns.get(i).bind(rs, write, i + 1);
        }
        write.addBatch();
        if (++rows % BATCH == 0) {
          write.executeBatch();
        }
      }
      if (rows % BATCH != 0) {
        write.executeBatch();
      }
    }
    return rows;
  }

  /** The target's columns that the source also has; a target column the source lacks keeps its default. */
  private static List<Column> copiedColumns(Connection from, Connection to, String table) throws SQLException {
    Set<String> sourceColumns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        sourceColumns.add(meta.getColumnName(i));
      }
    }
    List<Column> columns = new ArrayList<>();
    try (Statement s = to.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String name = meta.getColumnName(i);
        if (sourceColumns.contains(name)) {
          columns.add(new Column(table, name, meta.getColumnType(i), meta.getColumnTypeName(i)));
        }
      }
    }
    return columns;
  }

  /**
   * Moves each identity sequence of {@code table} past both the copied rows and any row SQLite
   * numbered and later deleted (retention), so that no value a client has seen is given again.
   */
  private static void continueSequences(Connection from, Connection to, String table) throws SQLException {
    List<String> identities = new ArrayList<>();
    try (PreparedStatement s = to.prepareStatement("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ? AND is_identity = 'YES'")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          identities.add(rs.getString(1));
        }
      }
    }
    if (identities.isEmpty()) {
      return;
    }
    long issued = lastIssued(from, table);
    for (String column : identities) {
      try (PreparedStatement s = to.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
          + " GREATEST(COALESCE(MAX(" + column + "), 0), ?) + 1, false) FROM " + table)) {
        s.setString(1, table);
        s.setString(2, column);
        s.setLong(3, issued);
        s.executeQuery().close();
      }
    }
  }

  /** The last value SQLite's AUTOINCREMENT gave in {@code table}, 0 when none. */
  private static long lastIssued(Connection from, String table) throws SQLException {
    try (PreparedStatement s = from.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** A copied column, read from SQLite as the type the PostgreSQL column has; at the same index in both statements. */
  private record Column(String table, String name, int targetType, String targetTypeName) {

    String placeholder() {
      return isTransactionId() ? "CAST(? AS xid8)" : "?";
    }

    private boolean isTransactionId() {
      return targetTypeName.equalsIgnoreCase("xid8");
    }

    void bind(ResultSet from, PreparedStatement to, int index) throws SQLException {
      if (isTransactionId()) {
        to.setString(index, Long.toString(from.getLong(index)));
        return;
      }
      switch (targetType) {
        case Types.BOOLEAN, Types.BIT -> {
          long flag = from.getLong(index);
          if (from.wasNull()) {
            to.setNull(index, targetType);
          } else {
            to.setBoolean(index, flag != 0);
          }
        }
        case Types.BIGINT -> {
          long value = from.getLong(index);
          if (from.wasNull()) {
            to.setNull(index, targetType);
          } else {
            to.setLong(index, value);
          }
        }
        case Types.INTEGER, Types.SMALLINT -> {
          int value = from.getInt(index);
          if (from.wasNull()) {
            to.setNull(index, targetType);
          } else {
            to.setInt(index, value);
          }
        }
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> to.setBytes(index, from.getBytes(index));
        case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR -> to.setString(index, from.getString(index));
        default -> throw new SQLException(table + "." + name + ": no copy for the target's column type " + targetType);
      }
    }
  }
}
