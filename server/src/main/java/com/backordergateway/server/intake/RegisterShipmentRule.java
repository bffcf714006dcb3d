package com.backordergateway.server.intake;

import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.Shipment;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.api.v1.ShipmentStatus;
import com.backordergateway.server.errors.ConflictException;
import com.backordergateway.server.store.ShipmentRows;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Registers a supplier shipment so SUPPLIER_DELAYED can watch it. Fires nothing itself. */
final class RegisterShipmentRule implements IntakeRule<RegisterExpectedShipmentRequest> {

  private final SupplierDelays delays;

  RegisterShipmentRule(SupplierDelays delays) {
    this.delays = delays;
  }

  @Override
  public EventKind kind() {
    return EventKind.EVENT_KIND_SHIPMENT_REGISTERED;
  }

  @Override
  public void validate(RegisterExpectedShipmentRequest r, Violations v, Instant now) {
    v.requiredId("supplier", r.getSupplier());
    v.requiredId("po_number", r.getPoNumber());
    v.check(r.getLinesCount() > 0, "lines", "at least one line");
    v.check(r.getLinesCount() <= Violations.MAX_ITEMS, "lines", "at most " + Violations.MAX_ITEMS + " lines");
    Set<String> skus = new HashSet<>();
    for (int i = 0; i < r.getLinesCount(); i++) {
      ShipmentLine line = r.getLines(i);
      v.sku("lines[" + i + "].sku", line.getSku());
      v.check(line.getQuantity() > 0, "lines[" + i + "].quantity", "must be positive");
      v.check(skus.add(line.getSku()), "lines[" + i + "].sku", "listed twice");
    }
    if (!r.hasExpectedAt()) {
      v.add("expected_at", "required");
    } else {
      if (v.timestamp("expected_at", r.getExpectedAt())) {
        v.check(Timestamps.toMillis(r.getExpectedAt()) > now.toEpochMilli(), "expected_at",
            "must be in the future for a new shipment");
      }
    }
    v.idempotencyKey(r.getIdempotencyKey());
  }

  @Override
  public void apply(IntakeTransaction tx, RegisterExpectedShipmentRequest r) {
    if (tx.findShipment(r.getPoNumber()).isPresent()) {
      throw ConflictException.alreadyExists("shipment " + r.getPoNumber() + " is already registered");
    }
    Shipment shipment =
        Shipment.newBuilder()
            .setPoNumber(r.getPoNumber())
            .setSupplier(r.getSupplier())
            .addAllLines(r.getLinesList())
            .setOriginalExpectedAt(r.getExpectedAt())
            .setExpectedAt(r.getExpectedAt())
            .setStatus(ShipmentStatus.SHIPMENT_STATUS_EXPECTED)
            .build();
    ShipmentRows.insert(tx.h, shipment, tx.now);
    r.getLinesList().forEach(line -> {
      tx.touchedSku(line.getSku());
      tx.shipmentExpected(line.getSku());
    });
    tx.shipment(shipment);
    tx.notFired("shipment registered; SUPPLIER_DELAYED fires if it slips more than "
        + SupplierDelays.hours(delays.threshold(shipment)) + " past " + Timestamps.toString(r.getExpectedAt()));
  }
}
