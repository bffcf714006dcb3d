package com.backordergateway.server.store;

import com.backordergateway.api.v1.CaseChange;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.Trigger;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The event log: one row per accepted intake call or monitor finding. */
public final class EventRows {

  private EventRows() {}

  /** Filters for {@link #list}; empty strings and zero times mean "any". */
  public record Filter(String sku, Trigger trigger, String caseId, long receivedAfter, long receivedBefore) {}

  /** Inserts the event with its SKU and case links; returns its sequence number. */
  public static long insert(Handle h, Event e) {
    long seq = DirectWrites.returningLong(h,
        "INSERT INTO events (id, kind, trig, triggered, reason, case_change, received_at, request_type, request)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
        e.getId(),
        e.getKind().name(),
        e.getTrigger().name(),
        e.getTriggered(),
        e.getReason(),
        e.getCaseChange().name(),
        Timestamps.toMillis(e.getReceivedAt()),
        e.getRequest().getTypeUrl(),
        e.getRequest().getValue().toByteArray());
    for (String sku : e.getSkusList()) {
      DirectWrites.update(h, "INSERT INTO event_skus (sku, event_seq) VALUES (?, ?) ON CONFLICT DO NOTHING", sku, seq);
    }
    for (String caseId : e.getCaseIdsList()) {
      DirectWrites.update(h, "INSERT INTO event_cases (case_id, event_seq) VALUES (?, ?) ON CONFLICT DO NOTHING",
          caseId, seq);
    }
    return seq;
  }

  public static Optional<Event> find(Handle h, String id) {
    return h.createQuery("SELECT * FROM events WHERE id = ?")
        .bind(0, id)
        .map((rs, ctx) -> eventOf(h, rs))
        .findOne();
  }

  /** A page of events, newest first, strictly before {@code beforeSeq}. */
  public static List<Page.Row<Event>> list(Handle h, Filter f, long beforeSeq, int limit) {
    return list(h, f, beforeSeq, limit, true);
  }

  /**
   * As {@link #list(Handle, Filter, long, int)}; without {@code withDeliveries} the events carry
   * none, for a caller that reads them already (one query instead of one per event).
   */
  public static List<Page.Row<Event>> list(Handle h, Filter f, long beforeSeq, int limit, boolean withDeliveries) {
    StringBuilder sql = new StringBuilder("SELECT e.* FROM events e WHERE e.seq < :before");
    if (!f.sku().isEmpty()) {
      sql.append(" AND e.seq IN (SELECT event_seq FROM event_skus WHERE sku = :sku)");
    }
    if (!f.caseId().isEmpty()) {
      sql.append(" AND e.seq IN (SELECT event_seq FROM event_cases WHERE case_id = :caseId)");
    }
    if (f.trigger() != Trigger.TRIGGER_UNSPECIFIED) {
      sql.append(" AND e.trig = :trig");
    }
    if (f.receivedAfter() > 0) {
      sql.append(" AND e.received_at >= :after");
    }
    if (f.receivedBefore() > 0) {
      sql.append(" AND e.received_at < :receivedBefore");
    }
    sql.append(" ORDER BY e.seq DESC LIMIT :limit");
    return h.createQuery(sql.toString())
        .bind("before", beforeSeq)
        .bind("sku", f.sku())
        .bind("caseId", f.caseId())
        .bind("trig", f.trigger().name())
        .bind("after", f.receivedAfter())
        .bind("receivedBefore", f.receivedBefore())
        .bind("limit", limit)
        .map((rs, ctx) -> new Page.Row<>(rs.getLong("seq"), eventOf(h, rs, withDeliveries)))
        .list();
  }

  /** Events after {@code after} in feed order (see {@link FeedPosition}), for watchers catching up. */
  public static List<Event> after(Handle h, FeedPosition after, String sku, int limit) {
    Dialect dialect = Dialect.of(h);
    String sql =
        (sku.isEmpty()
            ? "SELECT e.* FROM events e WHERE "
            : "SELECT e.* FROM events e JOIN event_skus s ON s.event_seq = e.seq AND s.sku = :sku WHERE ")
        + FeedPosition.after(dialect, "e") + " ORDER BY " + FeedPosition.order(dialect, "e") + " LIMIT :limit";
    return h.createQuery(sql)
        .bind("xid", Long.toString(after.xid()))
        .bind("seq", after.seq())
        .bind("sku", sku)
        .bind("limit", limit)
        .map((rs, ctx) -> eventOf(h, rs))
        .list();
  }

  /** The newest position a watcher starting now begins after. */
  public static FeedPosition lastPosition(Handle h) {
    return FeedPosition.last(h, "events");
  }

  private static Event eventOf(Handle h, ResultSet rs) throws SQLException {
    return eventOf(h, rs, true);
  }

  private static Event eventOf(Handle h, ResultSet rs, boolean withDeliveries) throws SQLException {
    long seq = rs.getLong("seq");
    String id = rs.getString("id");
    Event.Builder event = Event.newBuilder()
        .setId(id)
        .setCursor(FeedPosition.of(rs, "xid", "seq").toString())
        .setKind(EventKind.valueOf(rs.getString("kind")))
        .setTrigger(Trigger.valueOf(rs.getString("trig")))
        .setTriggered(rs.getBoolean("triggered"))
        .setReason(rs.getString("reason"))
        .setCaseChange(CaseChange.valueOf(rs.getString("case_change")))
        .setReceivedAt(Timestamps.fromMillis(rs.getLong("received_at")))
        .setRequest(
            Any.newBuilder()
                .setTypeUrl(rs.getString("request_type"))
                .setValue(ByteString.copyFrom(rs.getBytes("request"))))
        .addAllSkus(
            h.createQuery("SELECT sku FROM event_skus WHERE event_seq = ? ORDER BY sku")
                .bind(0, seq).mapTo(String.class).list())
        .addAllCaseIds(
            h.createQuery("SELECT case_id FROM event_cases WHERE event_seq = ? ORDER BY case_id")
                .bind(0, seq).mapTo(String.class).list());
    return withDeliveries ? event.addAllDeliveries(DeliveryRows.forEvent(h, id)).build() : event.build();
  }
}
