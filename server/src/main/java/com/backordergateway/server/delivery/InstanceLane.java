package com.backordergateway.server.delivery;

import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.store.DeliveryClaims;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The queue in front of one connector instance: at most {@code max-concurrency} attempts at a
 * time, paced by a token bucket (the instance's configured rate, else its plugin's documented
 * platform limit), behind a circuit breaker that opens after N consecutive failures and lets
 * one probe through after a while.
 *
 * <p>The lane says how much it has {@link #room() room} for, so the dispatcher claims only what
 * it can start soon, and calls {@code roomFreed} once it has drained to half, so claims come in
 * batches rather than one per finished delivery. A backlog behind a slow platform therefore
 * stays in the database, unclaimed, and costs nothing while it waits.
 *
 * <p>The rate and burst are the platform account's, shared by every replica: each lane paces at
 * its share, the limit divided by the live replicas (burst rounded down), so their sum stays
 * within the limit.
 */
final class InstanceLane {

  static final RateLimit FALLBACK_RATE = RateLimit.perSecond(10);

  private final GatewayConfig.Connector config;
  private final Duration lease;
  private final int maxAhead;
  private final Duration recheck;
  private final Instance instance;
  private final Clock clock;
  private final TokenBucket bucket;
  private final CircuitBreaker breaker;
  private final Executor workers;
  private final ScheduledExecutorService timer;
  private final Runnable roomFreed;
  private final Function<List<DeliveryClaims.Claimed>, CompletableFuture<?>> attempt;
  private final IntSupplier replicas;
  private final Deque<List<DeliveryClaims.Claimed>> queue = new ArrayDeque<>();
  /** Attempts started and not yet recorded: a slot is held until its outcome commits. */
  private int running;
  private boolean resumeScheduled;
  private boolean roomAnnounced;
  private Instant nextBlockedClaim = Instant.MIN;

  /** What a lane asks of its connector instance. */
  interface Instance {
    /** The plugin's documented platform limit (a fallback while no plugin is loaded). */
    RateLimit defaultRate();

    /** Loaded, enabled and configured: deliveries can start. */
    boolean serving();
  }

  /**
   * @param roomFreed called once the lane has drained to half of what it should hold
   * @param attempt calls the platform on the worker and returns the outcome's commit; it never
   *     throws (a failure completes the future exceptionally), so every slot is given back
   */
  InstanceLane(GatewayConfig.Connector config, GatewayConfig.Delivery engine, Instance instance, Clock clock,
      Executor workers, ScheduledExecutorService timer, Runnable roomFreed,
      Function<List<DeliveryClaims.Claimed>, CompletableFuture<?>> attempt, IntSupplier replicas) {
    this.replicas = replicas;
    this.config = config;
    this.lease = engine.lease();
    this.maxAhead = engine.batchSize();
    this.recheck = engine.unavailableRecheck();
    this.instance = instance;
    this.clock = clock;
    RateLimit rate = rate();
    this.bucket = new TokenBucket(rate.permitsPerSecond(), rate.burst(), clock);
    this.breaker = CircuitBreaker.of(config.id(), CircuitBreakerConfig.custom()
        .clock(clock)
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(config.circuitFailures())
        .minimumNumberOfCalls(config.circuitFailures())
        .failureRateThreshold(100) // every one of the last N calls failed: N consecutive failures
        .waitDurationInOpenState(config.circuitOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .build());
    this.workers = workers;
    this.timer = timer;
    this.roomFreed = roomFreed;
    this.attempt = attempt;
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  /** This replica's pace now (the account's limit, shared among the live replicas). */
  RateLimit pace() {
    return rate();
  }

  /** How many more units to claim now (zero when the lane holds all it should). */
  synchronized int room() {
    if (blocked()) {
      // Nothing can start: one delivery per recheck interval goes through, to find the end of the
      // wait (the circuit's probe) and to record on it why the rest wait; the rest stay unclaimed.
      return held() == 0 && !clock.instant().isBefore(nextBlockedClaim) ? 1 : 0;
    }
    return Math.max(0, ahead() - held());
  }

  private int held() {
    return queue.size() + running;
  }

  private boolean blocked() {
    return !instance.serving() || breaker.getState() == CircuitBreaker.State.OPEN
        || breaker.getState() == CircuitBreaker.State.HALF_OPEN;
  }

  /**
   * What the lane should hold: enough to keep its slots busy for about a second at its rate, but
   * no more than it starts within half a lease, so a claimed delivery never outlives its lease
   * waiting here.
   */
  private int ahead() {
    double perSecond = rate().permitsPerSecond();
    double forASecond = Math.min(maxAhead, Math.max(config.maxConcurrency(), Math.ceil(perSecond)));
    double withinHalfALease = Math.max(1, Math.floor(perSecond * lease.toMillis() / 2000.0));
    return (int) Math.min(forASecond, withinHalfALease);
  }

  /** Queues one unit: a delivery, or the alerts of one digest. */
  synchronized void offer(List<DeliveryClaims.Claimed> unit) {
    queue.add(unit);
    roomAnnounced = false;
    if (blocked()) {
      nextBlockedClaim = clock.instant().plus(recheck);
    }
    pump();
  }

  /** Starts what concurrency and rate allow now; schedules itself when the bucket is empty. */
  private synchronized void pump() {
    RateLimit rate = rate();
    if (rate.permitsPerSecond() != bucket.perSecond() || rate.burst() != bucket.burst()) {
      bucket.setRate(rate.permitsPerSecond(), rate.burst());
    }
    while (running < config.maxConcurrency() && !queue.isEmpty()) {
      Duration wait = bucket.take();
      if (!wait.isZero()) {
        if (!resumeScheduled) {
          resumeScheduled = true;
          timer.schedule(this::resume, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        }
        return;
      }
      List<DeliveryClaims.Claimed> next = queue.poll();
      running++;
      workers.execute(() -> attempt.apply(next).whenComplete((ok, error) -> finished()));
    }
  }

  private synchronized void resume() {
    resumeScheduled = false;
    pump();
  }

  /**
   * The outcome committed. The worker was free as soon as the platform answered, but the slot is
   * held until now, so a kill can repeat at most {@code max-concurrency} deliveries per instance.
   */
  private synchronized void finished() {
    running--;
    pump();
    if (!roomAnnounced && held() <= ahead() / 2) {
      roomAnnounced = true;
      roomFreed.run();
    }
  }

  /** Claimed but not started: handed back when the gateway stops. */
  synchronized List<DeliveryClaims.Claimed> drainQueued() {
    List<DeliveryClaims.Claimed> left = queue.stream().flatMap(List::stream).toList();
    queue.clear();
    return left;
  }

  /** This replica's share of the instance's rate limit. */
  private RateLimit rate() {
    RateLimit account = accountRate();
    int n = Math.max(1, replicas.getAsInt());
    return n == 1 ? account : new RateLimit(account.permitsPerSecond() / n, Math.max(1, account.burst() / n));
  }

  /** The platform account's limit: the instance's configured rate, else its plugin's default. */
  private RateLimit accountRate() {
    if (config.ratePerSecond() != null) {
      double perSecond = config.ratePerSecond();
      return new RateLimit(perSecond, config.rateBurst() != null ? config.rateBurst() : Math.max(1, (int) Math.ceil(perSecond)));
    }
    return instance.defaultRate();
  }
}
