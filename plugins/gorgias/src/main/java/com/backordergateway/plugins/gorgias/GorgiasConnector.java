package com.backordergateway.plugins.gorgias;

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
 * The Gorgias connector (type {@code gorgias}): opens a helpdesk ticket for each backordered
 * order and emails the customer from it, so the shop's support team has the conversation in
 * one place; staff alerts become internal notes on a ticket per case. Follow-ups (new dates,
 * resolutions) go on the same ticket, which the first delivery's receipt names.
 */
@Extension
public final class GorgiasConnector implements Connector {

  /**
   * 0.4 deliveries a second, no burst. Gorgias allows an API key 40 requests per 20 s (a leaky
   * bucket: 2 a second, bursts to 40; "Rate Limits", developers.gorgias.com). The host paces
   * deliveries, not requests, and one delivery makes up to four (look the ticket up, open it,
   * email the customer, close it): at most 9 deliveries start in any 20 s, 36 requests, which
   * leaves room for a delivery that began just before the window. A 429 still waits for its
   * {@code Retry-After}.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(0.4, 1);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "gorgias", "Gorgias helpdesk", GorgiasSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    GorgiasSettings gorgias = GorgiasSettings.from(settings);
    context.logger().info("opening Gorgias tickets on {} as {}; customers {} from {}; resolutions {} the ticket",
        gorgias.host(), gorgias.email(), gorgias.proactiveEmail() ? "are emailed" : "are not emailed (suggested replies)",
        gorgias.supportEmail(), gorgias.closeOnResolution() ? "close" : "leave open");
    return new GorgiasSession(gorgias, context);
  }
}
