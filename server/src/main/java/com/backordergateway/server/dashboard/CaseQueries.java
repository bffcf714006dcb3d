package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.store.CaseRows;
import com.backordergateway.server.store.Database;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The cases list: filters, search and paging, with each case's orders, notices per channel and supplier ETA. */
@Singleton
final class CaseQueries {

  static final int PAGE_SIZE = 25;

  /** What the list is filtered by; empty strings and nulls mean "any". */
  record Filter(CaseStatus status, Trigger trigger, String sku, String supplier, Instant openedFrom,
      Instant openedBefore, String search, int page) {}

  /** Notices of one case on one connector instance: sent, still to go, and failed for good. */
  record ChannelCount(String connector, int sent, int waiting, int failed) {}

  /** The earliest registered shipment still expected for a SKU: when the supplier says it arrives. */
  record ExpectedShipment(String poNumber, String supplier, Instant expectedAt) {}

  record Summary(BackorderCase backorder, int orders, List<ChannelCount> channels, ExpectedShipment expected) {}

  record Result(List<Summary> cases, int total) {}

  private final Jdbi jdbi;

  @Inject
  CaseQueries(Database database) {
    this.jdbi = database.jdbi();
  }

  Result list(Filter f) {
    return jdbi.withHandle(h -> {
      StringBuilder where = new StringBuilder(" FROM cases c WHERE 1 = 1");
      Map<String, Object> binds = new HashMap<>();
      if (f.status() != CaseStatus.CASE_STATUS_UNSPECIFIED) {
        where.append(" AND c.status = :status");
        binds.put("status", f.status().name());
      }
      if (f.trigger() != Trigger.TRIGGER_UNSPECIFIED) {
        where.append(" AND c.opened_by = :trigger");
        binds.put("trigger", f.trigger().name());
      }
      if (!f.sku().isEmpty()) {
        where.append(" AND c.sku = :sku");
        binds.put("sku", f.sku());
      }
      if (!f.supplier().isEmpty()) {
        where.append(" AND EXISTS (SELECT 1 FROM shipment_lines l JOIN shipments s ON s.po_number = l.po_number"
            + " WHERE l.sku = c.sku AND s.supplier = :supplier)");
        binds.put("supplier", f.supplier());
      }
      if (f.openedFrom() != null) {
        where.append(" AND c.opened_at >= :from");
        binds.put("from", f.openedFrom().toEpochMilli());
      }
      if (f.openedBefore() != null) {
        where.append(" AND c.opened_at < :before");
        binds.put("before", f.openedBefore().toEpochMilli());
      }
      if (!f.search().isEmpty()) {
        // '!' escapes: Jdbi's statement parser would read a backslash before a quote as an escape.
        where.append(" AND (LOWER(c.sku) LIKE :q ESCAPE '!' OR LOWER(c.id) LIKE :q ESCAPE '!'"
            + " OR LOWER(c.reason) LIKE :q ESCAPE '!' OR EXISTS (SELECT 1 FROM case_orders o WHERE o.case_id = c.id"
            + " AND (LOWER(o.order_id) LIKE :q ESCAPE '!' OR LOWER(o.order_name) LIKE :q ESCAPE '!')))");
        binds.put("q", "%" + likeEscaped(f.search().toLowerCase(Locale.ROOT)) + "%");
      }
      int total = bound(h.createQuery("SELECT COUNT(*)" + where), binds).mapTo(Integer.class).one();
      List<BackorderCase> page = bound(h.createQuery("SELECT c.*" + where + " ORDER BY c.seq DESC LIMIT :limit OFFSET :offset"),
          binds)
          .bind("limit", PAGE_SIZE)
          .bind("offset", (f.page() - 1) * PAGE_SIZE)
          .map((rs, ctx) -> CaseRows.caseOf(rs))
          .list();
      return new Result(summaries(h, page), total);
    });
  }

  int openCount() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cases WHERE status = 'CASE_STATUS_OPEN'")
        .mapTo(Integer.class).one());
  }

  /** The distinct suppliers of registered shipments, for the filter's choices. */
  List<String> suppliers() {
    return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT supplier FROM shipments ORDER BY supplier")
        .mapTo(String.class).list());
  }

  /** Orders, channel counts and supplier ETAs of a page of cases, in three queries. */
  List<Summary> summaries(Handle h, List<BackorderCase> cases) {
    if (cases.isEmpty()) {
      return List.of();
    }
    List<String> ids = cases.stream().map(BackorderCase::getId).toList();
    Map<String, Integer> orders = new HashMap<>();
    h.createQuery("SELECT case_id, COUNT(*) AS n FROM case_orders WHERE case_id IN (<ids>) GROUP BY case_id")
        .bindList("ids", ids)
        .map((rs, ctx) -> orders.put(rs.getString("case_id"), rs.getInt("n")))
        .list();
    Map<String, Map<String, int[]>> channels = new HashMap<>();
    h.createQuery("SELECT case_id, connector, status, COUNT(*) AS n FROM deliveries WHERE case_id IN (<ids>)"
            + " GROUP BY case_id, connector, status")
        .bindList("ids", ids)
        .map((rs, ctx) -> {
          int[] counts = channels.computeIfAbsent(rs.getString("case_id"), k -> new TreeMap<>())
              .computeIfAbsent(rs.getString("connector"), k -> new int[3]);
          switch (rs.getString("status")) {
            case "DELIVERY_STATUS_DELIVERED" -> counts[0] += rs.getInt("n");
            case "DELIVERY_STATUS_PENDING", "DELIVERY_STATUS_IN_FLIGHT" -> counts[1] += rs.getInt("n");
            case "DELIVERY_STATUS_DEAD" -> counts[2] += rs.getInt("n");
            default -> { } // cancelled: no longer to be sent, not a failure
          }
          return counts;
        })
        .list();
    Map<String, ExpectedShipment> expected = expectedShipments(h, cases.stream().map(BackorderCase::getSku).distinct().toList());
    List<Summary> out = new ArrayList<>();
    for (BackorderCase c : cases) {
      List<ChannelCount> counts = new ArrayList<>();
      channels.getOrDefault(c.getId(), Map.of())
          .forEach((connector, n) -> counts.add(new ChannelCount(connector, n[0], n[1], n[2])));
      out.add(new Summary(c, orders.getOrDefault(c.getId(), 0), counts, expected.get(c.getSku())));
    }
    return out;
  }

  private static Map<String, ExpectedShipment> expectedShipments(Handle h, List<String> skus) {
    Map<String, ExpectedShipment> earliest = new HashMap<>();
    h.createQuery("SELECT l.sku, s.po_number, s.supplier, s.expected_at FROM shipment_lines l"
            + " JOIN shipments s ON s.po_number = l.po_number"
            + " WHERE l.sku IN (<skus>) AND s.status = 'SHIPMENT_STATUS_EXPECTED' ORDER BY s.expected_at")
        .bindList("skus", skus)
        .map((rs, ctx) -> earliest.putIfAbsent(rs.getString("sku"), new ExpectedShipment(rs.getString("po_number"),
            rs.getString("supplier"), Instant.ofEpochMilli(rs.getLong("expected_at")))))
        .list();
    return earliest;
  }

  private static Query bound(Query query, Map<String, Object> binds) {
    binds.forEach(query::bind);
    return query;
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
