package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.DeliveryRows;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** The delivery queue as staff look at it: dead letters, in flight, waiting; per connector instance. */
@Singleton
final class DeliveryQueries {

  static final int PAGE_SIZE = 50;

  /** How many deliveries of one connector instance wait, are in flight, are dead. */
  record QueueCounts(String connector, int waiting, int inFlight, int dead) {}

  record Result(List<Delivery> deliveries, int total) {}

  /** Outcomes of one connector instance's attempts in the last hour, and its latest error. */
  record RecentOutcomes(int delivered, int failedTries, int dead, String lastError, Instant lastErrorAt) {}

  private final Jdbi jdbi;

  @Inject
  DeliveryQueries(Database database) {
    this.jdbi = database.jdbi();
  }

  Result list(DeliveryStatus status, String connector, int page) {
    String where = " FROM deliveries WHERE status = :status" + (connector.isEmpty() ? "" : " AND connector = :connector");
    return jdbi.withHandle(h -> new Result(
        h.createQuery("SELECT *" + where + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
            .bind("status", status.name())
            .bind("connector", connector)
            .bind("limit", PAGE_SIZE)
            .bind("offset", (page - 1) * PAGE_SIZE)
            .map((rs, ctx) -> DeliveryRows.deliveryOf(rs))
            .list(),
        h.createQuery("SELECT COUNT(*)" + where)
            .bind("status", status.name())
            .bind("connector", connector)
            .mapTo(Integer.class)
            .one()));
  }

  /** Every connector instance with something waiting, in flight or dead, by id. */
  List<QueueCounts> queue() {
    Map<String, int[]> counts = new TreeMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT connector, status, COUNT(*) AS n FROM deliveries"
            + " WHERE status IN ('DELIVERY_STATUS_PENDING', 'DELIVERY_STATUS_IN_FLIGHT', 'DELIVERY_STATUS_DEAD')"
            + " GROUP BY connector, status")
        .map((rs, ctx) -> {
          int[] n = counts.computeIfAbsent(rs.getString("connector"), k -> new int[3]);
          n[switch (rs.getString("status")) {
            case "DELIVERY_STATUS_PENDING" -> 0;
            case "DELIVERY_STATUS_IN_FLIGHT" -> 1;
            default -> 2;
          }] = rs.getInt("n");
          return n;
        })
        .list());
    return counts.entrySet().stream().map(e -> new QueueCounts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
        .toList();
  }

  /** Per connector instance: attempts' outcomes since {@code since}, from the change feed, and the latest error. */
  Map<String, RecentOutcomes> recentOutcomes(Instant since) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, RecentOutcomes> out = new TreeMap<>();
    jdbi.useHandle(h -> {
      h.createQuery("SELECT d.connector, c.status, SUM(CASE WHEN " + FailedTries.CONDITION + " THEN 1 ELSE 0 END) AS tried,"
              + " COUNT(*) AS n"
              + " FROM delivery_changes c JOIN deliveries d ON d.id = c.delivery_id WHERE c.changed_at >= ?"
              + " AND c.status IN ('DELIVERY_STATUS_DELIVERED', 'DELIVERY_STATUS_PENDING', 'DELIVERY_STATUS_DEAD')"
              + " GROUP BY d.connector, c.status")
          .bind(0, since.toEpochMilli())
          .map((rs, ctx) -> {
            int[] n = counts.computeIfAbsent(rs.getString("connector"), k -> new int[3]);
            switch (rs.getString("status")) {
              case "DELIVERY_STATUS_DELIVERED" -> n[0] = rs.getInt("n");
              case "DELIVERY_STATUS_PENDING" -> n[1] = rs.getInt("tried"); // not planned or requeued rows
              default -> n[2] = rs.getInt("n");
            }
            return n;
          })
          .list();
      counts.forEach((connector, n) -> out.put(connector, new RecentOutcomes(n[0], n[1], n[2], "", null)));
      h.createQuery("SELECT connector, last_error, updated_at FROM deliveries d WHERE last_error IS NOT NULL"
              + " AND last_error <> '' AND status IN ('DELIVERY_STATUS_PENDING', 'DELIVERY_STATUS_DEAD')"
              + " AND updated_at = (SELECT MAX(updated_at) FROM deliveries e WHERE e.connector = d.connector"
              + " AND e.last_error IS NOT NULL AND e.last_error <> ''"
              + " AND e.status IN ('DELIVERY_STATUS_PENDING', 'DELIVERY_STATUS_DEAD'))")
          .map((rs, ctx) -> {
            String connector = rs.getString("connector");
            RecentOutcomes known = out.getOrDefault(connector, new RecentOutcomes(0, 0, 0, "", null));
            return out.put(connector, new RecentOutcomes(known.delivered(), known.failedTries(), known.dead(),
                rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("updated_at"))));
          })
          .list();
    });
    return out;
  }
}
