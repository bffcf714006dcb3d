package com.backordergateway.server.intake;

import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.Shipment;
import com.backordergateway.server.cluster.JobLeases;
import com.backordergateway.server.cluster.SingletonJob;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.errors.ConflictException;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.ShipmentRows;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds registered shipments that are overdue by their supplier's threshold with no update
 * arriving, and fires SUPPLIER_DELAYED for each new delay step. Driven by the clock alone.
 *
 * <p>With replicas sharing the store, the scheduled pass runs on the one holding the monitor's
 * lease; each firing is also conditional on the shipment's delay step in the store, so a pass
 * overlapping a takeover still fires once per shipment per step.
 */
@Singleton
public final class SupplierDelayMonitor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SupplierDelayMonitor.class);

  private final Database database;
  private final IntakeService intake;
  private final Clock clock;
  private final GatewayConfig.Triggers triggers;
  private final ShipmentOverdueRule overdue;
  private final SingletonJob job;

  @Inject
  public SupplierDelayMonitor(Database database, IntakeService intake, Clock clock, GatewayConfig config,
      JobLeases leases) {
    this.database = database;
    this.intake = intake;
    this.clock = clock;
    this.triggers = config.triggers();
    this.overdue = new ShipmentOverdueRule(new SupplierDelays(triggers));
    Duration every = triggers.supplierMonitorInterval();
    this.job = new SingletonJob(leases, "supplier-delay-monitor", every, every, this::checkAndLog);
  }

  /** Checks every interval from now on, on its own thread, while this replica holds the monitor's lease. */
  public void start() {
    job.start();
  }

  /** One pass: fires for every shipment overdue by a new step; returns the recorded answers. */
  public List<IntakeResponse> check() {
    Instant now = clock.instant();
    Duration shortest = triggers.supplierThresholds().values().stream()
        .reduce(triggers.supplierDelayThreshold(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    List<Shipment> candidates = database.jdbi().withHandle(h -> ShipmentRows.expectedBefore(h, now.minus(shortest)));
    List<CompletableFuture<IntakeResponse>> fired = new ArrayList<>();
    for (Shipment s : candidates) {
      if (overdue.overdueStep(s, now) > s.getDelaySteps()) {
        fired.add(intake.recordOverdue(s).exceptionally(SupplierDelayMonitor::skipIfSettled));
      }
    }
    List<IntakeResponse> answers = new ArrayList<>();
    for (CompletableFuture<IntakeResponse> f : fired) {
      IntakeResponse answer = f.join();
      if (answer != null) {
        answers.add(answer);
      }
    }
    return Collections.unmodifiableList(answers);
  }

  /** Another replica or an update got there first: nothing to do. */
  private static IntakeResponse skipIfSettled(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof ConflictException) {
      return null;
    }
    throw new CompletionException(cause);
  }

  private void checkAndLog() {
    List<IntakeResponse> fired = check();
    if (!fired.isEmpty()) {
      log.info("supplier delay monitor fired {} alert(s)", fired.size());
    }
  }

  @Override
  public void close() {
    job.close();
  }
}
