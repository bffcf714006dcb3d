package com.backordergateway.server.grpc;

import com.backordergateway.server.testing.TestPostgres;
import org.junit.jupiter.api.Nested;

/** The query and feed tests again, on a PostgreSQL store. */
class QueriesOnPostgresTest {

  @Nested
  class Queries extends QueriesTest {
    @Override
    protected String storageUrl() {
      return TestPostgres.newDatabase();
    }
  }

  @Nested
  class WatchEvents extends WatchEventsTest {
    @Override
    protected String storageUrl() {
      return TestPostgres.newDatabase();
    }
  }
}
