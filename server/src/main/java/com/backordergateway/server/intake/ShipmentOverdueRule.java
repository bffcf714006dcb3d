package com.backordergateway.server.intake;

import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.Shipment;
import com.backordergateway.api.v1.ShipmentStatus;
import com.backordergateway.server.errors.ConflictException;
import java.time.Duration;
import java.time.Instant;

/**
 * SUPPLIER_DELAYED with no update at all: the shipment is past its ETA plus the threshold and
 * not received. Its request is the shipment as the monitor saw it; the rule re-reads it inside
 * the transaction and refuses (recording nothing) if it no longer applies.
 */
final class ShipmentOverdueRule implements IntakeRule<Shipment> {

  private final SupplierDelays delays;

  ShipmentOverdueRule(SupplierDelays delays) {
    this.delays = delays;
  }

  @Override
  public EventKind kind() {
    return EventKind.EVENT_KIND_SHIPMENT_OVERDUE;
  }

  @Override
  public void validate(Shipment request, Violations violations, Instant now) {
    violations.requiredId("po_number", request.getPoNumber());
  }

  /** The delay step an overdue shipment has reached at {@code now}, or 0 if it is not overdue. */
  int overdueStep(Shipment s, Instant now) {
    Instant overdueAfter = SupplierDelays.expected(s).plus(delays.threshold(s));
    if (s.getStatus() != ShipmentStatus.SHIPMENT_STATUS_EXPECTED || !now.isAfter(overdueAfter)) {
      return 0;
    }
    return delays.step(s, Duration.between(SupplierDelays.original(s), now));
  }

  @Override
  public void apply(IntakeTransaction tx, Shipment snapshot) {
    Shipment s =
        tx.findShipment(snapshot.getPoNumber())
            .orElseThrow(() -> ConflictException.failedPrecondition("shipment is gone"));
    int step = overdueStep(s, tx.now);
    Duration late = Duration.between(SupplierDelays.expected(s), tx.now);
    String why = "supplier " + s.getSupplier() + " shipment " + s.getPoNumber() + " is "
        + SupplierDelays.hours(late) + " past its ETA with no update";
    if (!delays.fire(tx, s, step, null, why)) {
      throw ConflictException.failedPrecondition("shipment " + s.getPoNumber() + " has no new delay step to alert");
    }
  }
}
