package com.backordergateway.connector.support;

import com.backordergateway.connector.api.RetryableDeliveryException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A platform's limit of so many requests in any window, kept across every instance of a plugin
 * that shares what the platform counts by: Trello's 100 requests per 10 seconds per token,
 * Airtable's 5 per second per base. Instances find their window by a hash of that key, so a
 * token is never a map key a heap dump could show. Each plugin jar bundles its own copy of this
 * class in its own class loader, so windows are shared within one plugin, never across plugins.
 *
 * <p>A delivery reserves all the requests it may make before its first one. When the window has
 * no room it is refused as retryable with the wait until there is, so a delivery never stops
 * half-way (a comment posted, the move refused) and repeats its first writes on the retry.
 */
public final class RequestWindow {

  private static final Map<String, RequestWindow> SHARED = new ConcurrentHashMap<>();

  private final String what;
  private final int limit;
  private final Duration window;
  private final Deque<Instant> sent = new ArrayDeque<>();

  private RequestWindow(String what, int limit, Duration window) {
    this.what = what;
    this.limit = limit;
    this.window = window;
  }

  /**
   * The window of {@code key} (a token, a base id), shared by every instance that names it; the
   * first caller's limit holds.
   *
   * @param what how messages name it: "requests in 10 s for this Trello token"
   */
  public static RequestWindow shared(String key, int limit, Duration window, String what) {
    Objects.requireNonNull(window, "window is null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    return SHARED.computeIfAbsent(hash(what + "\n" + key), k -> new RequestWindow(what, limit, window));
  }

  /**
   * Takes {@code requests} slots now.
   *
   * @throws RetryableDeliveryException with the wait until they are free, taking none
   * @throws IllegalArgumentException if {@code requests} can never fit
   */
  public synchronized void reserve(int requests, Clock clock) throws RetryableDeliveryException {
    if (requests > limit) {
      throw new IllegalArgumentException(requests + " requests never fit in a window of " + limit);
    }
    Instant now = clock.instant();
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(window))) {
      sent.removeFirst();
    }
    int overflow = sent.size() + requests - limit;
    if (overflow > 0) {
      Instant freeAt = sent.stream().skip(overflow - 1L).findFirst().orElse(now).plus(window);
      Duration wait = Duration.between(now, freeAt);
      throw new RetryableDeliveryException(limit + " " + what + " are used up (shared by every instance); retried in "
          + wait.toMillis() + " ms", wait, null);
    }
    for (int i = 0; i < requests; i++) {
      sent.addLast(now);
    }
  }

  private static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  @Override
  public String toString() {
    return "RequestWindow[" + limit + " " + what + "]";
  }
}
