package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.store.CaseRows;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.DeliveryRows;
import com.backordergateway.server.store.EventRows;
import com.backordergateway.server.store.Page;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything the store knows about one case: its events in order, and its deliveries as threads
 * (one per connector instance and recipient: the first notice, then the follow-ups that updated
 * it), each delivery with its status history.
 */
@Singleton
final class CaseTimeline {

  /** The events shown on one case page; a case with more shows its newest. */
  static final int MOST_EVENTS = 500;

  /** One status move of a delivery, as the change feed recorded it. */
  record StatusChange(DeliveryStatus status, int attempts, Instant at) {}

  /** A delivery and how it got where it is. */
  record Sent(Delivery delivery, List<StatusChange> history) {}

  /** The notices one recipient got on one connector instance, first to last. */
  record Thread(String connector, String recipient, List<Sent> deliveries) {}

  /** {@code events} carry no deliveries: the case's are in {@code threads}, and by event in {@code plannedBy}. */
  record Timeline(BackorderCase backorder, List<Event> events, List<Thread> threads,
      List<CaseQueries.ExpectedShipment> shipments, Map<String, List<Delivery>> plannedBy) {}

  private final Jdbi jdbi;

  @Inject
  CaseTimeline(Database database) {
    this.jdbi = database.jdbi();
  }

  Optional<Timeline> of(String caseId) {
    return jdbi.withHandle(h -> CaseRows.find(h, caseId).map(c -> {
      BackorderCase backorder = CaseRows.withOrders(h, c);
      List<Event> events = new ArrayList<>(EventRows.list(h, new EventRows.Filter("", Trigger.TRIGGER_UNSPECIFIED, caseId, 0, 0),
          Long.MAX_VALUE, MOST_EVENTS, false).stream().map(Page.Row::value).toList());
      java.util.Collections.reverse(events);
      List<Delivery> deliveries = h.createQuery("SELECT * FROM deliveries WHERE case_id = ? ORDER BY seq")
          .bind(0, caseId)
          .map((rs, ctx) -> DeliveryRows.deliveryOf(rs))
          .list();
      Map<String, List<StatusChange>> history = new HashMap<>();
      h.createQuery("SELECT delivery_id, status, attempts, changed_at FROM delivery_changes WHERE delivery_id IN"
              + " (SELECT id FROM deliveries WHERE case_id = ?) ORDER BY seq")
          .bind(0, caseId)
          .map((rs, ctx) -> history.computeIfAbsent(rs.getString("delivery_id"), k -> new ArrayList<>())
              .add(new StatusChange(DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                  Instant.ofEpochMilli(rs.getLong("changed_at")))))
          .list();
      List<CaseQueries.ExpectedShipment> shipments = h.createQuery(
              "SELECT s.po_number, s.supplier, s.expected_at FROM shipments s JOIN shipment_lines l"
                  + " ON l.po_number = s.po_number WHERE l.sku = ? ORDER BY s.expected_at")
          .bind(0, backorder.getSku())
          .map((rs, ctx) -> new CaseQueries.ExpectedShipment(rs.getString("po_number"), rs.getString("supplier"),
              Instant.ofEpochMilli(rs.getLong("expected_at"))))
          .list();
      Map<String, List<Delivery>> plannedBy = new HashMap<>();
      deliveries.forEach(d -> plannedBy.computeIfAbsent(d.getEventId(), k -> new ArrayList<>()).add(d));
      return new Timeline(backorder, events, threads(deliveries, history), shipments, plannedBy);
    }));
  }

  /** Threads in the order their first notice was planned; follow-ups join the thread they update. */
  private static List<Thread> threads(List<Delivery> deliveries, Map<String, List<StatusChange>> history) {
    Map<String, List<Sent>> byThread = new LinkedHashMap<>();
    for (Delivery d : deliveries) {
      byThread.computeIfAbsent(d.getConnector() + "\u0000" + d.getRecipient().getOrderId(), k -> new ArrayList<>())
          .add(new Sent(d, history.getOrDefault(d.getId(), List.of())));
    }
    List<Thread> threads = new ArrayList<>();
    byThread.values().forEach(sent -> {
      Delivery first = sent.get(0).delivery();
      threads.add(new Thread(first.getConnector(), recipient(first), sent));
    });
    return threads;
  }

  private static String recipient(Delivery d) {
    if (d.getRecipient().getOrderId().isEmpty()) {
      return "staff";
    }
    var customer = d.getRecipient().getCustomer();
    String who = !customer.getName().isEmpty() ? customer.getName()
        : !customer.getEmail().isEmpty() ? customer.getEmail() : customer.getPhone();
    String order = d.getFactsOrDefault("order_name", d.getRecipient().getOrderId());
    return who.isEmpty() ? "order " + order : who + ", order " + order;
  }
}
