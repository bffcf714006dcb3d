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
  public record Change(FeedPosition position, Delivery delivery) {}

  /** Changes after {@code after} in feed order (see {@link FeedPosition}). */
  public static List<Change> after(Handle h, FeedPosition after, int limit) {
    Dialect dialect = Dialect.of(h);
    return h.createQuery(
            "SELECT c.seq AS change_seq, CAST(c.xid AS text) AS change_xid, c.status AS change_status,"
                + " c.attempts AS change_attempts, c.changed_at AS change_at, d.*"
                + " FROM delivery_changes c JOIN deliveries d ON d.id = c.delivery_id"
                + " WHERE " + FeedPosition.after(dialect, "c") + " ORDER BY " + FeedPosition.order(dialect, "c")
                + " LIMIT :limit")
        .bind("xid", Long.toString(after.xid()))
        .bind("seq", after.seq())
        .bind("limit", limit)
        .map((rs, ctx) -> new Change(FeedPosition.of(rs, "change_xid", "change_seq"),
            DeliveryRows.deliveryOf(rs).toBuilder()
                .setStatus(DeliveryStatus.valueOf(rs.getString("change_status")))
                .setAttempts(rs.getInt("change_attempts"))
                .setUpdatedAt(Timestamps.fromMillis(rs.getLong("change_at")))
                .build()))
        .list();
  }

  /** The newest position a watcher starting now begins after. */
  public static FeedPosition lastPosition(Handle h) {
    return FeedPosition.last(h, "delivery_changes");
  }
}
