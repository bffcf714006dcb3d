package com.backordergateway.server.intake;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.Shipment;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.api.v1.ShipmentStatus;
import com.backordergateway.server.errors.ConflictException;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.store.ShipmentRows;
import com.google.protobuf.util.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** A new ETA, receipt or cancellation of a registered shipment; a new ETA may fire SUPPLIER_DELAYED. */
final class ShipmentUpdateRule implements IntakeRule<ReportShipmentUpdateRequest> {

  private final SupplierDelays delays;

  ShipmentUpdateRule(SupplierDelays delays) {
    this.delays = delays;
  }

  @Override
  public EventKind kind() {
    return EventKind.EVENT_KIND_SHIPMENT_UPDATE;
  }

  @Override
  public void validate(ReportShipmentUpdateRequest r, Violations v, Instant now) {
    v.requiredId("po_number", r.getPoNumber());
    switch (r.getChangeCase()) {
      case NEW_EXPECTED_AT -> v.timestamp("new_expected_at", r.getNewExpectedAt());
      case RECEIVED -> v.check(r.getReceived(), "received", "set to true to report the receipt");
      case CANCELLED -> v.check(r.getCancelled(), "cancelled", "set to true to report the cancellation");
      case CHANGE_NOT_SET -> v.add("change", "exactly one of new_expected_at, received, cancelled is required");
    }
    v.idempotencyKey(r.getIdempotencyKey());
  }

  @Override
  public void apply(IntakeTransaction tx, ReportShipmentUpdateRequest r) {
    Shipment s =
        tx.findShipment(r.getPoNumber())
            .orElseThrow(() -> InvalidRequestException.of("po_number", "no registered shipment " + r.getPoNumber()));
    if (s.getStatus() != ShipmentStatus.SHIPMENT_STATUS_EXPECTED) {
      throw ConflictException.failedPrecondition(
          "shipment " + s.getPoNumber() + " is already " + statusName(s.getStatus()));
    }
    s.getLinesList().forEach(line -> tx.touchedSku(line.getSku()));
    switch (r.getChangeCase()) {
      case NEW_EXPECTED_AT -> newEta(tx, s, Instant.ofEpochMilli(Timestamps.toMillis(r.getNewExpectedAt())));
      case RECEIVED -> finish(tx, s, ShipmentStatus.SHIPMENT_STATUS_RECEIVED,
          "shipment received; report the new stock with ReportInventoryLevel (RECEIPT) to resolve its backorders");
      default -> finish(tx, s, ShipmentStatus.SHIPMENT_STATUS_CANCELLED, "shipment cancelled");
    }
  }

  private void newEta(IntakeTransaction tx, Shipment s, Instant eta) {
    Map<String, Instant> toldBefore = supplierDates(tx, s);
    ShipmentRows.setExpectedAt(tx.h, s.getPoNumber(), eta, tx.now);
    Duration delay = SupplierDelays.delayUntil(s, eta);
    int step = delays.step(s, delay);
    String late = "new ETA is " + SupplierDelays.hours(delay.isNegative() ? Duration.ZERO : delay) + " after the original";
    if (!delays.fire(tx, s, step, eta, "supplier " + s.getSupplier() + " moved " + s.getPoNumber() + ": " + late)) {
      int moved = correctSupplierDates(tx, toldBefore);
      tx.notFired((step == 0
          ? late + ", within the " + SupplierDelays.hours(delays.threshold(s)) + " threshold"
          : late + "; delay step " + step + " was already alerted")
          + (moved > 0 ? "; " + moved + " order(s) told the supplier's new expected date" : ""));
    }
    tx.shipment(tx.findShipment(s.getPoNumber()).orElseThrow());
  }

  /**
   * The supplier date each open case of the shipment's SKUs shows while it has no date of its
   * own (the first expected shipment's), by case id.
   */
  private static Map<String, Instant> supplierDates(IntakeTransaction tx, Shipment s) {
    Map<String, Instant> dates = new HashMap<>();
    for (ShipmentLine line : s.getLinesList()) {
      tx.openCase(line.getSku()).filter(c -> !c.hasEta())
          .ifPresent(c -> dates.put(c.getId(), tx.about(c).eta()));
    }
    return dates;
  }

  /**
   * A move within the threshold is no SUPPLIER_DELAYED, but customers told the supplier's date
   * (their case has none of its own) hear the new one, earlier or later. Returns the orders told.
   */
  private static int correctSupplierDates(IntakeTransaction tx, Map<String, Instant> before) {
    int corrected = 0;
    for (Map.Entry<String, Instant> told : before.entrySet()) {
      BackorderCase c = tx.caseById(told.getKey()).orElseThrow();
      if (!Objects.equals(tx.about(c).eta(), told.getValue())) {
        corrected += tx.correctEta(c, null, c.getOpenedBy(), "", "");
      }
    }
    return corrected;
  }

  private static void finish(IntakeTransaction tx, Shipment s, ShipmentStatus status, String reason) {
    ShipmentRows.setStatus(tx.h, s.getPoNumber(), status, tx.now);
    tx.shipment(s.toBuilder().setStatus(status).build());
    tx.notFired(reason);
  }

  private static String statusName(ShipmentStatus status) {
    return status.name().substring("SHIPMENT_STATUS_".length()).toLowerCase(java.util.Locale.ROOT);
  }
}
