package com.backordergateway.server.store;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;

/**
 * Tells a store that cannot write now (its disk, its file, its lock) from a bug in the statement:
 * the first is the operator's to fix and the caller's to retry, the second is an internal error.
 */
final class StoreFaults {

  private StoreFaults() {}

  /** Why the store cannot write, in words for an operator, if {@code error} is such a fault. */
  static Optional<String> reason(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException) {
        return Optional.of("no database connection is available");
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
}
