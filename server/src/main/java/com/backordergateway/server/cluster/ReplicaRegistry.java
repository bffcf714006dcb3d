package com.backordergateway.server.cluster;

import com.backordergateway.server.store.Database;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's name, and how many replicas share the store. On a shared store each replica
 * writes a heartbeat each second; one that has not for {@link #EXPIRES} counts as gone (it
 * crashed, or lost the database). Connector rate limits are split by this count, so all replicas
 * together stay within the platform account's limit.
 *
 * <p>A replica joining a cluster waits {@link #SETTLE} before it dispatches, long enough for every
 * other replica to have counted it and shrunk its share; a replica stopping deletes its row, so the
 * others grow theirs at their next heartbeat. Heartbeats are stamped and judged by the database's
 * clock, so replicas whose clocks disagree still count each other right. On SQLite there is one
 * process: the count is 1.
 */
@Singleton
public final class ReplicaRegistry implements AutoCloseable {

  static final Duration HEARTBEAT = Duration.ofSeconds(1);
  static final Duration EXPIRES = Duration.ofSeconds(5);
  static final Duration SETTLE = HEARTBEAT.multipliedBy(2);

  private static final Logger log = LoggerFactory.getLogger(ReplicaRegistry.class);

  private final String owner = hostName() + "/" + UUID.randomUUID();
  private final Jdbi jdbi;
  private final boolean shared;
  private final long startedNanos = System.nanoTime();
  private final ScheduledExecutorService heartbeat;
  private volatile int live = 1;

  @Inject
  public ReplicaRegistry(Database database) {
    this.jdbi = database.jdbi();
    this.shared = database.dialect().shared();
    if (shared) {
      beat(); // counted from the start, before this replica takes any share
      heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replica-heartbeat");
        t.setDaemon(true);
        return t;
      });
      heartbeat.scheduleWithFixedDelay(this::beatQuietly, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
          TimeUnit.MILLISECONDS);
    } else {
      heartbeat = null;
    }
  }

  /** This replica's name: the lease owner of what it claims, the holder of the jobs it runs. */
  public String owner() {
    return owner;
  }

  /** How many replicas share the store, this one included, as of the last heartbeat. */
  public int live() {
    return live;
  }

  /** Waits until every other replica has had time to count this one (at once on SQLite). */
  public void awaitSettled() throws InterruptedException {
    if (shared) {
      long left = SETTLE.toNanos() - (System.nanoTime() - startedNanos);
      if (left > 0) {
        TimeUnit.NANOSECONDS.sleep(left);
      }
    }
  }

  private void beat() {
    jdbi.useHandle(h -> {
      long now = h.createQuery("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)")
          .mapTo(Long.class).one();
      h.execute("INSERT INTO replicas (owner, started_at, heartbeat_at) VALUES (?, ?, ?)"
          + " ON CONFLICT (owner) DO UPDATE SET heartbeat_at = excluded.heartbeat_at", owner, now, now);
      live = Math.max(1, h.createQuery("SELECT COUNT(*) FROM replicas WHERE heartbeat_at >= ?")
          .bind(0, now - EXPIRES.toMillis()).mapTo(Integer.class).one());
      h.execute("DELETE FROM replicas WHERE heartbeat_at < ?", now - 10 * EXPIRES.toMillis());
    });
  }

  private void beatQuietly() {
    try {
      beat();
    } catch (RuntimeException e) {
      // Keep the last count: shares shrink only when others are seen, and the store's outage is reported by the writer.
      log.debug("replica heartbeat failed", e);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "gateway";
    }
  }

  @Override
  public void close() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
      try {
        jdbi.useHandle(h -> h.execute("DELETE FROM replicas WHERE owner = ?", owner));
      } catch (RuntimeException e) {
        log.debug("could not remove this replica's heartbeat; it expires", e);
      }
    }
  }
}
