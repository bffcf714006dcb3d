package com.backordergateway.server.delivery;

import com.backordergateway.server.testing.TestPostgres;

/** The delivery engine's tests again, on a PostgreSQL store: claims, leases, retries, dead letters, fallback. */
class DeliveryEngineOnPostgresTest extends DeliveryEngineTest {
  @Override
  String storageUrl() {
    return TestPostgres.newDatabase();
  }
}
