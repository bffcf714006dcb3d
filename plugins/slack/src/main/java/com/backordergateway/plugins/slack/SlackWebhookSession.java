package com.backordergateway.plugins.slack;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * Incoming-webhook mode: POSTs the message to the webhook URL, which is bound to one channel.
 * Slack gives no message id and a webhook cannot reply in a thread, so the receipt carries the
 * delivery id and no reference: each follow-up is a new message in the channel. Stateless, so
 * concurrent deliveries are safe.
 */
final class SlackWebhookSession implements ConnectorSession {

  private final SlackSettings settings;
  private final ConnectorContext context;

  SlackWebhookSession(SlackSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(settings.webhookUrl())
        .POST(context.json().body(SlackMessage.of(notification)))
        .header("Content-Type", "application/json; charset=utf-8")
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} to the Slack incoming webhook: HTTP {}", notification.deliveryId(),
        response.statusCode());
    SlackAnswers.WEBHOOK.check(response, context.clock());
    return new DeliveryReceipt(notification.deliveryId(), "");
  }

  @Override
  public String toString() {
    return "SlackWebhookSession[" + context.instanceId() + " → " + settings.destination() + "]";
  }
}
