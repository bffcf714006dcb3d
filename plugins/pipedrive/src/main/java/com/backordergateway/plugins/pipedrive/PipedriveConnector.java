package com.backordergateway.plugins.pipedrive;

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
 * The Pipedrive connector (type {@code pipedrive}): the deal of a backordered order gets the
 * Backorder label, a note and an activity for its owner; the case's follow-ups update the same
 * deal and activity ({@link Capability#UPDATE_IN_PLACE}). Customers' orders only: deals are per
 * order, so a route that sends it staff alerts stops start-up.
 */
@Extension
public final class PipedriveConnector implements Connector {

  /**
   * Two deliveries a second, bursts of four: a delivery makes four to six calls, well inside the
   * burst limit Pipedrive sets per user in 2-second windows on every plan; {@link RequestPacing}
   * waits out a window the answers say is used up, and stops writing when the day's budget is.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(2, 4);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("pipedrive",
      "Pipedrive deal labels, notes and owner activities", PipedriveSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.UPDATE_IN_PLACE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    PipedriveSettings pipedrive = PipedriveSettings.from(settings);
    context.logger().info("labelling Pipedrive deals on {} with {} (order in field {})", pipedrive.host(),
        pipedrive.signIn(), pipedrive.orderFieldKey());
    return new PipedriveSession(pipedrive, context);
  }

  @Override
  public String toString() {
    return "PipedriveConnector";
  }
}
