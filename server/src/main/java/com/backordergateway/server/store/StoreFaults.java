package com.backordergateway.server.store;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;

/**
 * Tells a store that cannot write now (its disk, its file, its lock) from a bug in the statement:
 * the first is the operator's to fix and the caller's to retry, the second is an internal error.
 * SQLite reports result codes, PostgreSQL SQLSTATEs.
 */
final class StoreFaults {

  private StoreFaults() {}

  /** Why the store cannot write, in words for an operator, if {@code error} is such a fault. */
  static Optional<String> reason(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException) {
        return Optional.of("no database connection is available");
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String reason = postgresReason(sql.getSQLState());
        if (reason != null) {
          return Optional.of(reason);
        }
      }
      // SQLite's primary result codes (sqlite-jdbc reports them as the error code).
      if (t instanceof SQLException sql) {
        String reason = switch (sql.getErrorCode()) {
          case 5, 6 -> "the database is locked by another process";
          case 8 -> "the database file is read-only";
          case 10 -> "the disk refused a write";
          case 13 -> "the disk is full";
          case 14 -> "the database file cannot be opened";
          default -> null;
        };
        if (reason != null) {
          return Optional.of(reason);
        }
      }
    }
    return Optional.empty();
  }

  /** PostgreSQL's SQLSTATE for a server that cannot take writes now, in words; null for anything else. */
  private static String postgresReason(String state) {
    if (state.startsWith("08")) {
      return "the connection to the database server was lost";
    }
    return switch (state) {
      case "53100" -> "the database server's disk is full";
      case "53300" -> "the database server has no free connection";
      case "25006" -> "the database server is read-only (a standby?)";
      case "57P01", "57P02", "57P03" -> "the database server is shutting down or starting up";
      case "55P03" -> "another replica held a lock longer than storage.busy-timeout";
      default -> null;
    };
  }

  /**
   * True for a unit that lost a race with another replica (a deadlock, a serialization failure, a
   * unique key the other replica inserted first, a lock it waited for longer than the busy timeout
   * — with a short timeout, that is how a deadlock shows before it is detected): run again, it
   * sees the winner's rows and decides afresh, as it would have had it come second.
   */
  static boolean lostRace(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        return state.equals("40001") || state.equals("40P01") || state.equals("23505") || state.equals("55P03");
      }
    }
    return false;
  }
}
