package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.google.protobuf.util.Timestamps;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /dashboard/deliveries}: dead letters (with retry), deliveries in flight, and those
 * waiting, each with why it waits; per connector instance.
 */
@Singleton
final class DeliveriesPage {

  /** The three views, by the {@code view} query parameter. */
  enum View {
    DEAD(DeliveryStatus.DELIVERY_STATUS_DEAD, "Dead letters"),
    IN_FLIGHT(DeliveryStatus.DELIVERY_STATUS_IN_FLIGHT, "In flight"),
    WAITING(DeliveryStatus.DELIVERY_STATUS_PENDING, "Waiting");

    final DeliveryStatus status;
    final String title;

    View(DeliveryStatus status, String title) {
      this.status = status;
      this.title = title;
    }

    String param() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  record Tab(String href, String title, boolean current) {}

  record Queue(String connector, String href, int waiting, int inFlight, int dead, boolean selected) {}

  record Row(String id, String caseHref, String caseId, String connector, String audience, String recipient,
      String purpose, String status, int attempts, String lastError, String updatedAt, String why, String subject,
      String body) {}

  private final DeliveryQueries queries;
  private final ConnectorHealth health;
  private final DashboardText text;
  private final DashboardViews views;

  @Inject
  DeliveriesPage(DeliveryQueries queries, ConnectorHealth health, DashboardText text, DashboardViews views) {
    this.queries = queries;
    this.health = health;
    this.text = text;
    this.views = views;
  }

  void show(Context ctx) {
    View view = null;
    String asked = ctx.queryParam("view") == null ? "dead" : ctx.queryParam("view");
    for (View v : View.values()) {
      if (v.param().equals(asked)) {
        view = v;
      }
    }
    int page;
    try {
      page = Pager.page(ctx);
    } catch (IllegalArgumentException e) {
      views.error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    if (view == null) {
      views.error(ctx, HttpStatus.BAD_REQUEST, "'view' must be dead, in-flight or waiting.");
      return;
    }
    String connector = ctx.queryParam("connector") == null ? "" : ctx.queryParam("connector").strip();
    DeliveryQueries.Result result = queries.list(view.status, connector, page);
    Map<String, Object> model = new HashMap<>();
    View current = view;
    model.put("tabs", java.util.Arrays.stream(View.values())
        .map(v -> new Tab(link(v, connector), v.title, v == current)).toList());
    model.put("queues", queries.queue().stream().map(q -> new Queue(q.connector(), link(current, q.connector()),
        q.waiting(), q.inFlight(), q.dead(), q.connector().equals(connector))).toList());
    model.put("allHref", link(view, ""));
    model.put("back", link(view, connector));
    model.put("rows", result.deliveries().stream().map(this::row).toList());
    model.put("total", result.total());
    model.put("none", result.total() == 0);
    model.put("view", view.param());
    model.put("viewTitle", view.title);
    model.put("dead", view == View.DEAD);
    model.put("connector", connector);
    Pager.add(model, ctx, page, result.total(), DeliveryQueries.PAGE_SIZE, "/dashboard/deliveries");
    views.page(ctx, "deliveries", "Deliveries: " + view.title, model);
  }

  private Row row(Delivery d) {
    String recipient = d.getAudience() == Audience.AUDIENCE_STAFF ? "staff"
        : String.join(" ", d.getRecipient().getCustomer().getName(), d.getRecipient().getCustomer().getEmail(),
            d.getRecipient().getCustomer().getPhone()).strip();
    return new Row(d.getId(), d.getCaseId().isEmpty() ? "" : "/dashboard/cases/" + Pager.encode(d.getCaseId()),
        d.getCaseId(), d.getConnector(), DashboardText.label(d.getAudience()), recipient, DashboardText.label(d.getPurpose()),
        DashboardText.label(d.getStatus()), d.getAttempts(), d.getLastError(), text.time(d.getUpdatedAt()), why(d),
        d.getSubject(), d.getBody());
  }

  /** Why a waiting delivery has not gone out yet, in the order the dispatcher would hold it back. */
  private String why(Delivery d) {
    if (d.getStatus() != DeliveryStatus.DELIVERY_STATUS_PENDING) {
      return d.getStatus() == DeliveryStatus.DELIVERY_STATUS_IN_FLIGHT ? "being sent (attempt " + (d.getAttempts() + 1) + ")" : "";
    }
    ConnectorHealth.Now connector = health.of(d.getConnector());
    if (!connector.waitReason().isEmpty()) {
      return "held: " + connector.waitReason();
    }
    Instant due = Instant.ofEpochMilli(Timestamps.toMillis(d.getNextAttemptAt()));
    if (due.isAfter(text.now())) {
      String when = " until " + text.time(due);
      if (d.getAttempts() > 0) {
        return "retry after a failed try" + when;
      }
      return (d.getAudience() == Audience.AUDIENCE_STAFF ? "digest window" : "quiet hours") + when;
    }
    return "due: waiting for its turn within the rate limit";
  }

  private static String link(View view, String connector) {
    return "/dashboard/deliveries?view=" + view.param() + (connector.isEmpty() ? "" : "&connector=" + Pager.encode(connector));
  }
}
