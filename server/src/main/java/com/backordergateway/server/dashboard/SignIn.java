package com.backordergateway.server.dashboard;

import com.backordergateway.server.config.Scope;
import com.backordergateway.server.grpc.ApiTokens;
import com.backordergateway.server.tls.ServerTls;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-in with an API token (read scope to look, admin to act) and sign-out. The sign-in form
 * carries a nonce that must match a cookie set with it, so another site cannot sign a browser in
 * under its own token; a successful sign-in always starts a new session id. An address that
 * presents {@value #FAILURES_PER_MINUTE} wrong tokens within a minute is refused (429) for the
 * rest of that minute.
 */
@Singleton
final class SignIn {

  private static final String NONCE_COOKIE = "bg_signin";
  /** Wrong tokens one address may try in a minute; tokens are long and random, this only slows guessing further. */
  static final int FAILURES_PER_MINUTE = 10;

  private final ApiTokens tokens;
  private final DashboardSessions sessions;
  private final DashboardViews views;
  private final boolean secureCookies;
  private final Cache<String, AtomicInteger> failures;

  @Inject
  SignIn(ApiTokens tokens, DashboardSessions sessions, DashboardViews views, Optional<ServerTls> tls, Clock clock) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.views = views;
    this.secureCookies = tls.isPresent();
    // The window starts at an address's first failure: reading a counter does not renew it.
    this.failures = Caffeine.newBuilder()
        .ticker(() -> clock.millis() * 1_000_000)
        .expireAfterWrite(Duration.ofMinutes(1))
        .maximumSize(10_000)
        .build();
  }

  void form(Context ctx) {
    show(ctx, HttpStatus.OK, null);
  }

  void signIn(Context ctx) {
    String nonce = ctx.cookie(NONCE_COOKIE);
    String presentedNonce = ctx.formParam("nonce");
    if (!DashboardGuard.sameOrigin(ctx) || nonce == null || presentedNonce == null
        || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.US_ASCII), presentedNonce.getBytes(StandardCharsets.US_ASCII))) {
      show(ctx, HttpStatus.FORBIDDEN, "The sign-in form expired. Enter the token again.");
      return;
    }
    AtomicInteger failed = failures.getIfPresent(ctx.ip());
    if (failed != null && failed.get() >= FAILURES_PER_MINUTE) {
      show(ctx, HttpStatus.TOO_MANY_REQUESTS, "Too many wrong tokens from this address. Wait a minute, then try again.");
      return;
    }
    String token = Optional.ofNullable(ctx.formParam("token")).orElse("").strip();
    if (token.isEmpty()) {
      show(ctx, HttpStatus.BAD_REQUEST, "Enter an API token.");
      return;
    }
    Optional<ApiTokens.Holder> holder = tokens.holderOf(token);
    if (holder.isEmpty()) {
      failures.get(ctx.ip(), ip -> new AtomicInteger()).incrementAndGet();
      show(ctx, HttpStatus.UNAUTHORIZED, "That token is not one of this gateway's API tokens.");
      return;
    }
    if (!holder.get().may(Scope.READ)) {
      show(ctx, HttpStatus.FORBIDDEN, "The token '" + holder.get().name() + "' lacks the read scope the dashboard needs.");
      return;
    }
    DashboardSessions.Session session = sessions.open(holder.get(), token);
    ctx.res().addHeader("Set-Cookie", cookie(DashboardGuard.SESSION_COOKIE, session.id, -1));
    ctx.res().addHeader("Set-Cookie", cookie(NONCE_COOKIE, "", 0));
    ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
  }

  void signOut(Context ctx) {
    sessions.close(DashboardGuard.session(ctx));
    ctx.res().addHeader("Set-Cookie", cookie(DashboardGuard.SESSION_COOKIE, "", 0));
    ctx.redirect("/dashboard/sign-in", HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, HttpStatus status, String error) {
    String nonce = DashboardSessions.randomId();
    ctx.res().addHeader("Set-Cookie", cookie(NONCE_COOKIE, nonce, -1));
    Map<String, Object> scope = new HashMap<>();
    scope.put("title", "Sign in");
    scope.put("nonce", nonce);
    scope.put("error", error);
    ctx.status(status).contentType("text/html; charset=utf-8").result(views.render("sign-in", scope));
  }

  /** Session cookies: script cannot read them, no other site's request carries them, HTTPS only with TLS. */
  private String cookie(String name, String value, int maxAge) {
    return name + "=" + value + "; Path=/dashboard; HttpOnly; SameSite=Strict"
        + (maxAge >= 0 ? "; Max-Age=" + maxAge : "") + (secureCookies ? "; Secure" : "");
  }
}
