package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.RateLimit;
import java.util.EnumSet;
import org.pf4j.Extension;

/**
 * The generic webhook connector (type {@code webhook}): POSTs each notification as signed JSON
 * to one URL, for systems that have no dedicated connector. Receivers verify the signature
 * header over the exact body bytes and deduplicate on {@code X-Backorder-Delivery-Id}, which
 * stays the same across retries. It serves customers and staff alike: the receiver decides what
 * to do with each audience.
 */
@Extension
public final class WebhookConnector implements Connector {

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
    WebhookSettings webhook = WebhookSettings.from(settings);
    context.logger().info("posting signed JSON to {} (signature in {})", webhook.receiver(), webhook.signatureHeader());
    return new WebhookSession(webhook, context);
  }
}
