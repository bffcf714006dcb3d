package com.backordergateway.plugins.freshdesk;

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
 * The Freshdesk connector (type {@code freshdesk}): one helpdesk ticket per backorder case and
 * audience — the customer as requester for customer notices, a configured staff address for staff
 * alerts — assigned to the product team that owns the SKU, with later news (a new date, the
 * resolution) added to the same ticket as notes. Freshdesk has no idempotency key for tickets, so
 * only the update in place is declared besides both audiences.
 */
@Extension
public final class FreshdeskConnector implements Connector {

  /**
   * One delivery a second, bursts of five. Freshdesk limits calls per account, whatever the key or
   * address ("Rate limit", developers.freshdesk.com/api; support article 225439): per minute, Growth
   * 200 calls of which at most 80 ticket creations and 80 updates, Pro 400 (160 / 160), Enterprise
   * 700 (280 / 280); trial accounts 50. Sixty deliveries a minute, each one or two calls, stay under
   * the smallest paid plan's limits and leave room for the account's other apps, which share them.
   * Trial accounts: set the instance's rate to 0.4 a second.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(1, 5);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "freshdesk", "Freshdesk tickets", FreshdeskSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    FreshdeskSettings freshdesk = FreshdeskSettings.from(settings);
    context.logger().info("opening Freshdesk tickets on {} (status {}, priority {}, {}; staff requester {})",
        freshdesk.host(), freshdesk.status(), freshdesk.priority(), freshdesk.routing(),
        freshdesk.staffRequester().orElse("not set"));
    return new FreshdeskSession(freshdesk, context);
  }
}
