package com.backordergateway.server.routing;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.Shipment;
import com.backordergateway.api.v1.ShipmentLine;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * What a planned notification is about: the case (or, for a supplier alert, the shipment), the
 * order it concerns when one is known, and, for resolutions, how it ended. Rendering turns it
 * into template variables and facts.
 *
 * @param etaExpected the ETA is a registered supplier shipment's expected date, not one staff gave
 * @param reason why the case opened (staff only)
 * @param message the resolution text for everyone told; note why it resolved (staff only)
 * @param orderId the order (customer notices; a staff alert raised by an order), else empty
 */
public record NoticeAbout(
    String caseId, String sku, String category, Instant eta, boolean etaExpected, String reason, String supplier,
    String poNumber, String resolution, String message, String note, String orderId, String orderName) {

  public static NoticeAbout of(BackorderCase c) {
    return new NoticeAbout(c.getId(), c.getSku(), c.getCategory(),
        c.hasEta() ? Instant.ofEpochMilli(Timestamps.toMillis(c.getEta())) : null, false, c.getReason(), "", "", "", "",
        "", "", "");
  }

  /** A supplier delay: every SKU of the shipment, and its newest ETA if known. */
  public static NoticeAbout of(Shipment s, Instant eta, String reason) {
    String skus = s.getLinesList().stream().map(ShipmentLine::getSku).collect(Collectors.joining(", "));
    return new NoticeAbout("", skus, "", eta, eta != null, reason, s.getSupplier(), s.getPoNumber(), "", "", "", "", "");
  }

  /** The same case, ending as {@code resolution}; {@code message} for everyone, {@code note} for staff. */
  public NoticeAbout resolved(String resolution, String message, String note) {
    return new NoticeAbout(caseId, sku, category, eta, etaExpected, reason, supplier, poNumber, resolution, message,
        note, orderId, orderName);
  }

  /** The same case, from a supplier delay (which names the supplier and the new ETA). */
  public NoticeAbout delayedBy(String supplier, String poNumber, Instant newEta) {
    return new NoticeAbout(caseId, sku, category, newEta == null ? eta : newEta,
        newEta == null ? etaExpected : !supplier.isEmpty(),
        reason, supplier, poNumber, resolution, message, note, orderId, orderName);
  }

  /** The same case with the supplier's expected date standing in for a date it does not have. */
  public NoticeAbout expectedFrom(Shipment shipment) {
    if (eta != null) {
      return this;
    }
    return new NoticeAbout(caseId, sku, category, Instant.ofEpochMilli(Timestamps.toMillis(shipment.getExpectedAt())),
        true, reason, shipment.getSupplier(), shipment.getPoNumber(), resolution, message, note, orderId, orderName);
  }

  /** The same notice about one order. */
  public NoticeAbout forOrder(String id, String name) {
    return new NoticeAbout(caseId, sku, category, eta, etaExpected, reason, supplier, poNumber, resolution, message,
        note, id, name);
  }
}
