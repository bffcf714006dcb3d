package com.backordergateway.server.store;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.api.v1.Recipient;
import com.backordergateway.api.v1.Trigger;
import com.google.protobuf.util.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Planned and attempted notifications: the outbox the delivery engine drains. */
public final class DeliveryRows {

  private DeliveryRows() {}

  /** A delivery as the values of its row, made ready off the writer thread (the facts as JSON). */
  public static final class Row {
    private final Object[] values;

    private Row(Object[] values) {
      this.values = values;
    }
  }

  public static Row row(Delivery d) {
    long created = Timestamps.toMillis(d.getCreatedAt());
    return new Row(new Object[] {
        d.getId(),
        d.getEventId(),
        d.getCaseId().isEmpty() ? null : d.getCaseId(),
        d.getConnector(),
        d.getRoute().isEmpty() ? null : d.getRoute(),
        d.getAudience().name(),
        d.getRecipient().getOrderId().isEmpty() ? null : d.getRecipient().getOrderId(),
        d.getRecipient().hasCustomer() ? d.getRecipient().getCustomer().toByteArray() : null,
        d.getPurpose().name(),
        d.getTrigger().name(),
        d.getStatus().name(),
        d.getSubject(),
        d.getBody(),
        Facts.toJson(d.getFactsMap()),
        d.hasNextAttemptAt() ? Timestamps.toMillis(d.getNextAttemptAt()) : created,
        created,
        created});
  }

  public static void insert(Handle h, Delivery d) {
    insert(h, row(d));
  }

