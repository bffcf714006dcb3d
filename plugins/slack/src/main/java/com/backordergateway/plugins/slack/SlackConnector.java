package com.backordergateway.plugins.slack;

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
 * The Slack connector (type {@code slack}): staff alerts as Block Kit messages, either through an
 * incoming webhook (the URL is the credential, bound to one channel) or as a bot with a token,
 * which posts with {@code chat.postMessage} and puts follow-ups for a case in the thread of its
 * first message. Exactly one of the two modes is configured per instance. The host sends it
 * staff notifications only (the connector declares no customer audience).
 */
@Extension
public final class SlackConnector implements Connector {

  /**
   * Slack allows "1 message per second per channel, short bursts allowed" for chat.postMessage
   * and incoming webhooks alike (docs.slack.dev/apis/web-api/rate-limits, "Posting messages").
   * An instance posts to one channel, so one per second is its whole budget.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = RateLimit.perSecond(1);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("slack", "Slack", SlackSettings.SPECS,
      DEFAULT_RATE_LIMIT, EnumSet.of(Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    SlackSettings slack = SlackSettings.from(settings);
    context.logger().info("posting staff alerts to Slack: {}", slack.destination());
    return switch (slack.mode()) {
      case INCOMING_WEBHOOK -> new SlackWebhookSession(slack, context);
      case BOT_TOKEN -> new SlackBotSession(slack, context);
    };
  }
}
