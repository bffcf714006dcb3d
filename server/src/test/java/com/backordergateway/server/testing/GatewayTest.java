package com.backordergateway.server.testing;

import com.backordergateway.connector.testkit.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base for tests that need one standard gateway per test, on its own SQLite file, or on its own
 * PostgreSQL database where a subclass says so ({@link OnPostgres}): the same tests then check
 * the store's contract on both dialects.
 */
public abstract class GatewayTest {

  @TempDir protected Path dir;
  protected TestGateway gateway;

  private String url;

  @BeforeEach
  void startGateway() {
    url = storageUrl();
    gateway = start(new TestClock(Instant.parse("2026-03-02T15:00:00Z")));
  }

  /** Stops the gateway and starts it again on the same store and clock. */
  protected void restartGateway() {
    gateway.close();
    gateway = start(gateway.clock);
  }

  private TestGateway start(TestClock clock) {
    return TestGateway.start(dir, clock, new TestGateway.Options(TestGateway.ROUTED, false, false), url);
  }

  /** Where the gateway stores its state: null for a SQLite file in {@link #dir}. */
  protected String storageUrl() {
    return getClass().isAnnotationPresent(OnPostgres.class) ? TestPostgres.newDatabase() : null;
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }
}
