package com.backordergateway.server.intake;

import com.backordergateway.server.testing.OnPostgres;
import org.junit.jupiter.api.Nested;

/** The trigger rules' tests again, on a PostgreSQL store: the same answers, cases and deliveries. */
class IntakeOnPostgresTest {

  @Nested
  @OnPostgres
  class StockDepleted extends StockDepletedTest {}

  @Nested
  @OnPostgres
  class MarkUnavailable extends MarkUnavailableTest {}

  @Nested
  @OnPostgres
  class Resolution extends ResolutionTest {}

  @Nested
  @OnPostgres
  class SupplierDelay extends SupplierDelayTest {}

  @Nested
  @OnPostgres
  class PlatformBackorder extends PlatformBackorderTest {}

  @Nested
  @OnPostgres
  class Idempotency extends IdempotencyTest {}

  @Nested
  @OnPostgres
  class SameBatch extends SameBatchTest {}
}
