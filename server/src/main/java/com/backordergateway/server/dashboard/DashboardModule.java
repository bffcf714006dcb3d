package com.backordergateway.server.dashboard;

import com.google.inject.AbstractModule;

/** The staff dashboard: pages, sessions, actions and live updates, served by the HTTP listener. */
public final class DashboardModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(Dashboard.class);
  }
}
