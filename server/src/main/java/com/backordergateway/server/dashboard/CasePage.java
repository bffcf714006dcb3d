package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.Purpose;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /dashboard/cases/{id}}: one case's timeline — its events, ETA changes and resolution —
 * and every notice as sent, threaded per connector instance and recipient.
 */
@Singleton
final class CasePage {

  record Order(String order, String customer, String email, String phone, String locale) {}

  record EventEntry(String at, String kind, String trigger, String change, String reason, String newEta, int planned,
      boolean triggered) {}

  record Change(String status, int attempts, String at) {}

  record Notice(String id, String purpose, String status, String statusClass, int attempts, String lastError,
      String externalId, String note, String subject, String body, String createdAt, String updatedAt, String nextAttempt,
      boolean followUp, String updates, boolean retryable, List<Change> history) {
    public boolean hasHistory() {
      return !history.isEmpty();
    }
  }

  record Thread(String connector, String recipient, String audience, List<Notice> notices) {}

  record Shipment(String poNumber, String supplier, String expectedAt) {}

  private final CaseTimeline timelines;
  private final DashboardText text;
  private final DashboardViews views;

  @Inject
  CasePage(CaseTimeline timelines, DashboardText text, DashboardViews views) {
    this.timelines = timelines;
    this.text = text;
    this.views = views;
  }

  void show(Context ctx) {
    Optional<CaseTimeline.Timeline> found = timelines.of(ctx.pathParam("id"));
    if (found.isEmpty()) {
      views.error(ctx, HttpStatus.NOT_FOUND, "There is no case with that id.");
      return;
    }
    CaseTimeline.Timeline timeline = found.get();
    BackorderCase c = timeline.backorder();
    Map<String, Object> model = new HashMap<>();
    model.put("id", c.getId());
    model.put("sku", c.getSku());
    model.put("category", c.getCategory());
    model.put("status", DashboardText.label(c.getStatus()));
    model.put("open", c.getStatus() == CaseStatus.CASE_STATUS_OPEN);
    model.put("trigger", DashboardText.label(c.getOpenedBy()));
    model.put("reason", c.getReason());
    model.put("openedAt", text.time(c.getOpenedAt()));
    model.put("age", text.age(java.time.Instant.ofEpochSecond(c.getOpenedAt().getSeconds())));
    model.put("eta", c.hasEta() ? text.day(c.getEta()) : "");
    model.put("resolvedAt", c.hasResolvedAt() ? text.time(c.getResolvedAt()) : "");
    model.put("resolutionMessage", c.getResolutionMessage());
    model.put("orders", c.getOrdersList().stream().map(CasePage::order).toList());
    model.put("events", timeline.events().stream()
        .map(e -> event(e, timeline.plannedBy().getOrDefault(e.getId(), List.of()))).toList());
    model.put("threads", timeline.threads().stream().map(this::thread).toList());
    model.put("shipments", timeline.shipments().stream()
        .map(s -> new Shipment(s.poNumber(), s.supplier(), text.time(s.expectedAt()))).toList());
    model.put("hasOrders", c.getOrdersCount() > 0);
    model.put("hasShipments", !timeline.shipments().isEmpty());
    model.put("caseBack", "/dashboard/cases/" + Pager.encode(c.getId()));
    model.put("sse_sku", c.getSku());
    views.page(ctx, "case", "Case " + c.getSku(), model);
  }

  private static Order order(CustomerOrder o) {
    return new Order(o.getOrderName().isEmpty() ? o.getOrderId() : o.getOrderName() + " (" + o.getOrderId() + ")",
        o.getCustomer().getName(), o.getCustomer().getEmail(), o.getCustomer().getPhone(), o.getCustomer().getLocale());
  }

  /** {@code mine}: what the event planned for this case. */
  private EventEntry event(Event e, List<Delivery> mine) {
    String newEta = mine.stream().filter(d -> d.getPurpose() == Purpose.PURPOSE_ETA_CORRECTION)
        .map(d -> d.getFactsOrDefault("eta", "")).filter(eta -> !eta.isEmpty()).findFirst()
        .map(eta -> text.time(java.time.Instant.parse(eta))).orElse("");
    return new EventEntry(text.time(e.getReceivedAt()), DashboardText.label(e.getKind()),
        e.getTriggered() ? DashboardText.label(e.getTrigger()) : "", DashboardText.label(e.getCaseChange()), e.getReason(),
        newEta, mine.size(), e.getTriggered());
  }

  private Thread thread(CaseTimeline.Thread t) {
    List<Notice> notices = new ArrayList<>();
    String head = "";
    for (CaseTimeline.Sent sent : t.deliveries()) {
      Delivery d = sent.delivery();
      boolean followUp = !notices.isEmpty();
      if (!followUp) {
        head = d.getExternalId();
      }
      notices.add(new Notice(d.getId(), DashboardText.label(d.getPurpose()), DashboardText.label(d.getStatus()),
          statusClass(d.getStatus()), d.getAttempts(), d.getLastError(), d.getExternalId(), d.getNote(), d.getSubject(),
          d.getBody(), text.time(d.getCreatedAt()), text.time(d.getUpdatedAt()),
          d.getStatus() == DeliveryStatus.DELIVERY_STATUS_PENDING ? text.time(d.getNextAttemptAt()) : "",
          followUp, followUp && !head.isEmpty() ? head : "",
          d.getStatus() == DeliveryStatus.DELIVERY_STATUS_DEAD || d.getStatus() == DeliveryStatus.DELIVERY_STATUS_CANCELLED,
          sent.history().stream().map(h -> new Change(DashboardText.label(h.status()), h.attempts(), text.time(h.at()))).toList()));
    }
    String audience = t.recipient().equals("staff") ? "staff" : "customer";
    return new Thread(t.connector(), t.recipient(), audience, notices);
  }

  static String statusClass(DeliveryStatus status) {
    return "status-" + DashboardText.label(status).replace(' ', '-');
  }
}
