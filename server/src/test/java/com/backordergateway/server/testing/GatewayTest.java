package com.backordergateway.server.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base for tests that need one standard gateway per test, on its own SQLite file. */
public abstract class GatewayTest {

  @TempDir protected Path dir;
  protected TestGateway gateway;

  @BeforeEach
  void startGateway() {
    gateway = TestGateway.start(dir);
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }
}
