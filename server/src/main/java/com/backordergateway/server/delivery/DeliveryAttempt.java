package com.backordergateway.server.delivery;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.server.config.Secrets;
import com.backordergateway.server.plugins.ConnectorInstances;
import com.backordergateway.server.plugins.ConnectorUnavailableException;
import com.backordergateway.server.routing.FallbackPlanner;
import com.backordergateway.server.routing.RoutePlanner;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.DeliveryClaims;
import com.backordergateway.server.store.DeliveryRows;
import com.backordergateway.server.store.GroupCommitWriter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One try of one claimed delivery — or, on a coalescing staff route, of a digest of every
 * pending alert of that route: call the connector and record how it ended — delivered, retry
 * later (with backoff, never before Retry-After), or dead (with the route's fallback). Waiting
 * for an unloaded plugin or an open circuit does not count as a try.
 */
final class DeliveryAttempt {

  private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);
  private static final Duration HALF_OPEN_RECHECK = Duration.ofSeconds(1);

  private final ConnectorInstances instances;
  private final GroupCommitWriter writer;
  private final Database database;
  private final FallbackPlanner fallbacks;
  private final RoutePlanner routes;
  private final RetryPolicy retries;
  private final DeliveryMetrics metrics;
  private final Clock clock;
  private final String owner;
  private final Duration lease;
  private final Duration unavailableRecheck;

  DeliveryAttempt(ConnectorInstances instances, GroupCommitWriter writer, Database database, FallbackPlanner fallbacks,
      RoutePlanner routes, RetryPolicy retries, DeliveryMetrics metrics, Clock clock, String owner, Duration lease,
      Duration unavailableRecheck) {
    this.instances = instances;
    this.writer = writer;
    this.database = database;
    this.fallbacks = fallbacks;
    this.routes = routes;
    this.retries = retries;
    this.metrics = metrics;
    this.clock = clock;
    this.owner = owner;
    this.lease = lease;
    this.unavailableRecheck = unavailableRecheck;
  }

  /**
   * Runs the attempt for one claimed delivery, or for a digest unit (alerts of one coalescing
   * route claimed together); the future completes when the outcome is committed.
   */
  CompletableFuture<?> run(List<DeliveryClaims.Claimed> unit, CircuitBreaker breaker) {
    // Skip what was cancelled since it was claimed (the item came back) or taken over by another node.
    List<DeliveryClaims.Claimed> claimed = unit.stream()
        .filter(c -> database.jdbi().withHandle(h -> DeliveryClaims.startAttempt(h, c.delivery().getId(), owner,
            now(), c.leaseUntilMillis(), lease)))
        .toList();
    if (claimed.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    Delivery d = claimed.get(0).delivery();
    MDC.put("delivery", d.getId());
    MDC.put("event", d.getEventId());
    try {
      List<DeliveryClaims.Claimed> batch = withDigest(claimed);
      if (!instances.exists(d.getConnector())) {
        return dead(batch, false, "no connector instance " + d.getConnector() + " in the config");
      }
      if (instances.isDryRun(d.getConnector()) && instances.isServing(d.getConnector())) {
        // Dry-run: rendered and recorded (the delivery row holds the content), never sent. An
        // instance without its plugin, or disabled, makes them wait like live ones (below).
        metrics.outcome(d.getConnector(), "delivered", batch.size());
        return each(batch, c -> h -> DeliveryClaims.delivered(h, c.delivery().getId(), owner,
            c.delivery().getAttempts() + 1, "dry-run", "", "", now()));
      }
      if (!breaker.tryAcquirePermission()) {
        // Open: wait out the open period. Half-open: another delivery is the probe; look again soon.
        Duration wait = breaker.getState() == CircuitBreaker.State.OPEN
            ? Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
            : HALF_OPEN_RECHECK;
        return later(batch, false, now().plus(wait), "circuit open: " + d.getConnector() + " is failing");
      }
      return call(batch, breaker);
    } finally {
      MDC.remove("delivery");
      MDC.remove("event");
    }
  }

  /** On a coalescing staff route, every other pending alert of the route joins the digest. */
  private List<DeliveryClaims.Claimed> withDigest(List<DeliveryClaims.Claimed> claimed) {
    Delivery lead = claimed.get(0).delivery();
    if (!coalesces(routes, lead)) {
      return claimed;
    }
    Instant now = now();
    List<DeliveryClaims.Claimed> batch = new ArrayList<>(claimed);
    batch.addAll(writer.submit(h -> DeliveryClaims.claimDigest(h, lead, owner, now, now.plus(lease))).join());
    return batch;
  }

  static boolean coalesces(RoutePlanner routes, Delivery d) {
    return d.getAudience() == Audience.AUDIENCE_STAFF && !d.getRoute().isEmpty() && routes.coalesce(d.getRoute()).isPresent();
  }

  private CompletableFuture<?> call(List<DeliveryClaims.Claimed> batch, CircuitBreaker breaker) {
    Delivery lead = batch.get(0).delivery();
    long start = System.nanoTime();
    try {
      DeliveryReceipt receipt = instances.deliver(lead.getConnector(), batch.size() == 1 ? notification(lead) : digest(batch));
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      metrics.attempt(lead.getConnector(), System.nanoTime() - start);
      metrics.outcome(lead.getConnector(), "delivered", batch.size());
      return each(batch, c -> h -> DeliveryClaims.delivered(h, c.delivery().getId(), owner, c.delivery().getAttempts() + 1,
          receipt.externalId(), receipt.reference(), Secrets.global().redact(receipt.note()), now()));
    } catch (ConnectorUnavailableException e) {
      breaker.releasePermission();
      return later(batch, false, now().plus(unavailableRecheck), e.getMessage());
    } catch (DeliveryException e) {
      metrics.attempt(lead.getConnector(), System.nanoTime() - start);
      if (e instanceof RetryableDeliveryException retryable) {
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
        return failed(batch, retryable.retryAfter(), e.getMessage());
      }
      // Permanent: the platform answered, so it is up, whatever it thought of this request.
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return dead(batch, true, e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      log.error("connector {} (plugin {}) threw on delivery {}", lead.getConnector(),
          instances.pluginOf(lead.getConnector()).orElse("?"), lead.getId(), e);
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      return failed(batch, Optional.empty(), "connector threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** A failed try: retry later, or dead once the policy says so. */
  private CompletableFuture<?> failed(List<DeliveryClaims.Claimed> batch, Optional<Duration> retryAfter, String error) {
    Instant now = now();
    String shown = Secrets.global().redact(error);
    return writer.submit(h -> {
      for (DeliveryClaims.Claimed c : batch) {
        Delivery d = c.delivery();
        int attempts = d.getAttempts() + 1;
        if (retries.exhausted(attempts, Instant.ofEpochMilli(c.createdAtMillis()), now)) {
          markDead(h, d, attempts, shown + " (gave up after " + attempts + " attempts)", now);
        } else {
          DeliveryClaims.retryLater(h, d.getId(), owner, attempts, now.plus(retries.backoff(attempts, retryAfter)), shown, now);
          metrics.outcome(d.getConnector(), "retry", 1);
        }
      }
      return true;
    });
  }

  /** Back to pending at {@code next}; {@code counted} says whether this was a real try. */
  private CompletableFuture<?> later(List<DeliveryClaims.Claimed> batch, boolean counted, Instant next, String error) {
    String shown = Secrets.global().redact(error);
    metrics.outcome(batch.get(0).delivery().getConnector(), counted ? "retry" : "waiting", batch.size());
    return each(batch, c -> h -> DeliveryClaims.retryLater(h, c.delivery().getId(), owner,
        c.delivery().getAttempts() + (counted ? 1 : 0), next, shown, now()));
  }

  private CompletableFuture<?> dead(List<DeliveryClaims.Claimed> batch, boolean counted, String error) {
    Instant now = now();
    String shown = Secrets.global().redact(error);
    return writer.submit(h -> {
      for (DeliveryClaims.Claimed c : batch) {
        markDead(h, c.delivery(), c.delivery().getAttempts() + (counted ? 1 : 0), shown, now);
      }
      return true;
    });
  }

  private void markDead(org.jdbi.v3.core.Handle h, Delivery d, int attempts, String error, Instant now) {
    if (DeliveryClaims.dead(h, d.getId(), owner, attempts, error, now)) {
      metrics.outcome(d.getConnector(), "dead", 1);
      log.warn("delivery {} to {} is dead: {}", d.getId(), d.getConnector(), error);
      fallbacks.plan(d, now).forEach(f -> DeliveryRows.insert(h, f));
    }
  }

  /** One transaction applying an outcome to every delivery of the batch. */
  private CompletableFuture<?> each(List<DeliveryClaims.Claimed> batch,
      java.util.function.Function<DeliveryClaims.Claimed, GroupCommitWriter.Work<Boolean>> outcome) {
    return writer.submit(h -> {
      for (DeliveryClaims.Claimed c : batch) {
        outcome.apply(c).apply(h);
      }
      return true;
    });
  }

  private Notification notification(Delivery d) {
    Customer c = d.getRecipient().getCustomer();
    Recipient recipient = d.hasRecipient()
        ? new Recipient(d.getRecipient().getOrderId(), c.getName(), c.getEmail(), c.getPhone(), c.getLocale(),
            c.getTimeZone(), c.getCustomerId())
        : Recipient.NONE;
    // Only follow-ups update what an earlier delivery created; first notices skip the read.
    boolean followUp = d.getPurpose() == Purpose.PURPOSE_ETA_CORRECTION || d.getPurpose() == Purpose.PURPOSE_RESOLUTION;
    Optional<String> previous = followUp
        ? database.jdbi().withHandle(h -> DeliveryClaims.previousReference(h, d))
        : Optional.empty();
    return new Notification(d.getId(),
        Notification.Trigger.valueOf(d.getTrigger().name().substring("TRIGGER_".length())),
        Notification.Purpose.valueOf(d.getPurpose().name().substring("PURPOSE_".length())),
        Notification.Audience.valueOf(d.getAudience().name().substring("AUDIENCE_".length())),
        recipient, new Notification.Message(d.getSubject(), d.getBody()), d.getFactsMap(), previous);
  }

  /** One staff message for several alerts: each alert's subject and text, in the order planned. */
  private Notification digest(List<DeliveryClaims.Claimed> batch) {
    Notification lead = notification(batch.get(0).delivery());
    String body = batch.stream()
        .map(c -> (c.delivery().getSubject().isEmpty() ? "" : c.delivery().getSubject() + "\n") + c.delivery().getBody())
        .collect(Collectors.joining("\n\n"));
    String skus = batch.stream().map(c -> c.delivery().getFactsOrDefault("sku", "")).distinct()
        .collect(Collectors.joining(", "));
    java.util.Map<String, String> facts = new java.util.HashMap<>(lead.facts());
    facts.put("sku", skus);
    facts.put("digest_count", Integer.toString(batch.size()));
    return new Notification(lead.deliveryId(), lead.trigger(), lead.purpose(), lead.audience(), lead.recipient(),
        new Notification.Message(batch.size() + " backorder alerts: " + skus, body), facts, Optional.empty());
  }

  private Instant now() {
    return clock.instant();
  }
}
