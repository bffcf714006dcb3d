package com.backordergateway.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;

/**
 * The writer's hot statements — the inserts every intake call makes and the outcome every
 * delivery records — run straight on JDBC with positional parameters. Jdbi's per-statement work
 * (contexts, named binding, argument and config look-ups, cleanables) was a third of the writer's
 * time for a dozen short statements per call, more than SQLite's own. On the writer's handle the
 * statements are its {@link ReusedStatements}; on any other handle they are prepared and closed.
 *
 * <p>Parameters are {@code String}, {@code Long}, {@code Integer}, {@code Boolean}, {@code byte[]}
 * or null, bound as Jdbi would bind them.
 */
final class DirectWrites {

  private DirectWrites() {}

  /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
  static int update(Handle h, String sql, Object... params) {
    return run(h, sql, params, statement -> statement.executeUpdate());
  }

  /** Runs a statement for its effect, whatever it returns (a SELECT of a function that takes a lock). */
  static void execute(Handle h, String sql, Object... params) {
    run(h, sql, params, statement -> {
      if (statement.execute()) {
        statement.getResultSet().close();
      }
      return null;
    });
  }

  /** Runs a statement that returns one number (an INSERT … RETURNING). */
  static long returningLong(Handle h, String sql, Object... params) {
    return run(h, sql, params, statement -> {
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no row returned by " + sql);
        }
        return rs.getLong(1);
      }
    });
  }

  private interface Execution<T> {
    T apply(PreparedStatement statement) throws SQLException;
  }

  private static <T> T run(Handle h, String sql, Object[] params, Execution<T> execution) {
    Connection conn = h.getConnection();
    ReusedStatements kept = h.getStatementBuilder() instanceof ReusedStatements reused ? reused : null;
    try {
      PreparedStatement statement = kept != null ? kept.checkOut(conn, sql) : conn.prepareStatement(sql);
      try {
        for (int i = 0; i < params.length; i++) {
          bind(statement, i + 1, params[i]);
        }
        return execution.apply(statement);
      } finally {
        if (kept != null) {
          kept.checkIn(statement);
        } else {
          statement.close();
        }
      }
    } catch (SQLException e) {
      throw new StatementFailedException(sql, e);
    }
  }

  private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof String s) {
      statement.setString(index, s);
    } else if (value instanceof Long l) {
      statement.setLong(index, l);
    } else if (value instanceof Integer n) {
      statement.setInt(index, n);
    } else if (value instanceof Boolean b) {
      statement.setBoolean(index, b);
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else {
      throw new IllegalArgumentException("no binding for " + value.getClass().getName());
    }
  }

  /** A statement the database refused; the cause carries its result code or SQLSTATE (see {@link StoreFaults}). */
  static final class StatementFailedException extends RuntimeException {
    StatementFailedException(String sql, SQLException cause) {
      super(cause.getMessage() + " [statement: " + sql + "]", cause);
    }
  }
}
