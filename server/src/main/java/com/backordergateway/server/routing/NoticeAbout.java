package com.backordergateway.server.routing;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.Shipment;
import com.backordergateway.api.v1.ShipmentLine;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * What a planned notification is about: the case (or, for a supplier alert, the shipment)
 * and, for resolutions, how it ended. Rendering turns it into template variables and facts.
 */
public record NoticeAbout(
    String caseId, String sku, String category, Instant eta, String reason, String supplier, String poNumber,
    String resolution, String message) {

  public static NoticeAbout of(BackorderCase c) {
    return new NoticeAbout(c.getId(), c.getSku(), c.getCategory(),
        c.hasEta() ? Instant.ofEpochMilli(Timestamps.toMillis(c.getEta())) : null, c.getReason(), "", "", "", "");
  }

  /** A supplier delay: every SKU of the shipment, and its newest ETA if known. */
  public static NoticeAbout of(Shipment s, Instant eta, String reason) {
    String skus = s.getLinesList().stream().map(ShipmentLine::getSku).collect(Collectors.joining(", "));
    return new NoticeAbout("", skus, "", eta, reason, s.getSupplier(), s.getPoNumber(), "", "");
  }

  /** The same case, ending as {@code resolution} with an optional note. */
  public NoticeAbout resolved(String resolution, String message) {
    return new NoticeAbout(caseId, sku, category, eta, reason, supplier, poNumber, resolution, message);
  }

  /** The same case, from a supplier delay (which names the supplier and the new ETA). */
  public NoticeAbout delayedBy(String supplier, String poNumber, Instant newEta) {
    return new NoticeAbout(caseId, sku, category, newEta == null ? eta : newEta, reason, supplier, poNumber, resolution,
        message);
  }
}
