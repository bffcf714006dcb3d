package com.backordergateway.connector.api;

import java.time.Clock;
import org.slf4j.Logger;

/**
 * What the host gives a connector instance. Connectors use these instead of their own HTTP
 * stacks, clocks or thread pools, so timeouts, metrics, redaction and dry-run apply everywhere.
 */
public interface ConnectorContext {

  /** The configured instance id, e.g. {@code customer-sms}. */
  String instanceId();

  /**
   * HTTP with host-set timeouts, metrics, redacted logging and the dry-run guard. Since 1.1 the
   * host also sets {@code User-Agent} ({@code BackorderGateway/<version> <plugin-id>/<version>}).
   */
  PlatformHttp http();

  /** The host's clock; tests move it. */
  Clock clock();

  /** A logger named after the instance; the host masks secrets in everything it prints. */
  Logger logger();

  /** JSON on the host's Jackson (since 1.1). */
  default PlatformJson json() {
    return PlatformJson.get();
  }
}
