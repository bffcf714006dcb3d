package com.backordergateway.plugins.trello;

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
 * The Trello connector (type {@code trello}): a card per backorder case on the board's Backorder
 * list, which notifies the board's members (and the configured ones); the case's follow-ups
 * comment on the same card, and the resolution moves it to the Resolved list.
 */
@Extension
public final class TrelloConnector implements Connector {

  /**
   * Three deliveries a second, bursts of ten: up to nine requests a second, inside the 100 per
   * 10 seconds Trello takes per token (300 per key), which the token's request window also keeps across
   * instances sharing a token.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(3, 10);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("trello",
      "Trello cards on a Backorder list, follow-ups as comments", TrelloSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    TrelloSettings trello = TrelloSettings.from(settings);
    context.logger().info("creating Trello cards on list {} via {}; resolved cards go to list {}{}",
        trello.backorderList(), trello.host(), trello.resolvedList(), trello.archiveOnResolution() ? ", archived" : "");
    return new TrelloSession(trello, context);
  }

  @Override
  public String toString() {
    return "TrelloConnector";
  }
}
