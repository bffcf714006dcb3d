package com.backordergateway.server.dashboard;

import com.backordergateway.server.config.Scope;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every dashboard handler: security headers on each answer, a session for everything but
 * sign-in and assets, and for each POST a same-origin request carrying the session's CSRF token;
 * actions also need the admin scope. A refused request changes nothing.
 */
@Singleton
final class DashboardGuard {

  static final String SESSION_COOKIE = "bg_session";
  private static final Logger log = LoggerFactory.getLogger(DashboardGuard.class);
  private static final String SESSION = "dashboard.session";
  /** No inline script or style anywhere: every script and style sheet comes from /dashboard/assets. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final DashboardSessions sessions;
  private final DashboardViews views;

  @Inject
  DashboardGuard(DashboardSessions sessions, DashboardViews views) {
    this.sessions = sessions;
    this.views = views;
  }

  /** Pages and the live feed: any signed-in user (sign-in needs the read scope). */
  Handler reader(Handler page) {
    return ctx -> {
      secureHeaders(ctx);
      Optional<DashboardSessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
      if (session.isEmpty()) {
        if (ctx.header("Accept") != null && ctx.header("Accept").contains("text/event-stream")) {
          ctx.status(HttpStatus.UNAUTHORIZED).result("sign in again");
        } else {
          ctx.redirect("/dashboard/sign-in", HttpStatus.SEE_OTHER);
        }
        return;
      }
      ctx.attribute(SESSION, session.get());
      answer(ctx, page);
    };
  }

  /** POSTs that change something: a session, its CSRF token, same origin, and the admin scope. */
  Handler admin(Handler action) {
    return signedInPost(true, action);
  }

  /** Sign-out: a session and its CSRF token. */
  Handler signedIn(Handler action) {
    return signedInPost(false, action);
  }

  /** Sign-in and assets: headers only. */
  Handler open(Handler handler) {
    return ctx -> {
      secureHeaders(ctx);
      handler.handle(ctx);
    };
  }

  private Handler signedInPost(boolean needsAdmin, Handler action) {
    return ctx -> {
      secureHeaders(ctx);
      Optional<DashboardSessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
      if (session.isEmpty()) {
        views.error(ctx, HttpStatus.UNAUTHORIZED, "Your session has ended. Sign in again, then repeat the action.");
        return;
      }
      if (!sameOrigin(ctx) || !session.get().csrfMatches(ctx.formParam("csrf"))) {
        views.error(ctx, HttpStatus.FORBIDDEN, "This form is out of date or did not come from the dashboard"
            + " (its CSRF token is missing or wrong). Reload the page and try again.");
        return;
      }
      if (needsAdmin && !session.get().holder.may(Scope.ADMIN)) {
        views.error(ctx, HttpStatus.FORBIDDEN, "The token '" + session.get().holder.name()
            + "' may look but not act: actions need a token with the admin scope.");
        return;
      }
      ctx.attribute(SESSION, session.get());
      answer(ctx, action);
    };
  }

  /** Runs the handler; a failure it did not expect answers a plain 500 page, its details in the log only. */
  private void answer(Context ctx, Handler handler) throws Exception {
    try {
      handler.handle(ctx);
    } catch (RuntimeException e) {
      log.error("dashboard {} {} failed", ctx.method(), ctx.path(), e);
      views.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "The dashboard could not show this. The gateway's log says why.");
    }
  }

  static DashboardSessions.Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  /**
   * A browser sends Origin (or at least Referer) with a form POST; one naming another site is a
   * cross-site request. Neither header (a non-browser client) leaves the CSRF token to decide.
   */
  static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if ("null".equals(origin)) {
      return false; // an opaque origin: a sandboxed frame or a redirect from elsewhere
    }
    if (origin == null) {
      origin = ctx.header("Referer");
    }
    if (origin == null) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String host = ctx.header("Host");
      return host != null && host.equalsIgnoreCase(uri.getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static void secureHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }
}
