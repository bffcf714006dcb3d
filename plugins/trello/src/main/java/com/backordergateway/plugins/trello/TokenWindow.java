package com.backordergateway.plugins.trello;

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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trello's limit of 100 requests in any 10 seconds per token, kept across every instance of the
 * plugin that uses the same token (two boards of one member, say): one window per token, found
 * by a hash of it so the token itself is never a map key that a heap dump or a log could show.
 *
 * <p>A delivery reserves all the requests it may make before its first one. When the window
 * has no room it is refused as retryable with the wait until there is, so a delivery never stops
 * half-way (a comment posted, the move refused) and repeats its first writes on the retry.
 */
final class TokenWindow {

  static final Duration WINDOW = Duration.ofSeconds(10);

  private static final Map<String, TokenWindow> BY_TOKEN = new ConcurrentHashMap<>();

  private final int limit;
  private final Deque<Instant> sent = new ArrayDeque<>();

  private TokenWindow(int limit) {
    this.limit = limit;
  }

  /** The window of {@code token}, shared by every instance that uses it; the first caller's limit holds. */
  static TokenWindow of(String token, int limit) {
    return BY_TOKEN.computeIfAbsent(hash(token), key -> new TokenWindow(limit));
  }

  /**
   * Takes {@code requests} slots now.
   *
   * @throws RetryableDeliveryException with the wait until they are free, taking none
   */
  synchronized void reserve(int requests, Clock clock) throws RetryableDeliveryException {
    Instant now = clock.instant();
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(WINDOW))) {
      sent.removeFirst();
    }
    int overflow = sent.size() + requests - limit;
    if (overflow > 0) {
      Instant freeAt = sent.stream().skip(Math.min(overflow, sent.size()) - 1L).findFirst().orElse(now).plus(WINDOW);
      Duration wait = Duration.between(now, freeAt);
      throw new RetryableDeliveryException("trello: " + limit + " requests in 10 s for this token are used up "
          + "(shared by every instance on the token); retried in " + wait.toMillis() + " ms", wait, null);
    }
    for (int i = 0; i < requests; i++) {
      sent.addLast(now);
    }
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
