package com.backordergateway.plugins.twilio;

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
 * The Twilio SMS connector (type {@code twilio}): texts customers about their backordered items
 * through Twilio Programmable Messaging ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}).
 * Customers only; Twilio has no idempotency key for messages and an SMS cannot be edited, so
 * neither capability is declared.
 */
@Extension
public final class TwilioConnector implements Connector {

  /**
   * One message per second. Twilio sends from a US long code at one message segment per second
   * and queues the rest per sender (errors 21611 and 30001 in Twilio's error dictionary: "a US long
   * code number can send one message segment per second"); queued messages expire after the
   * validity period. Keeping to that rate keeps the queue, and so the delay, short. Operators
   * sending from a short code, toll-free number or a Messaging Service pool raise it per instance.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(1, 1);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "twilio", "Twilio SMS", TwilioSettings.SPECS, DEFAULT_RATE_LIMIT, EnumSet.of(Capability.CUSTOMER_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    TwilioSettings twilio = TwilioSettings.from(settings);
    context.logger().info("texting customers through Twilio {} (account {}, {} {})", twilio.host(),
        twilio.accountSid(), twilio.sender().parameter(), twilio.sender().value());
    return new TwilioSession(twilio, context);
  }
}
