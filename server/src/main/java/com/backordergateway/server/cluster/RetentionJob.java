package com.backordergateway.server.cluster;

import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.errors.StoreCannotWriteException;
import com.backordergateway.server.store.GroupCommitWriter;
import com.backordergateway.server.store.RetentionRows;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges what {@code storage.retention} no longer keeps (see {@link RetentionRows}), once an hour,
 * on whichever replica holds the job's lease. Deletes go through the writer in small chunks, so
 * intake never waits behind one long delete.
 */
@Singleton
public final class RetentionJob implements AutoCloseable {

  static final String JOB = "retention";
  private static final Duration EVERY = Duration.ofHours(1);
  private static final int CHUNK = 1_000;
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final GroupCommitWriter writer;
  private final JobLeases leases;
  private final Clock clock;
  private final Duration retention;
  private ScheduledExecutorService scheduler;

  @Inject
  public RetentionJob(GroupCommitWriter writer, JobLeases leases, Clock clock, GatewayConfig config) {
    this.writer = writer;
    this.leases = leases;
    this.clock = clock;
    this.retention = config.storage().retention();
  }

  public synchronized void start() {
    if (scheduler == null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retention");
        t.setDaemon(true);
        return t;
      });
      scheduler.scheduleWithFixedDelay(this::runQuietly, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
    }
  }

  /** One run if this replica holds the lease; how many rows it purged (0 when another holds it). */
  public int runOnce() {
    if (!leases.hold(JOB, EVERY.multipliedBy(2))) {
      return 0;
    }
    long cutoff = clock.millis() - retention.toMillis();
    int total = 0;
    int deleted;
    do {
      deleted = writer.submit(h -> RetentionRows.purge(h, cutoff, CHUNK)).join();
      total += deleted;
    } while (deleted > 0);
    return total;
  }

  private void runQuietly() {
    try {
      int purged = runOnce();
      if (purged > 0) {
        log.info("retention purged {} rows older than {}", purged, retention);
      }
    } catch (RuntimeException e) {
      if (!StoreCannotWriteException.isCause(e)) {
        log.error("retention run failed", e);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
      try {
        leases.release(JOB);
      } catch (RuntimeException e) {
        log.debug("could not release the retention lease; it expires", e); // the store may be gone
      }
    }
  }
}
