package com.backordergateway.plugins.teams;

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
 * The Microsoft Teams connector (type {@code teams}): staff alerts as Adaptive Cards POSTed to a
 * channel's webhook — a legacy Office 365 connector URL ({@code *.webhook.office.com}) or a
 * Workflows URL ({@code *.logic.azure.com}, {@code *.powerplatform.com}). Both take the same
 * message envelope; their answers differ and are told apart by their shape ({@link TeamsAnswers}).
 * The host sends it staff notifications only (the connector declares no customer audience).
 */
@Extension
public final class TeamsConnector implements Connector {

  /**
   * Teams throttles connector and incoming-webhook posts per channel in fixed windows: 4 requests
   * in 1 s, 60 in 30 s, 100 in an hour, 1,800 in a day (learn.microsoft.com, "Create and send
   * messages", section "Rate limiting for connectors"). A burst of 4 matches the 1 s window and
   * 2 per second the 30 s window; the hourly and daily caps are for operators to respect with a
   * coalescing window on their staff routes. Workflows URLs allow more, so this suits both kinds.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(2, 4);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "teams", "Microsoft Teams", TeamsSettings.SPECS, DEFAULT_RATE_LIMIT, EnumSet.of(Capability.STAFF_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    TeamsSettings teams = TeamsSettings.from(settings);
    context.logger().info("posting staff alerts as Adaptive Cards to the Teams webhook on {}", teams.host());
    return new TeamsSession(teams, context);
  }
}
