package com.backordergateway.server.store;

import com.backordergateway.server.config.GatewayConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool, migrated schema and {@link Jdbi} handle for one database.
 *
 * <p>SQLite runs in WAL mode so readers never wait on the writer, with {@code synchronous=FULL}
 * so that an answered intake call survives a power cut; group commit pays for the fsync.
 * PostgreSQL keeps its own durability (synchronous commit); a lock another replica holds is waited
 * for up to the busy timeout. Each dialect has its own versioned migrations.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final GatewayConfig.Storage storage;

  private Database(HikariDataSource dataSource, Dialect dialect, GatewayConfig.Storage storage) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.storage = storage;
    this.jdbi = Jdbi.create(dataSource);
    jdbi.define(Dialect.ATTRIBUTE, dialect);
  }

  /** Opens the database at {@code url} with default settings, creating and migrating it as needed. */
  public static Database open(String url, String username, String password) {
    return open(GatewayConfig.Storage.of(url, username, password));
  }

  /** Opens the configured store, creating and migrating it as needed. */
  public static Database open(GatewayConfig.Storage storage) {
    String url = storage.url();
    Dialect dialect = Dialect.ofUrl(url);
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    hikari.setPoolName("store");
    if (storage.username() != null) {
      hikari.setUsername(storage.username());
    }
    if (storage.password() != null) {
      hikari.setPassword(storage.password());
    }
    hikari.setMaximumPoolSize(storage.poolSize()); // the group-commit writer keeps one for itself; readers share the rest
    hikari.setConnectionTimeout(storage.connectTimeout().toMillis());
    if (dialect == Dialect.SQLITE) {
      createParentFolder(url.substring(dialect.urlPrefix().length()));
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("synchronous", "FULL");
      hikari.addDataSourceProperty("busy_timeout", Long.toString(storage.busyTimeout().toMillis()));
      hikari.addDataSourceProperty("foreign_keys", "true");
      // Otherwise the driver runs a fresh SELECT last_insert_rowid() after every INSERT; no query reads it.
      hikari.addDataSourceProperty("jdbc.get_generated_keys", "false");
    } else {
      hikari.addDataSourceProperty("ApplicationName", "backorder-gateway");
      hikari.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, storage.connectTimeout().toSeconds())));
      hikari.setConnectionInitSql("SET lock_timeout = " + storage.busyTimeout().toMillis());
    }
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw cannotOpen(url, e);
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrations())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw cannotOpen(url, e);
    }
    return new Database(dataSource, dialect, storage);
  }

  /** A store that cannot be opened (read-only, not a database, a full disk, refused): the cause in one line. */
  private static UncheckedIOException cannotOpen(String url, RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new UncheckedIOException("storage.url: cannot open the store " + url,
        new IOException(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
  }

  private static void createParentFolder(String file) {
    if (file.isBlank() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("storage.url: cannot create the data folder " + parent, e);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The settings it was opened with (a listener connection for wake-ups is opened from them). */
  public GatewayConfig.Storage storage() {
    return storage;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
