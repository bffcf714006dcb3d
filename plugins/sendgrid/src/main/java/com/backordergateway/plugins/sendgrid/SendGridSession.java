package com.backordergateway.plugins.sendgrid;

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
 * One configured SendGrid sender: emails each customer notification with one Mail Send call,
 * authenticated with the API key as a Bearer token. Staff notifications are refused: this
 * instance writes to customers, and staff alerts belong in a staff channel. Holds no mutable
 * state, so concurrent deliveries are safe.
 */
final class SendGridSession implements ConnectorSession {

  private final SendGridSettings settings;
  private final ConnectorContext context;
  private final String userAgent;

  SendGridSession(SendGridSettings settings, ConnectorContext context, String userAgent) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    if (notification.audience() != Notification.Audience.CUSTOMER) {
      throw new PermanentDeliveryException("sendgrid emails customers only; instance " + context.instanceId()
          + " got a " + notification.audience() + " " + notification.purpose()
          + " notification: route staff alerts to a staff channel (Slack, Teams, tickets)");
    }
    byte[] body = MailSendPayload.of(notification, settings);
    HttpRequest request = HttpRequest.newBuilder(settings.mailSendUrl())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + settings.apiKey())
        .header("User-Agent", userAgent)
        .build();

    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} to SendGrid {}: HTTP {}", notification.deliveryId(), settings.host(),
        response.statusCode());
    return SendGridAnswers.receipt(response, settings.apiKey(), context.clock());
  }

  @Override
  public String toString() {
    return "SendGridSession[" + context.instanceId() + " → " + settings.host() + ", from " + settings.fromEmail()
        + settings.templateId().map(id -> ", template " + id).orElse("") + "]";
  }
}
