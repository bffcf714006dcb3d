package com.backordergateway.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server on this machine for the replica scenario (binaries from Maven Central,
 * unpacked to a temporary folder), one fresh database per measured configuration.
 *
 * <p>Commits stay durable, as PostgreSQL's own defaults have them: the embedded launcher turns
 * both {@code fsync} and {@code synchronous_commit} off for tests, and without turning them back
 * on every commit would skip the flush that SQLite's figures pay for.
 */
final class BenchPostgres implements AutoCloseable {

  /** The server's version and the two settings that make a commit wait for the disk. */
  record Durability(String version, String synchronousCommit, String fsync) {
    boolean durable() {
      return synchronousCommit.equals("on") && fsync.equals("on");
    }

    String text() {
      return "PostgreSQL " + version + " on this machine, synchronous_commit=" + synchronousCommit + ", fsync=" + fsync
          + (durable() ? " (durable commits, PostgreSQL's defaults)" : " (commits NOT durable)");
    }
  }

  private final EmbeddedPostgres server;

  private BenchPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  static BenchPostgres start() {
    try {
      return new BenchPostgres(EmbeddedPostgres.builder()
          // Two replicas' pools, the bench's own connections, with room to spare.
          .setServerConfig("max_connections", "200")
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }

  /** A new empty database {@code name}; its JDBC URL (user {@code postgres}, no password). */
  String newDatabase(String name) {
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
  }

  /** The settings as the running server reports them, not as they were asked for. */
  Durability durability() {
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      return new Durability(show(s, "server_version"), show(s, "synchronous_commit"), show(s, "fsync"));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the PostgreSQL settings", e);
    }
  }

  private static String show(Statement s, String setting) throws SQLException {
    try (ResultSet r = s.executeQuery("SHOW " + setting)) {
      r.next();
      return r.getString(1);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
    }
  }
}
