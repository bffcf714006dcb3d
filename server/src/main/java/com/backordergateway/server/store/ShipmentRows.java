package com.backordergateway.server.store;

import com.backordergateway.api.v1.Shipment;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.api.v1.ShipmentStatus;
import com.google.protobuf.util.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Registered supplier shipments and their lines. */
public final class ShipmentRows {

  private ShipmentRows() {}

  public static void insert(Handle h, Shipment s, Instant at) {
    h.createUpdate(
            "INSERT INTO shipments (po_number, supplier, original_expected_at, expected_at, status,"
                + " delay_steps, registered_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
        .bind(0, s.getPoNumber())
        .bind(1, s.getSupplier())
        .bind(2, Timestamps.toMillis(s.getOriginalExpectedAt()))
        .bind(3, Timestamps.toMillis(s.getExpectedAt()))
        .bind(4, s.getStatus().name())
        .bind(5, at.toEpochMilli())
        .bind(6, at.toEpochMilli())
        .execute();
    for (ShipmentLine line : s.getLinesList()) {
      h.execute(
          "INSERT INTO shipment_lines (po_number, sku, quantity) VALUES (?, ?, ?)",
          s.getPoNumber(), line.getSku(), line.getQuantity());
    }
  }

  public static Optional<Shipment> find(Handle h, String poNumber) {
    return h.createQuery("SELECT * FROM shipments WHERE po_number = ?")
        .bind(0, poNumber)
        .map((rs, ctx) -> shipmentOf(h, rs))
        .findOne();
  }

  public static void setExpectedAt(Handle h, String poNumber, Instant expectedAt, Instant at) {
    h.createUpdate("UPDATE shipments SET expected_at = ?, updated_at = ? WHERE po_number = ?")
        .bind(0, expectedAt.toEpochMilli())
        .bind(1, at.toEpochMilli())
        .bind(2, poNumber)
        .execute();
  }

  public static void setStatus(Handle h, String poNumber, ShipmentStatus status, Instant at) {
    h.createUpdate("UPDATE shipments SET status = ?, updated_at = ? WHERE po_number = ?")
        .bind(0, status.name())
        .bind(1, at.toEpochMilli())
        .bind(2, poNumber)
        .execute();
  }

  /**
   * Records that the shipment reached delay step {@code step}; false if that step (or a later
   * one) was already recorded, by this or another replica — so each step alerts once.
   */
  public static boolean advanceDelayStep(Handle h, String poNumber, int step, Instant at) {
    return h.createUpdate(
                "UPDATE shipments SET delay_steps = ?, updated_at = ?"
                    + " WHERE po_number = ? AND delay_steps < ?")
            .bind(0, step)
            .bind(1, at.toEpochMilli())
            .bind(2, poNumber)
            .bind(3, step)
            .execute()
        == 1;
  }

  /** Shipments still expected whose ETA lies before {@code cutoff}. */
  public static List<Shipment> expectedBefore(Handle h, Instant cutoff) {
    return h.createQuery(
            "SELECT * FROM shipments WHERE status = 'SHIPMENT_STATUS_EXPECTED' AND expected_at < ?"
                + " ORDER BY expected_at")
        .bind(0, cutoff.toEpochMilli())
        .map((rs, ctx) -> shipmentOf(h, rs))
        .list();
  }

  /** The still-expected shipment of {@code sku} that arrives first, if one is registered. */
  public static Optional<Shipment> earliestExpected(Handle h, String sku) {
    return h.createQuery(
            "SELECT s.* FROM shipments s JOIN shipment_lines l ON l.po_number = s.po_number"
                + " WHERE l.sku = ? AND s.status = 'SHIPMENT_STATUS_EXPECTED' ORDER BY s.expected_at, s.po_number LIMIT 1")
        .bind(0, sku)
        .map((rs, ctx) -> shipmentOf(h, rs))
        .findOne();
  }

  private static Shipment shipmentOf(Handle h, ResultSet rs) throws SQLException {
    String po = rs.getString("po_number");
    return Shipment.newBuilder()
        .setPoNumber(po)
        .setSupplier(rs.getString("supplier"))
        .setOriginalExpectedAt(Timestamps.fromMillis(rs.getLong("original_expected_at")))
        .setExpectedAt(Timestamps.fromMillis(rs.getLong("expected_at")))
        .setStatus(ShipmentStatus.valueOf(rs.getString("status")))
        .setDelaySteps(rs.getInt("delay_steps"))
        .addAllLines(
            h.createQuery("SELECT sku, quantity FROM shipment_lines WHERE po_number = ? ORDER BY sku")
                .bind(0, po)
                .map((r, c) -> ShipmentLine.newBuilder()
                    .setSku(r.getString("sku"))
                    .setQuantity(r.getInt("quantity"))
                    .build())
                .list())
        .build();
  }
}
