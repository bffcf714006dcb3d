package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.WebhookSignatures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One configured webhook: signs the JSON body with the instance's secret and POSTs it through the
 * host's HTTP client. Holds no mutable state, so concurrent deliveries are safe.
 */
final class WebhookSession implements ConnectorSession {

  private final WebhookSettings settings;
  private final ConnectorContext context;
  private final String userAgent;

  WebhookSession(WebhookSettings settings, ConnectorContext context, String userAgent) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    byte[] body = WebhookPayload.of(notification);
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json")
        .header("User-Agent", userAgent)
        .header(WebhookSettings.DELIVERY_ID_HEADER, notification.deliveryId())
        .header(settings.signatureHeader(), WebhookSignatures.hmacSha256Base64(settings.signingSecret(), body));
    settings.headers().forEach(header -> request.header(header.name(), header.value()));

    HttpResponse<String> response = context.http().send(request.build());
    context.logger().debug("delivery {} to {}: HTTP {}", notification.deliveryId(), settings.receiver(),
        response.statusCode());
    return WebhookAnswers.receipt(settings.receiver(), response, notification.deliveryId(), context.clock());
  }

  @Override
  public String toString() {
    return "WebhookSession[" + context.instanceId() + " → " + settings.receiver() + "]";
  }
}
