package com.backordergateway.server.cluster;

import com.backordergateway.server.errors.StoreCannotWriteException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic job that runs on one replica at a time: every {@code every}, on its own thread, its
 * pass runs if this replica holds the job's lease (taking it when free or expired, renewing it
 * for three intervals). A pass that fails is logged (a store outage only by the store, once) and
 * the next one runs as usual. Stopping gives the lease up, so another replica takes over at once.
 */
public final class SingletonJob implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SingletonJob.class);

  private final JobLeases leases;
  private final String name;
  private final Duration every;
  private final Duration firstAfter;
  private final Runnable pass;
  private ScheduledExecutorService scheduler;

  public SingletonJob(JobLeases leases, String name, Duration every, Duration firstAfter, Runnable pass) {
    this.leases = leases;
    this.name = name;
    this.every = every;
    this.firstAfter = firstAfter;
    this.pass = pass;
  }

  public synchronized void start() {
    if (scheduler == null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
      scheduler.scheduleWithFixedDelay(this::runQuietly, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Runs the pass now if this replica holds the lease; false when another replica does. */
  public boolean runNow() {
    if (!leases.hold(name, every.multipliedBy(3))) {
      return false;
    }
    pass.run();
    return true;
  }

  private void runQuietly() {
    try {
      runNow();
    } catch (RuntimeException e) {
      if (!StoreCannotWriteException.isCause(e)) {
        log.error("{} pass failed", name, e);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
      try {
        leases.release(name);
      } catch (RuntimeException e) {
        log.debug("could not release the {} lease; it expires", name, e); // the store may be gone
      }
    }
  }
}
