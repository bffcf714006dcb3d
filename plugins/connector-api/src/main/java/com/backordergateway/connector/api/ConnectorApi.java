package com.backordergateway.connector.api;

/**
 * Facts about this SPI that both sides of the plugin boundary agree on.
 *
 * <p>The host reports {@link #VERSION} as PF4J's system version, and plugins declare
 * {@code Plugin-Requires} against it, so a plugin built for an incompatible SPI is refused
 * instead of failing at its first delivery.
 */
public final class ConnectorApi {

  /** Semantic version of the connector SPI. */
  public static final String VERSION = "1.0.0";

  private ConnectorApi() {}
}
