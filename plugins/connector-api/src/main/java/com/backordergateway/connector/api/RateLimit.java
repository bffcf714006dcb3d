package com.backordergateway.connector.api;

/**
 * A token bucket: {@code permitsPerSecond} sustained, {@code burst} at once. Connectors give
 * their platform's documented limit; operators may override it per instance.
 */
public record RateLimit(double permitsPerSecond, int burst) {

  public RateLimit {
    if (!(permitsPerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("rate must be positive and burst at least 1");
    }
  }

  public static RateLimit perSecond(double permits) {
    return new RateLimit(permits, Math.max(1, (int) Math.ceil(permits)));
  }
}
