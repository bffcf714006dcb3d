package com.backordergateway.server.dashboard;

import com.backordergateway.server.grpc.ApiTokens;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed-in dashboard users, in this replica's memory: a session ends after {@link #IDLE} without
 * a request, {@link #LONGEST} after sign-in, or at sign-out. Behind a load balancer in front of
 * several replicas, the dashboard needs sticky sessions (a user signs in again on another replica).
 *
 * <p>A session keeps the token it was opened with, so the dashboard's actions go through the API
 * with the caller's own scopes; it never leaves the server.
 */
@Singleton
final class DashboardSessions {

  static final Duration IDLE = Duration.ofHours(1);
  static final Duration LONGEST = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One signed-in user. {@code csrf} goes into every form it is shown and must come back with each POST. */
  static final class Session {
    final String id;
    final ApiTokens.Holder holder;
    final String token;
    final String csrf = randomId();
    final Instant started;
    private volatile Flash flash;

    private Session(String id, ApiTokens.Holder holder, String token, Instant started) {
      this.id = id;
      this.holder = holder;
      this.token = token;
      this.started = started;
    }

    boolean csrfMatches(String presented) {
      return presented != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** A message for the next page shown (the outcome of an action, after its redirect). */
    void flash(Flash message) {
      flash = message;
    }

    Flash takeFlash() {
      Flash message = flash;
      flash = null;
      return message;
    }
  }

  /** An action's outcome: a sentence, whether it went wrong, and any text it produced (a rendered test message). */
  record Flash(String message, boolean failed, String detail) {}

  private final Clock clock;
  private final Cache<String, Session> sessions;

  @Inject
  DashboardSessions(Clock clock) {
    this.clock = clock;
    this.sessions = Caffeine.newBuilder()
        .ticker(() -> clock.millis() * 1_000_000)
        .expireAfterAccess(IDLE)
        .maximumSize(10_000)
        .build();
  }

  Session open(ApiTokens.Holder holder, String token) {
    Session session = new Session(randomId(), holder, token, clock.instant());
    sessions.put(session.id, session);
    return session;
  }

  Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Session session = sessions.getIfPresent(id);
    if (session != null && clock.instant().isAfter(session.started.plus(LONGEST))) {
      sessions.invalidate(id);
      return Optional.empty();
    }
    return Optional.ofNullable(session);
  }

  /** Whether the session is still open, without counting this look as a request (live streams ask it). */
  boolean stillOpen(Session session) {
    return sessions.policy().getIfPresentQuietly(session.id) == session
        && !clock.instant().isAfter(session.started.plus(LONGEST));
  }

  void close(Session session) {
    sessions.invalidate(session.id);
  }

  /** 32 random bytes, URL-safe: session ids, CSRF tokens and sign-in nonces. */
  static String randomId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
