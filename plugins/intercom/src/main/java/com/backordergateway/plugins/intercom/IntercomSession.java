package com.backordergateway.plugins.intercom;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformResponses;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One configured Intercom workspace: submits each customer notification as a data event on the
 * customer's Intercom user ({@code POST /events}), which the retailer's Intercom series or
 * event-triggered messages act on. The host sends it customer notices only (the connector
 * declares no staff audience). Holds no mutable state, so concurrent deliveries are safe.
 */
final class IntercomSession implements ConnectorSession {

  private final IntercomSettings settings;
  private final ConnectorContext context;
  private final PlatformResponses answers;

  IntercomSession(IntercomSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.answers = IntercomAnswers.on(context.clock());
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    String eventName = settings.eventFor(notification.purpose());
    IntercomUser user = IntercomUser.of(notification.recipient(), notification.deliveryId());
    HttpRequest request = HttpRequest.newBuilder(settings.eventsEndpoint())
        .POST(context.json().body(IntercomEvent.of(notification, user, eventName, context.clock().instant())))
        .header("Authorization", "Bearer " + settings.accessToken())
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("Intercom-Version", settings.intercomVersion())
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} as Intercom event '{}' by {}: HTTP {}", notification.deliveryId(), eventName,
        user.field(), response.statusCode());
    answers.check(response, context.clock());
    // Intercom returns no event id; the event carries the delivery id as its delivery_id metadata.
    return new DeliveryReceipt(notification.deliveryId(), "");
  }

  @Override
  public String toString() {
    return "IntercomSession[" + context.instanceId() + " → " + settings.host() + ", version "
        + settings.intercomVersion() + "]";
  }
}
