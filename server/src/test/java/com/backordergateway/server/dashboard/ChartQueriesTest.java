package com.backordergateway.server.dashboard;

import com.backordergateway.server.testing.OnPostgres;
import org.junit.jupiter.api.Nested;

/** The chart queries' cases on each dialect the store runs on: the same numbers from the same rows. */
class ChartQueriesTest {

  @Nested
  class OnSqlite extends ChartQueryCases {}

  @Nested
  @OnPostgres
  class OnPostgresStore extends ChartQueryCases {}
}
