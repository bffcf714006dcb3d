package com.backordergateway.server.dashboard;

import com.backordergateway.server.store.Database;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The numbers behind the staff dashboard's charts, read from the store in plain SQL that runs on
 * SQLite and PostgreSQL alike; each chart is one query, bucketed or counted in Java.
 */
@Singleton
public final class ChartQueries {

  static final int MINUTES = 60;
  static final int DAYS = 30;
  private static final long MINUTE_MILLIS = 60_000;

  private record MinuteRow(String connector, int slot, int delivered, int failedTries, int dead) {}

  private final Jdbi jdbi;
  private final Clock clock;

  @Inject
  public ChartQueries(Database database, Clock clock) {
    this.jdbi = database.jdbi();
    this.clock = clock;
  }

  /**
   * Delivered, failed-try and dead moves in the last 60 whole minutes (the current minute last),
   * per connector that had any, sorted by connector id. Planned, cancelled and requeued rows do
   * not count (see {@link FailedTries}).
   */
  public List<ConnectorMinutes> deliveriesPerMinute() {
    long firstMinute = clock.millis() / MINUTE_MILLIS - (MINUTES - 1);
    List<MinuteRow> rows = jdbi.withHandle(h -> h.createQuery(
            "SELECT d.connector, c.changed_at / 60000 AS minute,"
                + " SUM(CASE WHEN c.status = 'DELIVERY_STATUS_DELIVERED' THEN 1 ELSE 0 END) AS delivered,"
                + " SUM(CASE WHEN " + FailedTries.CONDITION + " THEN 1 ELSE 0 END) AS failed_tries,"
                + " SUM(CASE WHEN c.status = 'DELIVERY_STATUS_DEAD' THEN 1 ELSE 0 END) AS dead"
                + " FROM delivery_changes c JOIN deliveries d ON d.id = c.delivery_id"
                + " WHERE c.changed_at >= :from AND c.changed_at < :until"
                + " AND (c.status IN ('DELIVERY_STATUS_DELIVERED', 'DELIVERY_STATUS_DEAD')"
                + " OR " + FailedTries.CONDITION + ")"
                + " GROUP BY d.connector, c.changed_at / 60000")
        .bind("from", firstMinute * MINUTE_MILLIS)
        .bind("until", (firstMinute + MINUTES) * MINUTE_MILLIS)
        .map((rs, ctx) -> new MinuteRow(rs.getString("connector"), (int) (rs.getLong("minute") - firstMinute),
            rs.getInt("delivered"), rs.getInt("failed_tries"), rs.getInt("dead")))
        .list());
    Map<String, ConnectorMinutes> byConnector = new TreeMap<>();
    Instant start = Instant.ofEpochMilli(firstMinute * MINUTE_MILLIS);
    for (MinuteRow row : rows) {
      ConnectorMinutes m = byConnector.computeIfAbsent(row.connector(),
          id -> new ConnectorMinutes(id, start, new int[MINUTES], new int[MINUTES], new int[MINUTES]));
      m.delivered()[row.slot()] = row.delivered();
      m.failedTries()[row.slot()] = row.failedTries();
      m.dead()[row.slot()] = row.dead();
    }
    return List.copyOf(byConnector.values());
  }

  /** For each of the last 30 local days in {@code zone}, today last, how many cases were open at its end. */
  public List<DayCount> openCasesPerDay(ZoneId zone) {
    long now = clock.millis();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate first = today.minusDays(DAYS - 1);
    List<long[]> spans = jdbi.withHandle(h -> h.createQuery(
            "SELECT opened_at, resolved_at FROM cases"
                + " WHERE opened_at <= :now AND (resolved_at IS NULL OR resolved_at >= :from)")
        .bind("now", now)
        .bind("from", startOf(first, zone))
        .map((rs, ctx) -> {
          long resolved = rs.getLong("resolved_at");
          long until = rs.wasNull() ? Long.MAX_VALUE : resolved;
          return new long[] {rs.getLong("opened_at"), until};
        })
        .list());
    List<DayCount> days = new ArrayList<>(DAYS);
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      // The day's last millisecond; today ends now.
      long end = day.equals(today) ? now : startOf(day.plusDays(1), zone) - 1;
      int open = 0;
      for (long[] span : spans) {
        if (span[0] <= end && span[1] > end) {
          open++;
        }
      }
      days.add(new DayCount(day, open));
    }
    return days;
  }

  /** How long after an event its first customer notice reached the platform; see {@link NoticeLatency}. */
  public NoticeLatency firstCustomerNotice(ZoneId zone) {
    Instant now = clock.instant();
    LocalDate first = LocalDate.now(clock.withZone(zone)).minusDays(DAYS - 1);
    long from = Math.min(startOf(first, zone), now.minus(Duration.ofDays(1)).toEpochMilli());
    List<NoticeLatency.Sample> samples = jdbi.withHandle(h -> h.createQuery(
            "SELECT e.received_at, MIN(c.changed_at) AS first_notice"
                + " FROM events e"
                + " JOIN deliveries d ON d.event_id = e.id"
                + " JOIN delivery_changes c ON c.delivery_id = d.id"
                + " WHERE e.received_at >= :from AND e.received_at <= :now AND c.changed_at >= :from"
                + " AND d.audience = 'AUDIENCE_CUSTOMER' AND d.purpose = 'PURPOSE_CUSTOMER_NOTICE'"
                + " AND c.status = 'DELIVERY_STATUS_DELIVERED'"
                + " GROUP BY e.id, e.received_at")
        .bind("from", from)
        .bind("now", now.toEpochMilli())
        .map((rs, ctx) -> new NoticeLatency.Sample(Instant.ofEpochMilli(rs.getLong("received_at")),
            Duration.ofMillis(Math.max(0, rs.getLong("first_notice") - rs.getLong("received_at")))))
        .list());
    return NoticeLatency.of(samples, now, first, zone);
  }

  private static long startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant().toEpochMilli();
  }
}
