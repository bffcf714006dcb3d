package com.backordergateway.server.dashboard;

import static com.backordergateway.server.dashboard.Plot.BOTTOM;
import static com.backordergateway.server.dashboard.Plot.DAY;
import static com.backordergateway.server.dashboard.Plot.LEFT;
import static com.backordergateway.server.dashboard.Plot.RIGHT;

import com.backordergateway.server.dashboard.NoticeLatency.DayLatency;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The dashboard's charts as inline SVG, and the same numbers as HTML tables for screen readers:
 * markup the page inserts unescaped, so every piece of text in it is escaped here.
 */
public final class DashboardCharts {

  /** Blue, dark orange, near-black: 4.5:1 or more on white, hues colour-blind readers tell apart, as does the legend. */
  static final String DELIVERED = "#0a5fa8";
  static final String FAILED_TRY = "#b35900";
  static final String DEAD = "#1a1a1a";
  private static final long[] SCALE_SECONDS =
      {10, 20, 30, 60, 90, 120, 180, 300, 600, 900, 1200, 1800, 3600, 5400, 7200};

  private DashboardCharts() {}

  /**
   * One connector's last hour: a stacked bar per minute that had moves (with its figures as a
   * tooltip), delivered at the bottom, failed tries, dead on top.
   */
  public static String deliveries(ConnectorMinutes m) {
    Svg svg = new Svg("deliveries", m.connector() + ": " + counts(m.deliveredTotal(), m.failedTriesTotal(),
        m.deadTotal()) + " in the last hour");
    Plot.legend(svg, new String[] {"delivered", "failed try", "dead"}, new String[] {DELIVERED, FAILED_TRY, DEAD});
    int max = m.maxPerMinute();
    Plot.axes(svg, Integer.toString(max), null);
    double slot = Plot.slot(ChartQueries.MINUTES);
    for (int i = 0; i < ChartQueries.MINUTES; i++) {
      if (m.delivered()[i] + m.failedTries()[i] + m.dead()[i] == 0) {
        continue; // an empty minute draws nothing: a page with many connectors stays light
      }
      int ago = ChartQueries.MINUTES - 1 - i;
      svg.group("minute", (ago == 0 ? "this minute" : "-" + ago + " min") + ": "
          + counts(m.delivered()[i], m.failedTries()[i], m.dead()[i]));
      double x = LEFT + i * slot + 0.5;
      double base = stack(svg, "bar delivered", DELIVERED, x, slot - 1, BOTTOM, m.delivered()[i], max);
      base = stack(svg, "bar failed-try", FAILED_TRY, x, slot - 1, base, m.failedTries()[i], max);
      stack(svg, "bar dead", DEAD, x, slot - 1, base, m.dead()[i], max);
      svg.closeGroup();
    }
    return svg.text("x-label", LEFT, BOTTOM + 20, "start", "-60 min")
        .text("x-label", (LEFT + RIGHT) / 2, BOTTOM + 20, "middle", "-30 min")
        .text("x-label", RIGHT, BOTTOM + 20, "end", "now")
        .done();
  }

  /** Open cases at the end of each day, a bar per day. */
  public static String openCases(List<DayCount> days) {
    int max = Math.max(1, days.stream().mapToInt(DayCount::count).max().orElse(0));
    int now = days.isEmpty() ? 0 : days.get(days.size() - 1).count();
    Svg svg = new Svg("open-cases", "Open cases at the end of each of the last " + days.size() + " days: "
        + now + " open now, at most " + max + " on one day");
    Plot.axes(svg, Integer.toString(max), null);
    double slot = Plot.slot(days.size());
    for (int i = 0; i < days.size(); i++) {
      DayCount d = days.get(i);
      double height = Plot.height(d.count(), max);
      svg.rect("bar open-cases", DELIVERED, LEFT + i * slot + 1, BOTTOM - height, slot - 2, height,
          DAY.format(d.day()) + ": " + d.count() + " open");
    }
    Plot.dayLabels(svg, days.stream().map(DayCount::day).toList());
    return svg.done();
  }

