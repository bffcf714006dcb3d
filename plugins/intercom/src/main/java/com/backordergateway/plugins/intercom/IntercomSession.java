package com.backordergateway.plugins.intercom;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Objects;

/**
 * One configured Intercom workspace: submits each customer notification as a data event on the
 * customer's Intercom user ({@code POST /events}), which the retailer's Intercom series or
 * event-triggered messages act on. Holds no mutable state, so concurrent deliveries are safe.
 */
final class IntercomSession implements ConnectorSession {

  private final IntercomSettings settings;
  private final ConnectorContext context;
  private final String userAgent;
  private final URI endpoint;

  IntercomSession(IntercomSettings settings, ConnectorContext context, String userAgent) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
    this.endpoint = settings.eventsEndpoint();
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    String eventName = settings.eventFor(notification.purpose()).orElseThrow(() -> new PermanentDeliveryException(
        "delivery " + notification.deliveryId() + ": Intercom receives customer events only; "
            + notification.purpose().name().toLowerCase(Locale.ROOT).replace('_', '-')
            + " messages belong on a staff channel"));
    IntercomUser user = IntercomUser.of(notification.recipient(), notification.deliveryId());
    byte[] body = IntercomEvent.of(notification, user, eventName, context.clock().instant());

    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Authorization", "Bearer " + settings.accessToken())
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("Intercom-Version", settings.intercomVersion())
        .header("User-Agent", userAgent)
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} as Intercom event '{}' by {}: HTTP {}", notification.deliveryId(), eventName,
        user.field(), response.statusCode());
    return IntercomAnswers.receipt(response, notification.deliveryId(), context.clock());
  }

  @Override
  public String toString() {
    return "IntercomSession[" + context.instanceId() + " → " + settings.host() + ", version "
        + settings.intercomVersion() + "]";
  }
}
