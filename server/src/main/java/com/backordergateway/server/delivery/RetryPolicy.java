package com.backordergateway.server.delivery;

import com.backordergateway.server.config.GatewayConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff with full jitter (a random wait
 * between zero and base·2^(n-1), capped), never sooner than the platform's Retry-After; and
 * when to stop (max attempts or max age).
 */
final class RetryPolicy {

  private final GatewayConfig.Delivery config;
  private final DoubleSupplier random;

  RetryPolicy(GatewayConfig.Delivery config, DoubleSupplier random) {
    this.config = config;
    this.random = random;
  }

  /** The wait after the {@code attempts}-th failed try. */
  Duration backoff(int attempts, Optional<Duration> retryAfter) {
    long base = config.backoffBase().toMillis();
    long cap = config.backoffCap().toMillis();
    int doublings = Math.min(Math.max(attempts - 1, 0), 40);
    long ceiling = base > (cap >> doublings) ? cap : Math.min(cap, base << doublings);
    Duration jittered = Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    return retryAfter.filter(floor -> floor.compareTo(jittered) > 0).orElse(jittered);
  }

  /** True when the delivery has had its tries, or is too old to still be worth sending. */
  boolean exhausted(int attempts, Instant created, Instant now) {
    return attempts >= config.maxAttempts() || !now.isBefore(created.plus(config.maxAge()));
  }
}
