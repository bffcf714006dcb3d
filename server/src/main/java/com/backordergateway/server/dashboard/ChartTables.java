package com.backordergateway.server.dashboard;

import com.backordergateway.server.dashboard.NoticeLatency.DayLatency;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Each chart's numbers as a short, escaped HTML table, for readers who cannot see the chart. */
final class ChartTables {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  private ChartTables() {}

  /** Only the minutes that had a delivered, failed or dead move. */
  static String deliveries(ConnectorMinutes m, ZoneId zone) {
    StringBuilder out = open(m.connector() + ": deliveries per minute, last hour",
        "Minute", "Delivered", "Failed tries", "Dead");
    for (int i = 0; i < ChartQueries.MINUTES; i++) {
      if (m.delivered()[i] + m.failedTries()[i] + m.dead()[i] > 0) {
        row(out, MINUTE.format(m.firstMinute().plusSeconds(60L * i).atZone(zone)),
            m.delivered()[i], m.failedTries()[i], m.dead()[i]);
      }
    }
    return close(out);
  }

  static String openCases(List<DayCount> days) {
    StringBuilder out = open("Open cases at the end of each day", "Day", "Open cases");
    days.forEach(d -> row(out, d.day().toString(), d.count()));
    return close(out);
  }

  /** The last 24 hours first, then only the days with samples. */
  static String noticeLatency(NoticeLatency latency) {
    StringBuilder out = open("Wait for the first customer notice after an event",
        "Period", "Events", "Median", "95th percentile");
    row(out, "Last 24 hours", latency.countLast24h(), latency.p50Last24h(), latency.p95Last24h());
    for (DayLatency d : latency.days()) {
      if (d.count() > 0) {
        row(out, d.day().toString(), d.count(), d.p50(), d.p95());
      }
    }
    return close(out);
  }

  private static StringBuilder open(String caption, String... headings) {
    StringBuilder out = new StringBuilder("<table class=\"chart-data\"><caption>")
        .append(Svg.escape(caption)).append("</caption><thead><tr>");
    for (String heading : headings) {
      out.append("<th scope=\"col\">").append(Svg.escape(heading)).append("</th>");
    }
    return out.append("</tr></thead><tbody>");
  }

  /** A row headed by {@code name}; a null cell (no sample) shows as a dash, a duration in its best unit. */
  private static void row(StringBuilder out, String name, Object... cells) {
    out.append("<tr><th scope=\"row\">").append(Svg.escape(name)).append("</th>");
    for (Object cell : cells) {
      String text = cell == null ? "-"
          : cell instanceof Duration d ? DashboardCharts.duration(d) : cell.toString();
      out.append("<td>").append(Svg.escape(text)).append("</td>");
    }
    out.append("</tr>");
  }

  private static String close(StringBuilder out) {
    return out.append("</tbody></table>").toString();
  }
}
