package com.backordergateway.server.delivery;

import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.store.DeliveryClaims;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The queue in front of one connector instance: at most {@code max-concurrency} attempts at a
 * time, paced by a token bucket (the instance's configured rate, else its plugin's documented
 * platform limit), behind a circuit breaker that opens after N consecutive failures and lets
 * one probe through after a while.
 */
final class InstanceLane {

  static final RateLimit FALLBACK_RATE = RateLimit.perSecond(10);

  private final GatewayConfig.Connector config;
  private final Supplier<RateLimit> pluginRate;
  private final TokenBucket bucket;
  private final CircuitBreaker breaker;
  private final Executor workers;
  private final ScheduledExecutorService timer;
  private final Consumer<List<DeliveryClaims.Claimed>> attempt;
  private final Deque<List<DeliveryClaims.Claimed>> queue = new ArrayDeque<>();
  private int running;
  private boolean resumeScheduled;

  InstanceLane(GatewayConfig.Connector config, Supplier<RateLimit> pluginRate, Clock clock, Executor workers,
      ScheduledExecutorService timer, Consumer<List<DeliveryClaims.Claimed>> attempt) {
    this.config = config;
    this.pluginRate = pluginRate;
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
    this.attempt = attempt;
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  /**
   * Enough queued that more claims could wait past their lease (a slow or rate-limited
   * platform): the dispatcher claims nothing more for this instance until it drains.
   */
  synchronized boolean full() {
    return queue.size() >= config.maxConcurrency() * 2;
  }

  /** Queues one unit: a delivery, or the alerts of one digest. */
  synchronized void offer(List<DeliveryClaims.Claimed> unit) {
    queue.add(unit);
    pump();
  }

  /** Starts what concurrency and rate allow now; schedules itself when the bucket is empty. */
  private synchronized void pump() {
    RateLimit rate = rate();
    if (rate.permitsPerSecond() != bucket.perSecond()) {
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
      workers.execute(() -> {
        try {
          attempt.accept(next);
        } finally {
          finished();
        }
      });
    }
  }

  private synchronized void resume() {
    resumeScheduled = false;
    pump();
  }

  private synchronized void finished() {
    running--;
    pump();
  }

  /** Claimed but not started: handed back when the gateway stops. */
  synchronized List<DeliveryClaims.Claimed> drainQueued() {
    List<DeliveryClaims.Claimed> left = queue.stream().flatMap(List::stream).toList();
    queue.clear();
    return left;
  }

  private RateLimit rate() {
    if (config.ratePerSecond() != null) {
      double perSecond = config.ratePerSecond();
      return new RateLimit(perSecond, config.rateBurst() != null ? config.rateBurst() : Math.max(1, (int) Math.ceil(perSecond)));
    }
    return pluginRate.get();
  }
}
