package com.backordergateway.server.store;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.google.protobuf.util.Timestamps;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The delivery status feed written by the database's triggers (see V4 migration). */
public final class DeliveryChangeRows {

  private DeliveryChangeRows() {}

  /** A delivery as of one change. */
  public record Change(long seq, Delivery delivery) {}

  /** Changes after {@code afterSeq} in commit order. */
  public static List<Change> after(Handle h, long afterSeq, int limit) {
    return h.createQuery(
            "SELECT c.seq AS change_seq, c.status AS change_status, c.attempts AS change_attempts,"
                + " c.changed_at AS change_at, d.* FROM delivery_changes c JOIN deliveries d ON d.id = c.delivery_id"
                + " WHERE c.seq > ? ORDER BY c.seq LIMIT ?")
        .bind(0, afterSeq)
        .bind(1, limit)
        .map((rs, ctx) -> new Change(rs.getLong("change_seq"), DeliveryRows.deliveryOf(rs).toBuilder()
            .setStatus(DeliveryStatus.valueOf(rs.getString("change_status")))
            .setAttempts(rs.getInt("change_attempts"))
            .setUpdatedAt(Timestamps.fromMillis(rs.getLong("change_at")))
            .build()))
        .list();
  }

  public static long lastSeq(Handle h) {
    return h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM delivery_changes").mapTo(Long.class).one();
  }
}
