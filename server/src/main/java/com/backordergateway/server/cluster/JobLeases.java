package com.backordergateway.server.cluster;

import com.backordergateway.server.store.Database;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Which replica runs each periodic job (the supplier-delay monitor, retention): the one holding
 * the job's lease. The holder renews it on every run; when it stops renewing (it crashed) another
 * replica takes the lease once it has expired. The jobs' own writes are conditional as well, so a
 * run that overlaps a takeover still fires nothing twice; the lease keeps the work to one replica.
 */
@Singleton
public final class JobLeases {

  private final Jdbi jdbi;
  private final Clock clock;
  private final String owner;

  @Inject
  public JobLeases(Database database, Clock clock, ReplicaRegistry replicas) {
    this.jdbi = database.jdbi();
    this.clock = clock;
    this.owner = replicas.owner();
  }

  /** True if this replica holds {@code job} now, taking or renewing it for {@code ttl}. */
  public boolean hold(String job, Duration ttl) {
    long now = clock.millis();
    return jdbi.withHandle(h -> h.createUpdate(
            "INSERT INTO job_leases (job, owner, lease_until) VALUES (:job, :owner, :until)"
                + " ON CONFLICT (job) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until"
                + " WHERE job_leases.owner = excluded.owner OR job_leases.lease_until < :now")
        .bind("job", job)
        .bind("owner", owner)
        .bind("until", now + ttl.toMillis())
        .bind("now", now)
        .execute()) == 1;
  }

  /** Gives the job up at once (this replica is stopping), so another need not wait for expiry. */
  public void release(String job) {
    jdbi.useHandle(h -> h.execute("DELETE FROM job_leases WHERE job = ? AND owner = ?", job, owner));
  }
}
