package com.backordergateway.server.dashboard;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import com.backordergateway.server.grpc.EventFeed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the dashboard's pages from the Mustache templates in the jar
 * ({@code dashboard/templates}). Mustache escapes every {@code {{value}}} for HTML, so text from
 * platforms, customers and webhooks is shown as text; the only unescaped values are the charts'
 * SVG, which {@link DashboardCharts} builds and escapes itself.
 */
@Singleton
final class DashboardViews {

  private final EventFeed feed;
  private final MustacheFactory factory = new DefaultMustacheFactory("dashboard/templates");
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  @Inject
  DashboardViews(EventFeed feed) {
    this.feed = feed;
  }

  /** Renders {@code template} inside the page frame (navigation, the user, the live status). */
  void page(Context ctx, String template, String title, Map<String, Object> model) {
    DashboardSessions.Session session = DashboardGuard.session(ctx);
    Map<String, Object> scope = new HashMap<>(model);
    scope.put("title", title);
    scope.put("nav_" + template, true);
    if (session != null) {
      scope.put("user", session.holder.name());
      scope.put("admin", session.holder.may(com.backordergateway.server.config.Scope.ADMIN));
      scope.put("csrf", session.csrf);
      scope.put("flash", session.takeFlash());
      // The live connection starts here, so nothing committed after this render is missed.
      scope.put("cursor", feed.currentCursor());
    }
    ctx.contentType("text/html; charset=utf-8").result(render(template, scope));
  }

  /** A short page saying what went wrong, under its HTTP status. */
  void error(Context ctx, HttpStatus status, String message) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("title", status.getCode() + " " + status.getMessage());
    scope.put("message", message);
    ctx.status(status).contentType("text/html; charset=utf-8").result(render("error", scope));
  }

  String render(String template, Map<String, Object> scope) {
    StringWriter out = new StringWriter();
    compiled.computeIfAbsent(template, t -> factory.compile(t + ".mustache")).execute(out, scope);
    return out.toString();
  }
}
