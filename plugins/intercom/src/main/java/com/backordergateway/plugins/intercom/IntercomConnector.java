package com.backordergateway.plugins.intercom;

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
 * The Intercom connector (type {@code intercom}): submits customer backorder notices as Intercom
 * data events ({@code backorder-created}, {@code backorder-eta-changed},
 * {@code backorder-resolved}) on the customer's user, with the key facts and the rendered notice
 * as event metadata, so the retailer's Intercom messages and series reach the customer.
 *
 * <p>No idempotency key: Intercom deduplicates events only on user, event name and
 * {@code created_at}, which a retry (a later second) does not repeat.
 */
@Extension
public final class IntercomConnector implements Connector {

  /**
   * Private apps: 10,000 API calls per minute per app (and 25,000 per workspace), spread over
   * 10-second windows of 1,666 (developers.intercom.com, REST API reference "Rate Limiting"). A
   * token bucket lets through at most {@code burst + rate × 10 s} in such a window, so 150/s
   * with a burst of 166 stays inside it: 166 + 1500 = 1666.
   */
  static final RateLimit RATE_LIMIT = new RateLimit(150, 166);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "intercom",
      "Intercom data events",
      IntercomSettings.SPECS,
      RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    IntercomSettings intercom = IntercomSettings.from(settings);
    context.logger().info("submitting Intercom data events to {} (Intercom-Version {})", intercom.host(),
        intercom.intercomVersion());
    return new IntercomSession(intercom, context);
  }
}
