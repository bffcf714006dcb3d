package com.backordergateway.plugins.hubspot;

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
 * The HubSpot connector (type {@code hubspot}): writes a customer's backorder onto their HubSpot
 * contact (status, SKU, expected date, case, order and optionally the product and the rendered
 * message), so the merchant's workflow, triggered when the status property changes, sends the
 * customer the merchant's templated email; optionally a custom event on the contact too.
 * Customers only; follow-ups update the same contact ({@link Capability#UPDATE_IN_PLACE}).
 *
 * <p>No idempotency key: HubSpot has none, and none is needed, as writing the same properties
 * twice leaves the contact as it was and does not trigger the workflow again.
 */
@Extension
public final class HubspotConnector implements Connector {

  /**
   * Four deliveries a second, bursts of ten: at most 50 in any 10 seconds, up to 100 requests
   * with the custom event. HubSpot limits each private app per account to 100 requests per
   * 10 seconds on Free and Starter (190 on Professional and Enterprise) and the account to
   * 250,000 a day or more (developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines);
   * a token bucket lets through at most {@code burst + rate × 10 s} in such a window. Raise it per
   * instance on larger plans; a 429 makes the host wait in any case.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(4, 10);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("hubspot", "HubSpot contact properties",
      HubspotSettings.SPECS, DEFAULT_RATE_LIMIT, EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.UPDATE_IN_PLACE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    HubspotSettings hubspot = HubspotSettings.from(settings);
    context.logger().info("writing HubSpot contact properties {} on {}{}", hubspot.contactProperties().values(),
        hubspot.host(), hubspot.eventName().map(name -> " with custom event " + name).orElse(""));
    return new HubspotSession(hubspot, context);
  }
}
