package com.backordergateway.plugins.klaviyo;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One configured Klaviyo account: records each customer notification as an event on the
 * customer's profile ({@code POST /api/events}), which a Klaviyo flow triggered by the metric
 * turns into an email or SMS. The host sends it customer notices only (the connector declares no
 * staff audience). Holds no mutable state, so concurrent deliveries are safe.
 */
final class KlaviyoSession implements ConnectorSession {

  static final String JSON_API = "application/vnd.api+json";

  private final KlaviyoSettings settings;
  private final ConnectorContext context;

  KlaviyoSession(KlaviyoSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    String metric = settings.metricFor(notification.purpose());
    KlaviyoProfile profile = KlaviyoProfile.of(notification.recipient(), notification.deliveryId());
    HttpRequest request = HttpRequest.newBuilder(settings.eventsEndpoint())
        .POST(context.json().body(KlaviyoEvent.of(notification, profile, metric, context.clock().instant())))
        .header("Authorization", "Klaviyo-API-Key " + settings.privateApiKey())
        .header("revision", settings.revision())
        .header("Content-Type", JSON_API)
        .header("Accept", JSON_API)
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} as Klaviyo metric '{}': HTTP {}", notification.deliveryId(), metric,
        response.statusCode());
    KlaviyoAnswers.RULES.check(response, context.clock());
    // Klaviyo returns no event id; it knows the event by its unique_id, the delivery id.
    return new DeliveryReceipt(notification.deliveryId(), "");
  }

  @Override
  public String toString() {
    return "KlaviyoSession[" + context.instanceId() + " → " + settings.host() + ", revision " + settings.revision() + "]";
  }
}
