package com.backordergateway.plugins.salesforce;

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
 * The Salesforce connector (type {@code salesforce}): for each backordered order, a Chatter post
 * on the Salesforce Order for the sales team and a follow-up Task on it; the case's follow-ups move
 * or complete that Task and post on the same Order ({@link Capability#UPDATE_IN_PLACE}). Staff
 * notices are posted on a configured Chatter group or record.
 */
@Extension
public final class SalesforceConnector implements Connector {

  /**
   * One delivery a second, bursts of five. Salesforce has no per-second limit: an org has a rolling
   * 24-hour allocation of API calls (Enterprise Edition 100,000 plus 1,000 per licence), shared
   * with every other integration, and at most 25 calls of 20 s or more at a time (Salesforce
   * Developer Limits and Allocations Quick Reference, "API Request Limits and Allocations"). A
   * delivery takes two or three calls (the token call does not count), so this keeps a burst of
   * backorders from eating the org's allocation; {@code 403 REQUEST_LIMIT_EXCEEDED} waits
   * {@code limit-wait} in any case.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(1, 5);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("salesforce",
      "Salesforce Chatter posts and follow-up Tasks", SalesforceSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    SalesforceSettings salesforce = SalesforceSettings.from(settings);
    context.logger().info("opening Salesforce posts and Tasks on {} ({} flow, API {})", salesforce.host(),
        salesforce.flow(), salesforce.apiVersion());
    return new SalesforceSession(salesforce, context);
  }

  @Override
  public String toString() {
    return "SalesforceConnector";
  }
}
