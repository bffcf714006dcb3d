package com.backordergateway.server.dashboard;

import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.server.dashboard.NoticeLatency.DayLatency;
import com.backordergateway.server.testing.GatewayTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ChartQueries} over a real store: rows written as the gateway writes them (deliveries
 * inserted and moved, the schema's triggers recording each move), numbers checked exactly.
 */
abstract class ChartQueryCases extends GatewayTest {

  private static final Instant NOW = Instant.parse("2026-03-02T15:00:30Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private ChartQueries charts;

  @BeforeEach
  void atNow() {
    gateway.clock.set(NOW);
    charts = gateway.get(ChartQueries.class);
  }

  @Test
  void deliveriesAreCountedPerConnectorMinuteAndOutcome() {
    event("e-1", NOW.minus(Duration.ofHours(2)));
    plan("d-1", "email", "e-1", at("14:05:10"));
    move("d-1", "DELIVERY_STATUS_PENDING", 1, at("14:05:20"));
    move("d-1", "DELIVERY_STATUS_PENDING", 2, at("14:05:40"));
    move("d-1", "DELIVERY_STATUS_DELIVERED", 3, at("14:06:59.999"));
    plan("d-2", "email", "e-1", at("13:50:00"));
    move("d-2", "DELIVERY_STATUS_DEAD", 5, at("14:00:59.999")); // the minute before the hour
    plan("d-3", "email", "e-1", at("14:59:00"));
    move("d-3", "DELIVERY_STATUS_DEAD", 1, at("15:00:10")); // the current minute
    plan("d-4", "sms", "e-1", at("14:00:00"));
    move("d-4", "DELIVERY_STATUS_DELIVERED", 1, at("14:01:00"));
    plan("d-5", "sms", "e-1", at("14:20:00"));
    move("d-5", "DELIVERY_STATUS_CANCELLED", 0, at("14:30:00"));
    plan("d-7", "sms", "e-1", at("14:19:00"));
    move("d-7", "DELIVERY_STATUS_PENDING", 1, at("14:19:30"));
    move("d-7", "DELIVERY_STATUS_DEAD", 2, at("14:20:00"));
    move("d-7", "DELIVERY_STATUS_PENDING", 2, at("14:21:00")); // an operator's requeue: not a try
    move("d-7", "DELIVERY_STATUS_PENDING", 3, at("14:22:00"));
    plan("d-6", "slack", "e-1", at("14:10:00"));
    move("d-6", "DELIVERY_STATUS_CANCELLED", 0, at("14:11:00"));

    List<ConnectorMinutes> minutes = charts.deliveriesPerMinute();

    assertThat(minutes).extracting(ConnectorMinutes::connector)
        .as("slack had only a planned and a cancelled row").containsExactly("email", "sms");
    ConnectorMinutes email = minutes.get(0);
    assertThat(email.firstMinute()).isEqualTo(at("14:01:00"));
    assertThat(email.delivered()).hasSize(60);
    assertThat(nonZero(email.delivered())).isEqualTo(Map.of(5, 1));
    assertThat(nonZero(email.failedTries())).isEqualTo(Map.of(4, 2));
    assertThat(nonZero(email.dead())).isEqualTo(Map.of(59, 1));
    assertThat(email.maxPerMinute()).isEqualTo(2);
    ConnectorMinutes sms = minutes.get(1);
    assertThat(nonZero(sms.delivered())).isEqualTo(Map.of(0, 1));
    assertThat(nonZero(sms.failedTries())).as("the tries before and after the requeue").isEqualTo(Map.of(18, 1, 21, 1));
    assertThat(nonZero(sms.dead())).isEqualTo(Map.of(19, 1));
  }

  @Test
  void aCaseCountsOnEachLocalDayItIsOpenAtTheEndOf() {
    openCase("before", local("2026-01-01T09:00"), local("2026-01-15T09:00"));
    openCase("throughout", local("2026-01-01T09:00"), null);
    openCase("to-midnight", local("2026-02-10T09:00"), local("2026-02-20T00:00"));
    openCase("two-days", local("2026-02-25T10:00"), local("2026-02-27T12:00"));
    openCase("after-midnight", Instant.parse("2026-02-27T23:30:00Z"), null); // Feb 28 in Berlin
    openCase("today", Instant.parse("2026-03-02T15:00:00Z"), null);

    List<DayCount> days = charts.openCasesPerDay(BERLIN);

    assertThat(days).hasSize(30);
    assertThat(days.get(0).day()).isEqualTo(LocalDate.parse("2026-02-01"));
    assertThat(days.get(29).day()).isEqualTo(LocalDate.parse("2026-03-02"));
    Map<LocalDate, Integer> counts = days.stream().collect(Collectors.toMap(DayCount::day, DayCount::count));
    for (LocalDate day = LocalDate.parse("2026-02-01"); !day.isAfter(LocalDate.parse("2026-03-02"));
        day = day.plusDays(1)) {
      int expected = 1
          + (between(day, "2026-02-10", "2026-02-19") ? 1 : 0)
          + (between(day, "2026-02-25", "2026-02-26") ? 1 : 0)
          + (between(day, "2026-02-28", "2026-03-02") ? 1 : 0)
          + (day.equals(LocalDate.parse("2026-03-02")) ? 1 : 0);
      assertThat(counts.get(day)).as(day.toString()).isEqualTo(expected);
    }
  }

  @Test
  void firstCustomerNoticeLatencyPerDayAndOverTheLastDay() {
    int[] waits = {30, 10, 50, 20, 100, 40, 90, 60, 80, 70};
    for (int i = 0; i < waits.length; i++) {
      Instant received = Instant.parse("2026-02-20T08:00:00Z").plus(Duration.ofMinutes(i));
      event("feb-" + i, received);
      notice("feb-" + i + "-email", "feb-" + i, received, waits[i]);
    }
    Instant x = Instant.parse("2026-03-02T10:00:00Z");
    event("x", x);
    notice("x-email", "x", x, 120);
    plan("x-sms", "sms", "x", x);
    move("x-sms", "DELIVERY_STATUS_PENDING", 1, x.plusSeconds(2));
    move("x-sms", "DELIVERY_STATUS_DELIVERED", 2, x.plusSeconds(45));
    plan("x-staff", "slack", "x", Audience.AUDIENCE_STAFF.name(), "PURPOSE_STAFF_ALERT", x);
    move("x-staff", "DELIVERY_STATUS_DELIVERED", 1, x.plusSeconds(5));
    Instant y = Instant.parse("2026-03-01T16:00:00Z"); // 23 hours ago
    event("y", y);
    plan("y-email", "email", "y", y);
    move("y-email", "DELIVERY_STATUS_PENDING", 1, y.plusSeconds(10));
    move("y-email", "DELIVERY_STATUS_DELIVERED", 2, y.plusSeconds(300));
    Instant z = Instant.parse("2026-03-01T14:00:00Z"); // 25 hours ago
    event("z", z);
    notice("z-email", "z", z, 60);
    event("waiting", x);
    plan("waiting-email", "email", "waiting", x);
    event("old", Instant.parse("2026-01-31T12:00:00Z")); // the day before the first
    notice("old-email", "old", Instant.parse("2026-01-31T12:00:00Z"), 5);

    NoticeLatency latency = charts.firstCustomerNotice(ZoneOffset.UTC);

    assertThat(latency.countLast24h()).isEqualTo(2);
    assertThat(latency.p50Last24h()).isEqualTo(Duration.ofSeconds(45));
    assertThat(latency.p95Last24h()).isEqualTo(Duration.ofSeconds(300));
    assertThat(latency.days()).hasSize(30);
    assertThat(latency.days().get(0).day()).isEqualTo(LocalDate.parse("2026-02-01"));
    Map<LocalDate, DayLatency> withSamples = latency.days().stream().filter(d -> d.count() > 0)
        .collect(Collectors.toMap(DayLatency::day, Function.identity()));
    assertThat(withSamples).containsOnlyKeys(
        LocalDate.parse("2026-02-20"), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
    assertThat(withSamples.get(LocalDate.parse("2026-02-20")))
        .isEqualTo(new DayLatency(LocalDate.parse("2026-02-20"), seconds(50), seconds(100), 10));
    assertThat(withSamples.get(LocalDate.parse("2026-03-01")))
        .isEqualTo(new DayLatency(LocalDate.parse("2026-03-01"), seconds(60), seconds(300), 2));
    assertThat(withSamples.get(LocalDate.parse("2026-03-02")))
        .isEqualTo(new DayLatency(LocalDate.parse("2026-03-02"), seconds(45), seconds(45), 1));
    assertThat(latency.days().get(1)).isEqualTo(new DayLatency(LocalDate.parse("2026-02-02"), null, null, 0));
  }

  @Test
  void aSaleToZeroShowsInEveryChartOnceItsNoticesAreSent() {
    IntakeResponse sale = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));
    gateway.clock.advance(Duration.ofSeconds(90));
    gateway.markSent(sale.getPlannedDeliveriesList().stream()
        .filter(d -> d.getAudience() == Audience.AUDIENCE_CUSTOMER).toList());

    assertThat(charts.deliveriesPerMinute()).extracting(m -> m.connector() + " " + m.deliveredTotal())
        .containsExactly("email 1", "sms 1");
    assertThat(charts.openCasesPerDay(BERLIN).get(29).count()).isEqualTo(1);
    NoticeLatency latency = charts.firstCustomerNotice(BERLIN);
    assertThat(latency.countLast24h()).isEqualTo(1);
    assertThat(latency.p50Last24h()).isEqualTo(Duration.ofSeconds(90));
  }

  private static Duration seconds(int seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static Instant at(String utcTime) {
    return Instant.parse("2026-03-02T" + utcTime + "Z");
  }

  private static Instant local(String berlinTime) {
    return java.time.LocalDateTime.parse(berlinTime).atZone(BERLIN).toInstant();
  }

  private static boolean between(LocalDate day, String first, String last) {
    return !day.isBefore(LocalDate.parse(first)) && !day.isAfter(LocalDate.parse(last));
  }

  private static Map<Integer, Integer> nonZero(int[] counts) {
    Map<Integer, Integer> slots = new java.util.HashMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        slots.put(i, counts[i]);
      }
    }
    return slots;
  }

  private void event(String id, Instant received) {
    gateway.database().jdbi().useHandle(h -> h.execute(
        "INSERT INTO events (id, kind, trig, triggered, reason, case_change, received_at, request_type, request)"
            + " VALUES (?, 'inventory_level', 'TRIGGER_STOCK_DEPLETED', ?, 'test', 'CASE_CHANGE_OPENED', ?,"
            + " 'test', ?)",
        id, true, received.toEpochMilli(), new byte[0]));
  }

  /** A customer email notice planned at {@code received} and delivered {@code seconds} later. */
  private void notice(String id, String eventId, Instant received, int seconds) {
    plan(id, "email", eventId, received);
    move(id, "DELIVERY_STATUS_DELIVERED", 1, received.plusSeconds(seconds));
  }

  private void plan(String id, String connector, String eventId, Instant at) {
    plan(id, connector, eventId, Audience.AUDIENCE_CUSTOMER.name(), "PURPOSE_CUSTOMER_NOTICE", at);
  }

  /** A pending delivery, due only tomorrow so the engine leaves it to the test. */
  private void plan(String id, String connector, String eventId, String audience, String purpose, Instant at) {
    gateway.database().jdbi().useHandle(h -> h.execute(
        "INSERT INTO deliveries (id, event_id, connector, audience, purpose, trig, status, attempts,"
            + " next_attempt_at, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, 'TRIGGER_STOCK_DEPLETED', 'DELIVERY_STATUS_PENDING', 0, ?, ?, ?)",
        id, eventId, connector, audience, purpose, NOW.plus(Duration.ofDays(1)).toEpochMilli(), at.toEpochMilli(),
        at.toEpochMilli()));
  }

  private void move(String id, String status, int attempts, Instant at) {
    gateway.database().jdbi().useHandle(h -> h.execute(
        "UPDATE deliveries SET status = ?, attempts = ?, updated_at = ? WHERE id = ?",
        status, attempts, at.toEpochMilli(), id));
  }

  private void openCase(String sku, Instant opened, Instant resolved) {
    gateway.database().jdbi().useHandle(h -> h.createUpdate(
            "INSERT INTO cases (id, sku, opened_by, status, reason, opened_at, updated_at, resolved_at)"
                + " VALUES (?, ?, 'TRIGGER_STOCK_DEPLETED', ?, 'test', ?, ?, ?)")
        .bind(0, "case-" + sku)
        .bind(1, sku)
        .bind(2, resolved == null ? "CASE_STATUS_OPEN" : "CASE_STATUS_RESTOCKED")
        .bind(3, opened.toEpochMilli())
        .bind(4, (resolved == null ? opened : resolved).toEpochMilli())
        .bind(5, resolved == null ? null : (Long) resolved.toEpochMilli())
        .execute());
  }
}
