package com.backordergateway.plugins.mailchimptransactional;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One configured Mailchimp Transactional template: emails each customer notification with one
 * send-template call whose JSON body carries the API key (the API has no auth header). Staff
 * notifications are refused: this instance writes to customers, and staff alerts belong in a
 * staff channel. Holds no mutable state, so concurrent deliveries are safe.
 */
final class MandrillSession implements ConnectorSession {

  private final MandrillSettings settings;
  private final ConnectorContext context;
  private final String userAgent;

  MandrillSession(MandrillSettings settings, ConnectorContext context, String userAgent) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    if (notification.audience() != Notification.Audience.CUSTOMER) {
      throw new PermanentDeliveryException("mailchimp-transactional emails customers only; instance "
          + context.instanceId() + " got a " + notification.audience() + " " + notification.purpose()
          + " notification: route staff alerts to a staff channel (Slack, Teams, tickets)");
    }
    byte[] body = SendTemplatePayload.of(notification, settings);
    HttpRequest request = HttpRequest.newBuilder(settings.sendTemplateUrl())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json")
        .header("User-Agent", userAgent)
        .build();

    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} to Mailchimp Transactional {}: HTTP {}", notification.deliveryId(),
        settings.host(), response.statusCode());
    return MandrillAnswers.receipt(response, notification.recipient().email().strip(), settings.apiKey(),
        context.clock());
  }

  @Override
  public String toString() {
    return "MandrillSession[" + context.instanceId() + " → " + settings.host() + ", template " + settings.templateName()
        + "]";
  }
}
