package com.backordergateway.server.intake;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.api.v1.Shipment;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.routing.NoticeAbout;
import com.backordergateway.server.store.ShipmentRows;
import com.google.protobuf.util.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SUPPLIER_DELAYED, shared by shipment updates and the overdue monitor.
 *
 * <p>A shipment's delay is measured from its original ETA and counted in steps of the
 * supplier's threshold: step 1 once it is more than one threshold late, step 2 past two, and
 * so on. Each step alerts once per shipment — a recorded step never fires again, on any replica.
 */
final class SupplierDelays {

  private final GatewayConfig.Triggers triggers;

  SupplierDelays(GatewayConfig.Triggers triggers) {
    this.triggers = triggers;
  }

  Duration threshold(Shipment s) {
    return triggers.thresholdFor(s.getSupplier());
  }

  /** The delay step a delay of {@code delay} has reached: 0 while within one threshold. */
  int step(Shipment s, Duration delay) {
    Duration threshold = threshold(s);
    if (delay.compareTo(threshold) <= 0) {
      return 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, (delay.toMillis() - 1) / threshold.toMillis());
  }

  /** How late the shipment is from its original ETA if it now arrives at {@code eta}. */
  static Duration delayUntil(Shipment s, Instant eta) {
    return Duration.between(original(s), eta);
  }

  static Instant original(Shipment s) {
    return Instant.ofEpochMilli(Timestamps.toMillis(s.getOriginalExpectedAt()));
  }

  static Instant expected(Shipment s) {
    return Instant.ofEpochMilli(Timestamps.toMillis(s.getExpectedAt()));
  }

  /**
   * Fires SUPPLIER_DELAYED for {@code step} unless that step already fired: staff alert, and an
   * ETA correction ({@code newEta}, or date unknown when null) for the orders on the open cases
   * of the shipment's SKUs. Returns false, changing nothing, when the step was already recorded.
   */
  boolean fire(IntakeTransaction tx, Shipment s, int step, Instant newEta, String why) {
    if (step < 1 || !ShipmentRows.advanceDelayStep(tx.h, s.getPoNumber(), step, tx.now)) {
      return false;
    }
    List<String> skus = s.getLinesList().stream().map(ShipmentLine::getSku).toList();
    skus.forEach(tx::touchedSku);
    tx.planStaff(NoticeAbout.of(s, newEta, why), skus, Trigger.TRIGGER_SUPPLIER_DELAYED, Purpose.PURPOSE_STAFF_ALERT);
    int corrected = 0;
    for (String sku : skus) {
      Optional<BackorderCase> open = tx.openCase(sku);
      if (open.isPresent()) {
        corrected += tx.correctEta(open.get(), newEta, Trigger.TRIGGER_SUPPLIER_DELAYED, s.getSupplier(), s.getPoNumber());
      }
    }
    tx.fired(Trigger.TRIGGER_SUPPLIER_DELAYED,
        why + " (delay step " + step + " of " + hours(threshold(s)) + "); staff alerted, "
            + corrected + " open " + (corrected == 1 ? "order" : "orders") + " sent an ETA correction");
    return true;
  }

  static String hours(Duration d) {
    return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
  }
}
