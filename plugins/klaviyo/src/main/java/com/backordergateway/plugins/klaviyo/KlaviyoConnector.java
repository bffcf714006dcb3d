package com.backordergateway.plugins.klaviyo;

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
 * The Klaviyo connector (type {@code klaviyo}): records customer backorder notices as Klaviyo
 * events ("Backorder Created", "Backorder ETA Changed", "Backorder Resolved") on the customer's
 * profile, with the facts and the rendered text as event properties, so the retailer's Klaviyo
 * flows send the email or SMS. The delivery id is the event's {@code unique_id}, Klaviyo's
 * deduplication key.
 */
@Extension
public final class KlaviyoConnector implements Connector {

  /**
   * Create Event is an XL endpoint: burst 350/s, steady 3500/min, in fixed windows, per account
   * and shared by every private-key integration of that account (developers.klaviyo.com,
   * reference "Create Event" and guide "Rate limits, status codes, and errors"). A token bucket
   * lets through at most {@code burst + rate × window} in a window, so 53/s with a burst of 297
   * keeps both windows: 297 + 53 = 350 per second, 297 + 53 × 60 = 3477 per minute.
   */
  static final RateLimit RATE_LIMIT = new RateLimit(53, 297);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "klaviyo",
      "Klaviyo events",
      KlaviyoSettings.SPECS,
      RATE_LIMIT,
      EnumSet.of(Capability.IDEMPOTENCY_KEY, Capability.CUSTOMER_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    KlaviyoSettings klaviyo = KlaviyoSettings.from(settings);
    context.logger().info("recording Klaviyo events at {} (revision {})", klaviyo.host(), klaviyo.revision());
    return new KlaviyoSession(klaviyo, context);
  }
}
