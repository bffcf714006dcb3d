package com.backordergateway.plugins.zapier;

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
 * The Zapier connector (type {@code zapier}): every delivery, to customers and staff alike, as one
 * flat JSON payload to a Zap's Catch Hook, so a multi-step Zap (Gmail, SMS, a CRM update) takes
 * it from there.
 */
@Extension
public final class ZapierConnector implements Connector {

  /**
   * Ten deliveries a second, bursts of twenty: 3,000 in 5 minutes, inside the 10,000 requests per
   * 5 minutes Zapier takes from one user's hooks ("Webhooks by Zapier rate limits"), leaving room
   * for the merchant's other Zaps. Legacy hook URLs without the account number in their path
   * take 1,000 per 5 minutes per Zap: set {@code rate-per-second: 3} for those.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(10, 20);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("zapier",
      "Zapier Catch Hook (flat JSON per delivery)", ZapierSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    ZapierSettings zapier = ZapierSettings.from(settings);
    context.logger().info("posting every delivery to a Zapier Catch Hook on {}", zapier.host());
    return new ZapierSession(zapier, context);
  }

  @Override
  public String toString() {
    return "ZapierConnector";
  }
}
