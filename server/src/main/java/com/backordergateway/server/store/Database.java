package com.backordergateway.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool, migrated schema and {@link Jdbi} handle for one database.
 *
 * <p>SQLite runs in WAL mode so readers never wait on the writer, with {@code synchronous=FULL}
 * so that an answered intake call survives a power cut; group commit pays for the fsync.
 */
public final class Database implements AutoCloseable {

  private static final String SQLITE = "jdbc:sqlite:";

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** Opens the database at {@code url}, creating and migrating it as needed. */
  public static Database open(String url, String username, String password) {
    return open(url, username, password, Duration.ofSeconds(10));
  }

  /** As {@link #open(String, String, String)}, a write waiting {@code busyTimeout} for another process's lock. */
  public static Database open(String url, String username, String password, Duration busyTimeout) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    hikari.setPoolName("store");
    if (username != null) {
      hikari.setUsername(username);
    }
    if (password != null) {
      hikari.setPassword(password);
    }
    if (!url.startsWith(SQLITE)) {
      throw new IllegalArgumentException("unsupported storage url scheme");
    }
    createParentFolder(url.substring(SQLITE.length()));
    hikari.setMaximumPoolSize(5); // the group-commit writer keeps one for itself; readers share the rest
    hikari.addDataSourceProperty("journal_mode", "WAL");
    hikari.addDataSourceProperty("synchronous", "FULL");
    hikari.addDataSourceProperty("busy_timeout", Long.toString(busyTimeout.toMillis()));
    hikari.addDataSourceProperty("foreign_keys", "true");
    // Otherwise the driver runs a fresh SELECT last_insert_rowid() after every INSERT; no query reads it.
    hikari.addDataSourceProperty("jdbc.get_generated_keys", "false");
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw cannotOpen(url, e);
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration/sqlite")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw cannotOpen(url, e);
    }
    return new Database(dataSource);
  }

  /** A store that cannot be opened (read-only, not a database, a full disk): the cause in one line. */
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

  @Override
  public void close() {
    dataSource.close();
  }
}
