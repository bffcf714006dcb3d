package com.backordergateway.server.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.UnaryOperator;

/**
 * The staff dashboard under {@code /dashboard} on the HTTP port: every page and action, each
 * behind {@link DashboardGuard}. Pages need a signed-in session (a token with the read scope);
 * actions also need the admin scope and the session's CSRF token.
 */
@Singleton
public final class Dashboard implements AutoCloseable {

  private final DashboardGuard guard;
  private final SignIn signIn;
  private final OverviewPage overview;
  private final CasesPage cases;
  private final CasePage casePage;
  private final DeliveriesPage deliveries;
  private final ConnectorsPage connectors;
  private final DashboardActions actions;
  private final LiveUpdates live;
  private final DashboardAssets assets = new DashboardAssets();

  @Inject
  Dashboard(DashboardGuard guard, SignIn signIn, OverviewPage overview, CasesPage cases, CasePage casePage,
      DeliveriesPage deliveries, ConnectorsPage connectors, DashboardActions actions, LiveUpdates live) {
    this.guard = guard;
    this.signIn = signIn;
    this.overview = overview;
    this.cases = cases;
    this.casePage = casePage;
    this.deliveries = deliveries;
    this.connectors = connectors;
    this.actions = actions;
    this.live = live;
  }

  /**
   * Adds every dashboard route, each first passing {@code transport} (the HTTP port's client
   * certificate check, when it has one).
   */
  public void addRoutes(RoutesConfig routes, UnaryOperator<Handler> transport) {
    routes.get("/dashboard", transport.apply(guard.reader(overview::show)));
    routes.get("/dashboard/assets/{file}", transport.apply(guard.open(assets::serve)));
    routes.get("/dashboard/sign-in", transport.apply(guard.open(signIn::form)));
    routes.post("/dashboard/sign-in", transport.apply(guard.open(signIn::signIn)));
    routes.post("/dashboard/sign-out", transport.apply(guard.signedIn(signIn::signOut)));
    routes.get("/dashboard/cases", transport.apply(guard.reader(cases::show)));
    routes.get("/dashboard/cases/{id}", transport.apply(guard.reader(casePage::show)));
    routes.get("/dashboard/deliveries", transport.apply(guard.reader(deliveries::show)));
    routes.post("/dashboard/deliveries/retry", transport.apply(guard.admin(actions::retry)));
    routes.get("/dashboard/connectors", transport.apply(guard.reader(connectors::show)));
    routes.post("/dashboard/connectors/{id}/enabled", transport.apply(guard.admin(actions::setEnabled)));
    routes.post("/dashboard/connectors/{id}/test", transport.apply(guard.admin(actions::test)));
    routes.get("/dashboard/live", transport.apply(guard.reader(new SseHandler(live::stream))));
  }

  /** Ends every live stream (the HTTP listener's drain would otherwise wait for them). */
  public void endLiveStreams() {
    live.close();
  }

  @Override
  public void close() {
    live.close();
    actions.close();
  }
}
