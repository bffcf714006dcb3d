package com.backordergateway.plugins.sendgrid;

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
 * The SendGrid connector (type {@code sendgrid}): emails customers about their backordered items
 * through SendGrid's v3 Mail Send API, either as the gateway rendered them or through a dynamic
 * template that receives the rendered text and the facts. Customers only; SendGrid has no
 * idempotency key for Mail Send and a sent email cannot be edited, so neither capability is
 * declared.
 */
@Extension
public final class SendGridConnector implements Connector {

  /**
   * Ten requests a second. SendGrid publishes no fixed number for {@code /v3/mail/send}: its
   * "Rate Limits" page says each endpoint has its own limit per refresh period, announced in
   * {@code X-RateLimit-Limit/-Remaining/-Reset} and enforced with 429. The one default it
   * documents is 600 requests per minute per user (SendGrid changelog, 10 Oct 2019), which this
   * follows; a 429 still makes the host wait until the announced reset.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(10, 10);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "sendgrid", "SendGrid email", SendGridSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    SendGridSettings sendGrid = SendGridSettings.from(settings);
    context.logger().info("emailing customers through SendGrid {} from {} ({})", sendGrid.host(), sendGrid.fromEmail(),
        sendGrid.templateId().map(id -> "dynamic template " + id).orElse("rendered text"));
    return new SendGridSession(sendGrid, context);
  }
}
