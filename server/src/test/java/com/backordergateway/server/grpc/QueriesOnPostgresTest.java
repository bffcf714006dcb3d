package com.backordergateway.server.grpc;

import com.backordergateway.server.testing.OnPostgres;
import org.junit.jupiter.api.Nested;

/** The query and feed tests again, on a PostgreSQL store. */
class QueriesOnPostgresTest {

  @Nested
  @OnPostgres
  class Queries extends QueriesTest {}

  @Nested
  @OnPostgres
  class WatchEvents extends WatchEventsTest {}
}
