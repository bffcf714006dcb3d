package com.backordergateway.server.dashboard;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** {@code /dashboard}: how many cases are open, what waits or failed, and the charts drawn from the store. */
@Singleton
final class OverviewPage {

  private final DeliveryQueries deliveries;
  private final CaseQueries cases;
  private final DashboardViews views;

  @Inject
  OverviewPage(DeliveryQueries deliveries, CaseQueries cases, DashboardViews views) {
    this.deliveries = deliveries;
    this.cases = cases;
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
    views.page(ctx, "overview", "Overview", model);
  }
}