  public static void insert(Handle h, Row row) {
    DirectWrites.update(h,
        "INSERT INTO deliveries (id, event_id, case_id, connector, route, audience, order_id,"
            + " customer, purpose, trig, status, subject, content, facts, next_attempt_at, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.values);
  }

  public static List<Delivery> forEvent(Handle h, String eventId) {
    return h.createQuery("SELECT * FROM deliveries WHERE event_id = ? ORDER BY seq")
        .bind(0, eventId)
        .map((rs, ctx) -> deliveryOf(rs))
        .list();
  }

  public static List<Delivery> forCase(Handle h, String caseId, DeliveryStatus status) {
    return h.createQuery("SELECT * FROM deliveries WHERE case_id = ? AND status = ? ORDER BY seq")
        .bind(0, caseId)
        .bind(1, status.name())
        .map((rs, ctx) -> deliveryOf(rs))
        .list();
  }

  /**
   * Cancels a case's notices that have not gone out, including claimed ones a dispatcher has
   * not sent yet (it checks before sending); returns how many.
   */
  public static int cancelUnsent(Handle h, String caseId, Instant at) {
    return h.createUpdate(
            "UPDATE deliveries SET status = 'DELIVERY_STATUS_CANCELLED', updated_at = ?,"
                + " last_error = 'case resolved before it was sent'"
                + " WHERE case_id = ? AND status IN ('DELIVERY_STATUS_PENDING', 'DELIVERY_STATUS_IN_FLIGHT')")
        .bind(0, at.toEpochMilli())
        .bind(1, caseId)
        .execute();
  }

  /** Cancels one order's unsent customer notices on a case (to send them again, updated). */
  public static int cancelUnsentNotices(Handle h, String caseId, String orderId, Instant at) {
    return h.createUpdate(
            "UPDATE deliveries SET status = 'DELIVERY_STATUS_CANCELLED', updated_at = ?,"
                + " last_error = 'replaced by a notice with the new ETA'"
                + " WHERE case_id = ? AND order_id = ? AND audience = 'AUDIENCE_CUSTOMER'"
                + " AND status IN ('DELIVERY_STATUS_PENDING', 'DELIVERY_STATUS_IN_FLIGHT')")
        .bind(0, at.toEpochMilli())
        .bind(1, caseId)
        .bind(2, orderId)
        .execute();
  }

  /** A page of deliveries, newest first. */
  public static List<Page.Row<Delivery>> list(
      Handle h, DeliveryStatus status, String connector, String caseId, long beforeSeq, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM deliveries WHERE seq < :before");
    if (status != DeliveryStatus.DELIVERY_STATUS_UNSPECIFIED) {
      sql.append(" AND status = :status");
    }
    if (!connector.isEmpty()) {
      sql.append(" AND connector = :connector");
    }
    if (!caseId.isEmpty()) {
      sql.append(" AND case_id = :caseId");
    }
    sql.append(" ORDER BY seq DESC LIMIT :limit");
    return h.createQuery(sql.toString())
        .bind("before", beforeSeq)
        .bind("status", status.name())
        .bind("connector", connector)
        .bind("caseId", caseId)
        .bind("limit", limit)
        .map((rs, ctx) -> new Page.Row<>(rs.getLong("seq"), deliveryOf(rs)))
        .list();
  }

  /** Puts the given dead or cancelled deliveries back to PENDING, due now. */
  public static int requeue(Handle h, List<String> ids, Instant at) {
    int total = 0;
    for (String id : ids) {
      total +=
          h.createUpdate(
                  "UPDATE deliveries SET status = 'DELIVERY_STATUS_PENDING', next_attempt_at = ?,"
                      + " updated_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?"
                      + " AND status IN ('DELIVERY_STATUS_DEAD', 'DELIVERY_STATUS_CANCELLED')")
              .bind(0, at.toEpochMilli())
              .bind(1, at.toEpochMilli())
              .bind(2, id)
              .execute();
    }
    return total;
  }

  /** Ids of dead or cancelled deliveries matching a replay filter. */
  public static List<String> replayable(
      Handle h, DeliveryStatus status, String connector, Instant updatedBefore) {
    StringBuilder sql =
        new StringBuilder("SELECT id FROM deliveries WHERE status = :status AND updated_at < :before");
    if (!connector.isEmpty()) {
      sql.append(" AND connector = :connector");
    }
    return h.createQuery(sql.toString())
        .bind("status", status.name())
        .bind("before", updatedBefore.toEpochMilli())
        .bind("connector", connector)
        .mapTo(String.class)
        .list();
  }

  public static Delivery deliveryOf(ResultSet rs) throws SQLException {
    Recipient.Builder recipient = Recipient.newBuilder();
    String orderId = rs.getString("order_id");
    if (orderId != null) {
      recipient.setOrderId(orderId);
    }
    byte[] customer = rs.getBytes("customer");
    if (customer != null) {
      recipient.setCustomer(CaseRows.customer(customer));
    }
    Delivery.Builder d =
        Delivery.newBuilder()
            .setId(rs.getString("id"))
            .setEventId(rs.getString("event_id"))
            .setConnector(rs.getString("connector"))
            .setAudience(Audience.valueOf(rs.getString("audience")))
            .setPurpose(Purpose.valueOf(rs.getString("purpose")))
            .setTrigger(Trigger.valueOf(rs.getString("trig")))
            .setStatus(DeliveryStatus.valueOf(rs.getString("status")))
            .setAttempts(rs.getInt("attempts"))
            .setCreatedAt(Timestamps.fromMillis(rs.getLong("created_at")))
            .setUpdatedAt(Timestamps.fromMillis(rs.getLong("updated_at")))
            .setNextAttemptAt(Timestamps.fromMillis(rs.getLong("next_attempt_at")));
    if (orderId != null || customer != null) {
      d.setRecipient(recipient);
    }
    setIfPresent(rs.getString("case_id"), d::setCaseId);
    setIfPresent(rs.getString("subject"), d::setSubject);
    setIfPresent(rs.getString("content"), d::setBody);
    d.putAllFacts(Facts.fromJson(rs.getString("facts")));
    setIfPresent(rs.getString("route"), d::setRoute);
    setIfPresent(rs.getString("external_id"), d::setExternalId);
    setIfPresent(rs.getString("last_error"), d::setLastError);
    setIfPresent(rs.getString("delivery_note"), d::setNote);
    return d.build();
  }

  private static void setIfPresent(String value, java.util.function.Consumer<String> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