  /** Median and 95th percentile wait for the first customer notice, a line each per day. */
  public static String noticeLatency(NoticeLatency latency) {
    String label = latency.countLast24h() == 0
        ? "No customer notice reached the platform for an event of the last 24 hours"
        : "First customer notice after an event, last 24 hours: median " + duration(latency.p50Last24h())
            + ", 95th percentile " + duration(latency.p95Last24h()) + ", " + events(latency.countLast24h());
    Svg svg = new Svg("notice-latency", label);
    Plot.legend(svg, new String[] {"median", "95th percentile"}, new String[] {DELIVERED, FAILED_TRY});
    List<DayLatency> days = latency.days();
    long max = roundUp(days.stream().filter(d -> d.count() > 0).mapToLong(d -> d.p95().toMillis())
        .max().orElse(0));
    Plot.axes(svg, duration(Duration.ofMillis(max)), duration(Duration.ofMillis(max / 2)));
    line(svg, "p50", "median", DELIVERED, null, days, DayLatency::p50, max);
    line(svg, "p95", "95th percentile", FAILED_TRY, "6 3", days, DayLatency::p95, max);
    Plot.dayLabels(svg, days.stream().map(DayLatency::day).toList());
    return svg.done();
  }

  public static String deliveriesTable(ConnectorMinutes m, ZoneId zone) {
    return ChartTables.deliveries(m, zone);
  }

  public static String openCasesTable(List<DayCount> days) {
    return ChartTables.openCases(days);
  }

  public static String noticeLatencyTable(NoticeLatency latency) {
    return ChartTables.noticeLatency(latency);
  }

  /**
   * A wait in the unit that reads best: seconds (with a tenth under ten seconds, where dry runs and
   * fast platforms land) under two minutes, minutes under two hours, else hours.
   */
  static String duration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 10) {
      return decimal(d.toMillis() / 1000.0) + " s";
    }
    if (seconds < 120) {
      return seconds + " s";
    }
    return seconds < 7200 ? decimal(seconds / 60.0) + " min" : decimal(seconds / 3600.0) + " h";
  }

  /** At most one decimal, none where it would be 0: 2, 2.5. */
  private static String decimal(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  /** The smallest round wait at or above {@code millis}, so the axis reads 5 min rather than 4.7 min. */
  static long roundUp(long millis) {
    for (long seconds : SCALE_SECONDS) {
      if (seconds * 1000 >= millis) {
        return seconds * 1000;
      }
    }
    long hours = (millis + 3_599_999) / 3_600_000;
    return (hours + hours % 2) * 3_600_000;
  }

  static String events(int count) {
    return count == 1 ? "1 event" : count + " events";
  }

  static String counts(int delivered, int failedTries, int dead) {
    return delivered + " delivered, " + failedTries + (failedTries == 1 ? " failed try, " : " failed tries, ")
        + dead + " dead";
  }

  private static double stack(Svg svg, String cssClass, String fill, double x, double width, double base,
      int count, int max) {
    if (count == 0) {
      return base;
    }
    double height = Plot.height(count, max);
    svg.rect(cssClass, fill, x, base - height, width, height, null);
    return base - height;
  }

  /** A polyline per run of days with samples, and a point per day so a lone day shows too. */
  private static void line(Svg svg, String key, String name, String stroke, String dashes, List<DayLatency> days,
      Function<DayLatency, Duration> value, long max) {
    double slot = Plot.slot(days.size());
    List<double[]> run = new ArrayList<>();
    for (int i = 0; i <= days.size(); i++) {
      if (i == days.size() || days.get(i).count() == 0) {
        if (run.size() > 1) {
          svg.polyline("line " + key, stroke, dashes, run);
        }
        run = new ArrayList<>();
        continue;
      }
      DayLatency d = days.get(i);
      double[] point = {LEFT + (i + 0.5) * slot, BOTTOM - Plot.height(value.apply(d).toMillis(), max)};
      run.add(point);
      svg.circle("point " + key, stroke, point[0], point[1],
          DAY.format(d.day()) + ": " + name + " " + duration(value.apply(d)) + " over " + events(d.count()));
    }
  }
}
