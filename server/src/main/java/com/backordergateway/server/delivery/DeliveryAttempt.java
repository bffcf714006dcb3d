package com.backordergateway.server.delivery;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.server.config.Secrets;
import com.backordergateway.server.plugins.ConnectorInstances;
import com.backordergateway.server.plugins.ConnectorUnavailableException;
import com.backordergateway.server.routing.FallbackPlanner;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.DeliveryClaims;
import com.backordergateway.server.store.DeliveryRows;
import com.backordergateway.server.store.GroupCommitWriter;
import com.backordergateway.api.v1.Customer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One try of one claimed delivery: call the connector and record how it ended — delivered,
 * retry later (with backoff, never before Retry-After), or dead (with the route's fallback).
 * Waiting for an unloaded plugin or an open circuit does not count as a try.
 */
final class DeliveryAttempt {

  private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);
  private static final Duration HALF_OPEN_RECHECK = Duration.ofSeconds(1);

  private final ConnectorInstances instances;
  private final GroupCommitWriter writer;
  private final Database database;
  private final FallbackPlanner fallbacks;
  private final RetryPolicy retries;
  private final Clock clock;
  private final String owner;
  private final Duration unavailableRecheck;

  DeliveryAttempt(ConnectorInstances instances, GroupCommitWriter writer, Database database, FallbackPlanner fallbacks,
      RetryPolicy retries, Clock clock, String owner, Duration unavailableRecheck) {
    this.instances = instances;
    this.writer = writer;
    this.database = database;
    this.fallbacks = fallbacks;
    this.retries = retries;
    this.clock = clock;
    this.owner = owner;
    this.unavailableRecheck = unavailableRecheck;
  }

  /** Runs the attempt; the returned future completes when its outcome is committed. */
  CompletableFuture<?> run(DeliveryClaims.Claimed claimed, CircuitBreaker breaker) {
    Delivery d = claimed.delivery();
    MDC.put("delivery", d.getId());
    MDC.put("event", d.getEventId());
    try {
      if (!database.jdbi().withHandle(h -> DeliveryClaims.stillClaimed(h, d.getId(), owner))) {
        // Cancelled since it was claimed (the item came back), or another node took it over.
        return CompletableFuture.completedFuture(false);
      }
      if (!instances.exists(d.getConnector())) {
        return dead(claimed, d.getAttempts(), "no connector instance " + d.getConnector() + " in the config");
      }
      if (instances.isDryRun(d.getConnector())) {
        // Dry-run: rendered and recorded (the delivery row holds the content), never sent.
        return record(h -> DeliveryClaims.delivered(h, d.getId(), owner, d.getAttempts() + 1, "dry-run", "", now()));
      }
      if (!breaker.tryAcquirePermission()) {
        // Open: wait out the open period. Half-open: another delivery is the probe; look again soon.
        Duration wait = breaker.getState() == CircuitBreaker.State.OPEN
            ? Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
            : HALF_OPEN_RECHECK;
        return later(d, d.getAttempts(), now().plus(wait), "circuit open: " + d.getConnector() + " is failing");
      }
      return call(claimed, breaker);
    } finally {
      MDC.remove("delivery");
      MDC.remove("event");
    }
  }

  private CompletableFuture<?> call(DeliveryClaims.Claimed claimed, CircuitBreaker breaker) {
    Delivery d = claimed.delivery();
    int attempts = d.getAttempts() + 1;
    long start = System.nanoTime();
    try {
      DeliveryReceipt receipt = instances.deliver(d.getConnector(), notification(d));
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return record(h -> DeliveryClaims.delivered(h, d.getId(), owner, attempts, receipt.externalId(), receipt.reference(), now()));
    } catch (ConnectorUnavailableException e) {
      breaker.releasePermission();
      return later(d, d.getAttempts(), now().plus(unavailableRecheck), e.getMessage());
    } catch (DeliveryException e) {
      if (e instanceof RetryableDeliveryException retryable) {
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
        return failed(claimed, attempts, retryable.retryAfter(), e.getMessage());
      }
      // Permanent: the platform answered, so it is up, whatever it thought of this request.
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return dead(claimed, attempts, e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      log.error("connector {} (plugin {}) threw on delivery {}", d.getConnector(),
          instances.pluginOf(d.getConnector()).orElse("?"), d.getId(), e);
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      return failed(claimed, attempts, Optional.empty(), "connector threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private CompletableFuture<?> failed(DeliveryClaims.Claimed claimed, int attempts, Optional<Duration> retryAfter, String error) {
    Instant now = now();
    if (retries.exhausted(attempts, Instant.ofEpochMilli(claimed.createdAtMillis()), now)) {
      return dead(claimed, attempts, error + " (gave up after " + attempts + " attempts)");
    }
    return later(claimed.delivery(), attempts, now.plus(retries.backoff(attempts, retryAfter)), error);
  }

  private CompletableFuture<?> later(Delivery d, int attempts, Instant next, String error) {
    String shown = Secrets.global().redact(error);
    return record(h -> DeliveryClaims.retryLater(h, d.getId(), owner, attempts, next, shown, now()));
  }

  private CompletableFuture<?> dead(DeliveryClaims.Claimed claimed, int attempts, String error) {
    Delivery d = claimed.delivery();
    String shown = Secrets.global().redact(error);
    log.warn("delivery {} to {} is dead: {}", d.getId(), d.getConnector(), shown);
    return record(h -> {
      Instant now = now();
      if (DeliveryClaims.dead(h, d.getId(), owner, attempts, shown, now)) {
        fallbacks.plan(d, now).forEach(f -> DeliveryRows.insert(h, f));
      }
      return true;
    });
  }

  private CompletableFuture<?> record(GroupCommitWriter.Work<Boolean> outcome) {
    return writer.submit(outcome);
  }

  private Notification notification(Delivery d) {
    Customer c = d.getRecipient().getCustomer();
    Recipient recipient = d.hasRecipient()
        ? new Recipient(d.getRecipient().getOrderId(), c.getName(), c.getEmail(), c.getPhone(), c.getLocale(),
            c.getTimeZone(), c.getCustomerId())
        : Recipient.NONE;
    Optional<String> previous = database.jdbi().withHandle(h -> DeliveryClaims.previousReference(h, d));
    return new Notification(d.getId(),
        Notification.Trigger.valueOf(d.getTrigger().name().substring("TRIGGER_".length())),
        Notification.Purpose.valueOf(d.getPurpose().name().substring("PURPOSE_".length())),
        Notification.Audience.valueOf(d.getAudience().name().substring("AUDIENCE_".length())),
        recipient, new Notification.Message(d.getSubject(), d.getBody()), d.getFactsMap(), previous);
  }

  private Instant now() {
    return clock.instant();
  }
}
