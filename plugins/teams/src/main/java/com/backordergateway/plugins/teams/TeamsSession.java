package com.backordergateway.plugins.teams;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One configured Teams channel: POSTs each staff notification as an Adaptive Card to the
 * webhook URL through the host's HTTP client. A webhook cannot edit what it posted, so receipts
 * carry no reference and follow-ups are new cards. Stateless, so concurrent deliveries are safe.
 */
final class TeamsSession implements ConnectorSession {

  private final TeamsSettings settings;
  private final ConnectorContext context;

  TeamsSession(TeamsSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(settings.webhookUrl())
        .POST(context.json().body(TeamsCard.of(notification)))
        .header("Content-Type", "application/json; charset=utf-8")
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} to the Teams webhook on {}: HTTP {}", notification.deliveryId(),
        settings.host(), response.statusCode());
    return TeamsAnswers.receipt(response, notification.deliveryId(), context.clock());
  }

  @Override
  public String toString() {
    return "TeamsSession[" + context.instanceId() + " → " + settings.host() + "]";
  }
}
