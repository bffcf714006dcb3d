package com.backordergateway.connector.api;

/**
 * Facts about this SPI that both sides of the plugin boundary agree on.
 *
 * <p>The host reports {@link #VERSION} as PF4J's system version, and plugins declare
 * {@code Plugin-Requires} against it, so a plugin built for an incompatible SPI is refused
 * instead of failing at its first delivery.
 *
 * <p>1.1 is additive: typed settings ({@link SettingFormat}) checked by the host, host-set
 * User-Agent, enforced audience capabilities, {@link PlatformResponses} with quirk hooks and
 * {@link PlatformJson}. A plugin built for 1.0 ({@code Plugin-Requires: >=1.0.0 & <2.0.0})
 * keeps loading and delivering; one that uses 1.1 declares {@code >=1.1.0 & <2.0.0}.
 *
 * <p>1.2 is additive: webhook sources report any {@link SourceSignal} (stock levels, SKUs marked
 * unavailable, shipment changes, resolutions) through {@link WebhookSource#read} with a host
 * context for look-ups, may answer a handshake ({@link WebhookOutcome#handshake}), and see the
 * request's query parameters ({@link WebhookRequest#queryParameter}).
 */
public final class ConnectorApi {

  /** Semantic version of the connector SPI. */
  public static final String VERSION = "1.2.0";

  private ConnectorApi() {}
}
