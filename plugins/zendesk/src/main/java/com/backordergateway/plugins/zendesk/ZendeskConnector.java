package com.backordergateway.plugins.zendesk;

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
 * The Zendesk connector (type {@code zendesk}): a Zendesk Support ticket per backordered order,
 * requested by the customer, and an internal ticket per case when a route sends it staff alerts.
 * Follow-ups of a case become comments on its ticket ({@link Capability#UPDATE_IN_PLACE}), and
 * tickets are created with the delivery id as Zendesk's {@code Idempotency-Key}
 * ({@link Capability#IDEMPOTENCY_KEY}).
 */
@Extension
public final class ZendeskConnector implements Connector {

  /**
   * Three requests a second, bursts of five: at most 185 a minute. Zendesk limits API requests per
   * account and minute by plan (developer.zendesk.com/api-reference/introduction/rate-limits:
   * Suite Team and Support Team 200, Growth and Professional 400, Enterprise 700, Enterprise Plus
   * or the High Volume add-on 2,500), shared with every other integration of the account; this
   * stays under the smallest current plan. Raise it per instance on larger plans; a 429 makes the
   * host wait for Zendesk's {@code Retry-After} in any case.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(3, 5);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("zendesk", "Zendesk Support tickets",
      ZendeskSettings.SPECS, DEFAULT_RATE_LIMIT, EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE,
          Capability.UPDATE_IN_PLACE, Capability.IDEMPOTENCY_KEY));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    ZendeskSettings zendesk = ZendeskSettings.from(settings);
    context.logger().info("opening Zendesk tickets on {} signed in as {}", zendesk.host(), zendesk.signedInAs());
    return new ZendeskSession(zendesk, context);
  }
}
