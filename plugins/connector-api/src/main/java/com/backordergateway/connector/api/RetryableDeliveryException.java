package com.backordergateway.connector.api;

import java.time.Duration;
import java.util.Optional;

/** Worth trying again: rate limited, platform error, timeout, lost connection. */
public final class RetryableDeliveryException extends DeliveryException {

  private final Duration retryAfter;

  public RetryableDeliveryException(String message) {
    this(message, null, null);
  }

  /**
   * @param retryAfter the platform's own wait (Retry-After), a floor for the next attempt; null if none
   */
  public RetryableDeliveryException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
