package com.backordergateway.server.dashboard;

import com.backordergateway.server.testing.OnPostgres;
import org.junit.jupiter.api.Nested;

/** The dashboard's pages, actions and live stream again, on a PostgreSQL store. */
class DashboardOnPostgresTest {

  @Nested
  @OnPostgres
  class Pages extends DashboardHttpTest {}

  @Nested
  @OnPostgres
  class Live extends LiveUpdatesTest {}
}
