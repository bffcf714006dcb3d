package com.backordergateway.server.intake;

import com.backordergateway.server.testing.TestPostgres;
import org.junit.jupiter.api.Nested;

/** The trigger rules' tests again, on a PostgreSQL store: the same answers, cases and deliveries. */
class IntakeOnPostgresTest {

  @Nested
  class StockDepleted extends StockDepletedTest {
    @Override
    protected String storageUrl() {
      return TestPostgres.newDatabase();
    }
  }

  @Nested
  class MarkUnavailable extends MarkUnavailableTest {
    @Override
    protected String storageUrl() {
      return TestPostgres.newDatabase();
    }
  }

  @Nested
  class Resolution extends ResolutionTest {
    @Override
    protected String storageUrl() {
      return TestPostgres.newDatabase();
    }
  }

  @Nested
  class SupplierDelay extends SupplierDelayTest {
    @Override
    protected String storageUrl() {
      return TestPostgres.newDatabase();
    }
  }

  @Nested
  class PlatformBackorder extends PlatformBackorderTest {
    @Override
    protected String storageUrl() {
      return TestPostgres.newDatabase();
    }
  }

  @Nested
  class Idempotency extends IdempotencyTest {
    @Override
    protected String storageUrl() {
      return TestPostgres.newDatabase();
    }
  }

  @Nested
  class SameBatch extends SameBatchTest {
    @Override
    protected String storageUrl() {
      return TestPostgres.newDatabase();
    }
  }
}
