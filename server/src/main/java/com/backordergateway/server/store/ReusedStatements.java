package com.backordergateway.server.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps the prepared statements of one long-lived connection for reuse, keyed by SQL text. SQLite
 * compiles a statement on every {@code prepare}, which cost the writer about a sixth of its time
 * while it prepared the same dozen statements for every intake call.
 *
 * <p>A statement is checked out while Jdbi uses it and returned when Jdbi closes it, so a statement
 * run again while its first use is still open (nested queries) gets a fresh one. Statements that
 * return generated keys or update rows through their result set are not kept. Only the thread that
 * owns the connection may use this builder.
 */
final class ReusedStatements implements StatementBuilder {

  /** More distinct statements than the store runs; dynamic IN lists may push out the rare ones. */
  private static final int KEPT = 128;

  private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= KEPT) {
        return false;
      }
      closeQuietly(eldest.getValue());
      return true;
    }
  };
  /**
   * The SQL each kept statement in use was prepared from. Jdbi closes a statement naming the SQL as
   * written ({@code :name} parameters), not the parsed SQL it was created with, so that is kept
   * here; a statement not in here was prepared for one use and is closed.
   */
  private final Map<Statement, String> inUse = new IdentityHashMap<>();
  private long prepared;

  @Override
  public Statement create(Connection conn, StatementContext ctx) throws SQLException {
    return conn.createStatement();
  }

  @Override
  public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
    return reusable(ctx) ? checkOut(conn, sql) : prepareOnce(conn, sql, ctx);
  }

  /** A statement for {@code sql} (parameters as {@code ?}), kept or new; give it back with {@link #checkIn}. */
  PreparedStatement checkOut(Connection conn, String sql) throws SQLException {
    PreparedStatement statement = idle.remove(sql);
    if (statement == null) {
      prepared++;
      statement = conn.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }
    inUse.put(statement, sql);
    return statement;
  }

  /** How many statements were compiled so far (the rest were reused). */
  long prepared() {
    return prepared;
  }

  @Override
  public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
    return conn.prepareCall(sql);
  }

  @Override
  public void close(Connection conn, String written, Statement stmt) throws SQLException {
    checkIn(stmt);
  }

  /** Keeps a statement this builder handed out for its next use, or closes it. */
  void checkIn(Statement stmt) throws SQLException {
    String sql = stmt == null ? null : inUse.remove(stmt);
    if (!(stmt instanceof PreparedStatement prepared) || sql == null || stmt.isClosed() || idle.containsKey(sql)) {
      if (stmt != null) {
        stmt.close();
      }
      return;
    }
    try {
      prepared.clearParameters();
      prepared.clearBatch();
    } catch (SQLException e) {
      prepared.close();
      return;
    }
    idle.put(sql, prepared);
  }

  /** Closes every kept statement: the connection is being given up. */
  @Override
  public void close(Connection conn) {
    idle.values().forEach(ReusedStatements::closeQuietly);
    idle.clear();
    inUse.clear();
  }

  private static boolean reusable(StatementContext ctx) {
    return !ctx.isReturningGeneratedKeys() && !ctx.isConcurrentUpdatable();
  }

  private static PreparedStatement prepareOnce(Connection conn, String sql, StatementContext ctx) throws SQLException {
    if (ctx.isReturningGeneratedKeys()) {
      String[] columns = ctx.getGeneratedKeysColumnNames();
      return columns != null && columns.length > 0
          ? conn.prepareStatement(sql, columns)
          : conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }
    return conn.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
  }

  private static void closeQuietly(Statement stmt) {
    try {
      stmt.close();
    } catch (SQLException ignored) {
      // The statement is being dropped either way.
    }
  }
}
