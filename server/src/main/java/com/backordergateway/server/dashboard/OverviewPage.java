package com.backordergateway.server.dashboard;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /dashboard}: how many cases are open, what waits or failed, and the charts drawn from the store. */
@Singleton
final class OverviewPage {

  /** One chart: its SVG (built and escaped by {@link DashboardCharts}) and the same figures as a table. */
  record Chart(String title, String svg, String table) {}

  private final DeliveryQueries deliveries;
  private final CaseQueries cases;
  private final ChartQueries charts;
  private final DashboardText text;
  private final DashboardViews views;

  @Inject
  OverviewPage(DeliveryQueries deliveries, CaseQueries cases, ChartQueries charts, DashboardText text, DashboardViews views) {
    this.deliveries = deliveries;
    this.cases = cases;
    this.charts = charts;
    this.text = text;
    this.views = views;
  }

  void show(Context ctx) {
    Map<String, Object> model = new HashMap<>();
    int waiting = 0;
    int inFlight = 0;
    int dead = 0;
    for (DeliveryQueries.QueueCounts q : deliveries.queue()) {
      waiting += q.waiting();
      inFlight += q.inFlight();
      dead += q.dead();
    }
    model.put("openCases", cases.openCount());
    model.put("waiting", waiting);
    model.put("inFlight", inFlight);
    model.put("dead", dead);
    List<Chart> perConnector = charts.deliveriesPerMinute().stream()
        .map(m -> new Chart(m.connector(), DashboardCharts.deliveries(m), DashboardCharts.deliveriesTable(m, text.zone())))
        .toList();
    model.put("deliveryCharts", perConnector);
    model.put("noDeliveries", perConnector.isEmpty());
    List<DayCount> open = charts.openCasesPerDay(text.zone());
    model.put("openCasesChart", new Chart("Open cases, last 30 days", DashboardCharts.openCases(open),
        DashboardCharts.openCasesTable(open)));
    NoticeLatency latency = charts.firstCustomerNotice(text.zone());
    model.put("latencyChart", new Chart("Event to first customer notice, last 30 days", DashboardCharts.noticeLatency(latency),
        DashboardCharts.noticeLatencyTable(latency)));
    model.put("p50", latency.countLast24h() == 0 ? "—" : DashboardCharts.duration(latency.p50Last24h()));
    model.put("p95", latency.countLast24h() == 0 ? "—" : DashboardCharts.duration(latency.p95Last24h()));
    model.put("latencySamples", latency.countLast24h());
    views.page(ctx, "overview", "Overview", model);
  }
}
