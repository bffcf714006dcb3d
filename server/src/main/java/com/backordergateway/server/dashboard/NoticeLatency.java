package com.backordergateway.server.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How long customers waited for their first notice: per event, from its receipt to the first
 * customer notice the platform accepted. Per local day (by the event's receipt) over the last 30
 * days, today last, and over the last 24 hours. Percentiles are nearest-rank; where there is no
 * sample the count is 0 and both durations are null.
 */
public record NoticeLatency(List<DayLatency> days, Duration p50Last24h, Duration p95Last24h, int countLast24h) {

  public record DayLatency(LocalDate day, Duration p50, Duration p95, int count) {}

  /** One event's wait. */
  record Sample(Instant received, Duration latency) {}

  static NoticeLatency of(List<Sample> samples, Instant now, LocalDate firstDay, ZoneId zone) {
    List<List<Duration>> perDay = new ArrayList<>(ChartQueries.DAYS);
    for (int i = 0; i < ChartQueries.DAYS; i++) {
      perDay.add(new ArrayList<>());
    }
    List<Duration> last24h = new ArrayList<>();
    Instant dayAgo = now.minus(Duration.ofDays(1));
    for (Sample s : samples) {
      long day = firstDay.until(LocalDate.ofInstant(s.received(), zone), ChronoUnit.DAYS);
      if (day >= 0 && day < ChartQueries.DAYS) {
        perDay.get((int) day).add(s.latency());
      }
      if (s.received().isAfter(dayAgo)) {
        last24h.add(s.latency());
      }
    }
    List<DayLatency> days = new ArrayList<>(ChartQueries.DAYS);
    for (int i = 0; i < ChartQueries.DAYS; i++) {
      List<Duration> waits = perDay.get(i);
      days.add(new DayLatency(firstDay.plusDays(i), percentile(waits, 50), percentile(waits, 95), waits.size()));
    }
    return new NoticeLatency(List.copyOf(days), percentile(last24h, 50), percentile(last24h, 95), last24h.size());
  }

  /** The nearest-rank percentile: the smallest sample with at least {@code p}% of samples at or below it. */
  static Duration percentile(List<Duration> samples, int p) {
    if (samples.isEmpty()) {
      return null;
    }
    List<Duration> sorted = samples.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
