package com.backordergateway.server.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The two databases the store runs on, chosen by the storage URL. The store's SQL is shared; what
 * differs is here or asked of {@link #of(Handle)} where a statement is built: SQLite has one
 * writer at a time and needs no locks or horizons; PostgreSQL is shared by replicas that commit
 * concurrently.
 */
public enum Dialect {
  /** Embedded file, one gateway process: the default. */
  SQLITE("jdbc:sqlite:", "classpath:db/migration/sqlite"),
  /** Shared by several gateway replicas. */
  POSTGRESQL("jdbc:postgresql:", "classpath:db/migration/postgresql");

  /** The Jdbi attribute every handle of a {@link Database} carries. */
  static final String ATTRIBUTE = "store.dialect";

  private final String urlPrefix;
  private final String migrations;

  Dialect(String urlPrefix, String migrations) {
    this.urlPrefix = urlPrefix;
    this.migrations = migrations;
  }

  /** The dialect of a JDBC URL, or an error naming the key. */
  public static Dialect ofUrl(String url) {
    for (Dialect d : values()) {
      if (url != null && url.startsWith(d.urlPrefix)) {
        return d;
      }
    }
    throw new IllegalArgumentException("storage.url: must start with jdbc:sqlite: or jdbc:postgresql://");
  }

  /** The dialect of the database {@code h} is connected to. */
  public static Dialect of(Handle h) {
    return (Dialect) h.getConfig(SqlStatements.class).getAttribute(ATTRIBUTE);
  }

  String urlPrefix() {
    return urlPrefix;
  }

  String migrations() {
    return migrations;
  }

  /**
   * Holds, until the transaction of {@code h} ends, the sole right to decide about {@code key}
   * (a SKU, a purchase order): another replica's transaction asking for the same key waits until
   * this one commits, then reads what it wrote. SQLite has one writer at a time, so nothing waits.
   */
  public void serialize(Handle h, String key) {
    if (this == POSTGRESQL) {
      DirectWrites.execute(h, "SELECT pg_advisory_xact_lock(?)", keyHash(key));
    }
  }

  /** 64-bit FNV-1a of the key: a collision only makes two keys wait for each other. */
  static long keyHash(String key) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      hash ^= key.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** True where several gateway processes write at once, so nothing may rely on a single writer. */
  public boolean shared() {
    return this == POSTGRESQL;
  }
}
