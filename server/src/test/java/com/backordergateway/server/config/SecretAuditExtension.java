package com.backordergateway.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which a log line carried a secret (see {@link SecretAudit}); registered for
 * every test of the module through the service loader.
 */
public final class SecretAuditExtension implements AfterEachCallback, AfterAllCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    assertNoLeaks();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    assertNoLeaks();
  }

  private static void assertNoLeaks() {
    assertThat(SecretAudit.drainLeaks()).as("log lines that carried a configured secret").isEmpty();
  }
}
