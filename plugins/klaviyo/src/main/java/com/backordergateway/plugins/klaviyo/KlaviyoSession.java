package com.backordergateway.plugins.klaviyo;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One configured Klaviyo account: records each customer notification as an event on the
 * customer's profile ({@code POST /api/events}), which a Klaviyo flow triggered by the metric
 * turns into an email or SMS. Holds no mutable state, so concurrent deliveries are safe.
 */
final class KlaviyoSession implements ConnectorSession {

  static final String JSON_API = "application/vnd.api+json";

  private final KlaviyoSettings settings;
  private final ConnectorContext context;
  private final String userAgent;
  private final URI endpoint;

  KlaviyoSession(KlaviyoSettings settings, ConnectorContext context, String userAgent) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
    this.endpoint = settings.eventsEndpoint();
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    String metric = settings.metricFor(notification.purpose()).orElseThrow(() -> new PermanentDeliveryException(
        "delivery " + notification.deliveryId() + ": Klaviyo records customer events only; "
            + KlaviyoEvent.kebab(notification.purpose()) + " messages belong on a staff channel"));
    KlaviyoProfile profile = KlaviyoProfile.of(notification.recipient(), notification.deliveryId());
    byte[] body = KlaviyoEvent.of(notification, profile, metric, context.clock().instant());

    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Authorization", "Klaviyo-API-Key " + settings.privateApiKey())
        .header("revision", settings.revision())
        .header("Content-Type", JSON_API)
        .header("Accept", JSON_API)
        .header("User-Agent", userAgent)
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} as Klaviyo metric '{}': HTTP {}", notification.deliveryId(), metric,
        response.statusCode());
    return KlaviyoAnswers.receipt(response, notification.deliveryId(), context.clock());
  }

  @Override
  public String toString() {
    return "KlaviyoSession[" + context.instanceId() + " → " + settings.host() + ", revision " + settings.revision() + "]";
  }
}
