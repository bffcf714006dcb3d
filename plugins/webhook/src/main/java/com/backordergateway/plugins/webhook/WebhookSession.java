package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.WebhookSignatures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One configured webhook: signs the JSON body with the instance's secret and POSTs it through the
 * host's HTTP client. The receiver's answer is read by the standard rules (2xx delivered; 429 and
 * 5xx retryable, honouring Retry-After; any other status, redirects included, permanent with the
 * receiver's text). On success the receipt carries the receiver's own id when its body is a JSON
 * object with a string or number {@code id}, else the delivery id (which the receiver got as
 * {@code X-Backorder-Delivery-Id}). Holds no mutable state, so concurrent deliveries are safe.
 */
final class WebhookSession implements ConnectorSession {

  private final WebhookSettings settings;
  private final ConnectorContext context;
  private final PlatformResponses receiver;

  WebhookSession(WebhookSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.receiver = PlatformResponses.of("webhook receiver " + settings.receiver());
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    byte[] body = WebhookPayload.of(notification);
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json")
        .header(WebhookSettings.DELIVERY_ID_HEADER, notification.deliveryId())
        .header(settings.signatureHeader(), WebhookSignatures.hmacSha256Base64(settings.signingSecret(), body));
    settings.headers().forEach(header -> request.header(header.name(), header.value()));

    HttpResponse<String> response = context.http().send(request.build());
    context.logger().debug("delivery {} to {}: HTTP {}", notification.deliveryId(), settings.receiver(),
        response.statusCode());
    receiver.check(response, context.clock());
    return DeliveryReceipt.of(context.json().text(response.body(), "id").orElse(notification.deliveryId()));
  }

  @Override
  public String toString() {
    return "WebhookSession[" + context.instanceId() + " → " + settings.receiver() + "]";
  }
}
