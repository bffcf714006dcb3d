package com.backordergateway.server.delivery;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket on the host's clock: {@code perSecond} tokens a second, at most {@code burst}
 * saved up. Small and clock-driven so pacing is testable without sleeping.
 */
final class TokenBucket {

  private final Clock clock;
  private double perSecond;
  private int burst;
  private double tokens;
  private long lastNanos;

  TokenBucket(double perSecond, int burst, Clock clock) {
    this.clock = clock;
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nanos();
  }

  /** Takes a token and returns zero, or returns how long until one is available. */
  synchronized Duration take() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
  }

  /** Adopts a new rate (the plugin loaded, or was replaced with another default). */
  synchronized void setRate(double newPerSecond, int newBurst) {
    refill();
    perSecond = newPerSecond;
    burst = newBurst;
    tokens = Math.min(tokens, burst);
  }

  synchronized double perSecond() {
    return perSecond;
  }

  synchronized int burst() {
    return burst;
  }

  private void refill() {
    long now = nanos();
    tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
    lastNanos = now;
  }

  private long nanos() {
    java.time.Instant t = clock.instant();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
