package com.backordergateway.plugins.mailchimptransactional;

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
 * The Mailchimp Transactional (Mandrill) connector (type {@code mailchimp-transactional}): emails
 * customers about their backordered items through {@code messages/send-template}, with the
 * gateway's rendered text and the facts as merge variables of a template kept in Mailchimp
 * Transactional. Customers only; the API has no idempotency key and a sent email cannot be
 * edited, so neither capability is declared.
 */
@Extension
public final class MailchimpTransactionalConnector implements Connector {

  /**
   * Ten requests a second. Mailchimp Transactional documents no request rate for sending: how
   * much goes out is set by the account's hourly quota, which follows its sending reputation,
   * and mail over the quota is accepted and held in a backlog ("queued"), not refused (Mailchimp
   * developer docs, Transactional › Outbound Email › The backlog). The gateway only needs a pace
   * that does not flood the backlog; a 429 still makes it wait.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(10, 10);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "mailchimp-transactional", "Mailchimp Transactional (Mandrill) email", MandrillSettings.SPECS,
      DEFAULT_RATE_LIMIT, EnumSet.of(Capability.CUSTOMER_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    MandrillSettings mandrill = MandrillSettings.from(settings);
    context.logger().info("emailing customers through Mailchimp Transactional {} with template {} ({} merge tags)",
        mandrill.host(), mandrill.templateName(), mandrill.mergeLanguage());
    return new MandrillSession(mandrill, context);
  }
}
