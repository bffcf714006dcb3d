package com.backordergateway.server.intake;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.store.SkuLevelRows;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.Optional;

/**
 * STOCK_DEPLETED: a SALE that leaves on-hand at zero or below opens the SKU's case (staff alert
 * once) and notifies the order's customer once; a later positive level from a receipt,
 * adjustment or count resolves the case as restocked.
 */
final class InventoryLevelRule implements IntakeRule<ReportInventoryLevelRequest> {

  @Override
  public EventKind kind() {
    return EventKind.EVENT_KIND_INVENTORY_LEVEL;
  }

  @Override
  public void validate(ReportInventoryLevelRequest r, Violations v, Instant now) {
    v.sku("sku", r.getSku());
    v.category(r.getCategory());
    v.check(r.getCause() != InventoryCause.INVENTORY_CAUSE_UNSPECIFIED && r.getCauseValue() > 0
            && r.getCause() != InventoryCause.UNRECOGNIZED,
        "cause", "required: SALE, ADJUSTMENT, RECEIPT or COUNT");
    boolean sale = r.getCause() == InventoryCause.INVENTORY_CAUSE_SALE;
    v.check(sale || r.getOnHand() >= 0, "on_hand", "must not be negative unless the cause is SALE");
    if (r.hasOrder()) {
      v.check(sale, "order", "only a SALE carries an order");
      v.order("order", r.getOrder());
    }
    if (r.hasObservedAt()) {
      v.timestamp("observed_at", r.getObservedAt());
    }
    v.idempotencyKey(r.getIdempotencyKey());
  }

  @Override
  public void apply(IntakeTransaction tx, ReportInventoryLevelRequest r) {
    String sku = r.getSku();
    tx.touchedSku(sku);
    Instant observed = r.hasObservedAt() ? Instant.ofEpochMilli(Timestamps.toMillis(r.getObservedAt())) : tx.now;
    Optional<BackorderCase> open = tx.openCase(sku); // first: it makes the SKU this call's alone
    SkuLevelRows.record(tx.h, sku, r.getOnHand(), r.getCause().name(), observed);
    if (r.getCause() == InventoryCause.INVENTORY_CAUSE_SALE) {
      onSale(tx, r, open);
    } else {
      onStockChange(tx, r, open);
    }
  }

  private static void onSale(IntakeTransaction tx, ReportInventoryLevelRequest r, Optional<BackorderCase> open) {
    if (r.getOnHand() > 0) {
      tx.notFired(r.getOnHand() + " still on hand; STOCK_DEPLETED needs a sale that leaves zero or less");
      return;
    }
    BackorderCase c =
        open.orElseGet(() -> tx.openCase(
            r.getSku(), r.getCategory(), Trigger.TRIGGER_STOCK_DEPLETED, "sold out: " + r.getOnHand() + " on hand after a sale", null,
            r.hasOrder() ? r.getOrder() : null));
    boolean opened = open.isEmpty();
    boolean notified = r.hasOrder() && tx.addOrder(c, r.getOrder(), Trigger.TRIGGER_STOCK_DEPLETED);
    String orderNote = notified ? "; customer of order " + r.getOrder().getOrderId() + " notified" : "";
    if (opened) {
      tx.fired(Trigger.TRIGGER_STOCK_DEPLETED,
          "sold out (" + r.getOnHand() + " on hand): case " + c.getId() + " opened, staff alerted" + orderNote);
    } else if (notified) {
      tx.fired(Trigger.TRIGGER_STOCK_DEPLETED, "already backordered in case " + c.getId() + orderNote);
    } else if (r.hasOrder()) {
      tx.notFired("order " + r.getOrder().getOrderId() + " is already on open case " + c.getId());
    } else {
      tx.notFired("already backordered in case " + c.getId() + "; staff were alerted when it opened");
    }
  }

  private static void onStockChange(IntakeTransaction tx, ReportInventoryLevelRequest r, Optional<BackorderCase> open) {
    if (r.getOnHand() > 0 && open.isPresent()) {
      // The stock count is for staff: customers hear the template's own words, never "48 on hand".
      tx.resolve(open.get(), CaseStatus.CASE_STATUS_RESTOCKED, "", r.getOnHand() + " on hand after " + causeName(r));
      tx.notFired("back in stock (" + r.getOnHand() + " on hand): case " + open.get().getId() + " resolved as restocked");
    } else if (r.getOnHand() > 0) {
      tx.notFired("level recorded; no open backorder for this SKU");
    } else {
      tx.notFired("level recorded; only a SALE that leaves zero or less opens a backorder");
    }
  }

  /** "a receipt", "an adjustment", "a count": the stock change, for the staff note. */
  private static String causeName(ReportInventoryLevelRequest r) {
    String cause = r.getCause().name().substring("INVENTORY_CAUSE_".length()).toLowerCase(java.util.Locale.ROOT);
    return (cause.startsWith("a") ? "an " : "a ") + cause;
  }

}
