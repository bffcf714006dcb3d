package com.backordergateway.server.intake;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.Trigger;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * MARKED_UNAVAILABLE: staff (or a WMS) mark a SKU unavailable. Opens the SKU's case with a
 * staff alert, and notifies the customers of the listed open orders. On a SKU that already has
 * an open case it adds the new orders and, if the ETA moved, corrects it for the orders there.
 */
final class MarkUnavailableRule implements IntakeRule<MarkUnavailableRequest> {

  @Override
  public EventKind kind() {
    return EventKind.EVENT_KIND_MARKED_UNAVAILABLE;
  }

  @Override
  public void validate(MarkUnavailableRequest r, Violations v, Instant now) {
    v.sku("sku", r.getSku());
    v.category(r.getCategory());
    v.check(!r.getReason().isBlank(), "reason", "required");
    v.check(!r.getActor().isBlank(), "actor", "required");
    v.maxLength("actor", r.getActor(), 200);
    if (r.hasEta()) {
      if (v.timestamp("eta", r.getEta())) {
        v.check(Timestamps.toMillis(r.getEta()) > now.toEpochMilli(), "eta", "must be in the future");
      }
    }
    v.check(r.getAffectedOrdersCount() <= Violations.MAX_ITEMS, "affected_orders",
        "at most " + Violations.MAX_ITEMS + " orders per call");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < r.getAffectedOrdersCount(); i++) {
      CustomerOrder order = r.getAffectedOrders(i);
      v.order("affected_orders[" + i + "]", order);
      v.check(seen.add(order.getOrderId()), "affected_orders[" + i + "].order_id", "listed twice");
    }
    v.idempotencyKey(r.getIdempotencyKey());
  }

  @Override
  public void apply(IntakeTransaction tx, MarkUnavailableRequest r) {
    tx.touchedSku(r.getSku());
    Optional<BackorderCase> open = tx.openCase(r.getSku());
    String why = r.getReason() + " (marked by " + r.getActor() + ")";
    BackorderCase c =
        open.orElseGet(() -> tx.openCase(r.getSku(), r.getCategory(), Trigger.TRIGGER_MARKED_UNAVAILABLE, why,
            r.hasEta() ? r.getEta() : null, null));
    boolean etaMoved = open.isPresent() && r.hasEta() && !r.getEta().equals(c.getEta());
    if (etaMoved) {
      // Before adding orders: the new ones get the new ETA in their first notice.
      tx.correctEta(c, Instant.ofEpochMilli(Timestamps.toMillis(r.getEta())), Trigger.TRIGGER_MARKED_UNAVAILABLE, "", "");
    }
    int notified = 0;
    for (CustomerOrder order : r.getAffectedOrdersList()) {
      if (tx.addOrder(c, order, Trigger.TRIGGER_MARKED_UNAVAILABLE)) {
        notified++;
      }
    }
    String customers = notified + (notified == 1 ? " customer" : " customers") + " notified";
    if (open.isEmpty()) {
      tx.fired(Trigger.TRIGGER_MARKED_UNAVAILABLE,
          "marked unavailable by " + r.getActor() + ": case " + c.getId() + " opened, staff alerted, " + customers);
    } else if (notified > 0 || etaMoved) {
      tx.fired(Trigger.TRIGGER_MARKED_UNAVAILABLE,
          "already backordered in case " + c.getId() + ": " + customers + (etaMoved ? ", new ETA sent" : ""));
    } else {
      tx.notFired("already backordered in case " + c.getId() + " with these orders; nothing new to tell");
    }
  }
}
