package com.backordergateway.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store can write, as the last commit found. An outage is logged once when it starts
 * and once when it ends, not per failed call; readiness reports it while it lasts.
 */
public final class StoreWriteHealth {

  private static final Logger log = LoggerFactory.getLogger(StoreWriteHealth.class);

  private record Outage(String reason, Instant since, long failedWrites) {}

  private volatile Outage outage;

  /** A commit or the probe failed because the store cannot write. Called by the writer thread only. */
  void failed(String reason) {
    Outage current = outage;
    if (current == null) {
      log.error("the store cannot write: {}; intake answers UNAVAILABLE and stores nothing until it can", reason);
      outage = new Outage(reason, Instant.now(), 1);
    } else {
      outage = new Outage(reason, current.since(), current.failedWrites() + 1);
    }
  }

  /** The probe wrote. Called by the writer thread only. */
  void succeeded() {
    Outage ended = outage;
    if (ended != null) {
      outage = null;
      log.info("the store writes again after {} s; {} writes failed meanwhile",
          Duration.between(ended.since(), Instant.now()).toSeconds(), ended.failedWrites());
    }
  }

  boolean failing() {
    return outage != null;
  }

  /** Why the store cannot write now, if it cannot. */
  public Optional<String> cannotWrite() {
    Outage current = outage;
    return current == null ? Optional.empty() : Optional.of(current.reason() + " (since " + current.since() + ")");
  }
}
