package com.backordergateway.server.cluster;

import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.store.GroupCommitWriter;
import com.backordergateway.server.store.RetentionRows;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges what {@code storage.retention} no longer keeps (see {@link RetentionRows}), once an hour,
 * on whichever replica holds the job's lease. Deletes go through the writer in small chunks, so
 * intake never waits behind one long delete.
 */
@Singleton
public final class RetentionJob implements AutoCloseable {

  private static final Duration EVERY = Duration.ofHours(1);
  private static final int CHUNK = 1_000;
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final GroupCommitWriter writer;
  private final Clock clock;
  private final Duration retention;
  private final SingletonJob job;

  @Inject
  public RetentionJob(GroupCommitWriter writer, JobLeases leases, Clock clock, GatewayConfig config) {
    this.writer = writer;
    this.clock = clock;
    this.retention = config.storage().retention();
    this.job = new SingletonJob(leases, "retention", EVERY, Duration.ofMinutes(1), this::purgeAndLog);
  }

  public void start() {
    job.start();
  }

  /** One run now, if this replica holds the job's lease; false when another replica does. */
  public boolean runNow() {
    return job.runNow();
  }

  /** Deletes everything older than the retention; how many rows went. */
  int purge() {
    long cutoff = clock.millis() - retention.toMillis();
    int total = 0;
    int deleted;
    do {
      deleted = writer.submit(h -> RetentionRows.purge(h, cutoff, CHUNK)).join();
      total += deleted;
    } while (deleted > 0);
    return total;
  }

  private void purgeAndLog() {
    int purged = purge();
    if (purged > 0) {
      log.info("retention purged {} rows older than {}", purged, retention);
    }
  }

  @Override
  public void close() {
    job.close();
  }
}
