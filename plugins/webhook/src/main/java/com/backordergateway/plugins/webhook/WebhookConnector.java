package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.RateLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Properties;
import org.pf4j.Extension;

/**
 * The generic webhook connector (type {@code webhook}): POSTs each notification as signed JSON
 * to one URL, for systems that have no dedicated connector. Receivers verify the signature
 * header over the exact body bytes and deduplicate on {@code X-Backorder-Delivery-Id}, which
 * stays the same across retries.
 */
@Extension
public final class WebhookConnector implements Connector {

  /** This plugin's version, written into the jar at build time. */
  static final String VERSION = readVersion();

  static final String USER_AGENT = "BackorderGateway-Webhook/" + VERSION;

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "webhook",
      "Signed JSON webhook",
      WebhookSettings.SPECS,
      new RateLimit(10, 10),
      EnumSet.of(Capability.IDEMPOTENCY_KEY, Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    Objects.requireNonNull(settings, "settings is null");
    Objects.requireNonNull(context, "context is null");
    WebhookSettings webhook = WebhookSettings.from(settings);
    context.logger().info("posting signed JSON to {} (signature in {})", webhook.receiver(), webhook.signatureHeader());
    return new WebhookSession(webhook, context, USER_AGENT);
  }

  private static String readVersion() {
    try (InputStream in = WebhookConnector.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the webhook plugin");
      }
      Properties properties = new Properties();
      properties.load(in);
      return Objects.requireNonNull(properties.getProperty("version"), "version is null");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the webhook plugin's version", e);
    }
  }
}
