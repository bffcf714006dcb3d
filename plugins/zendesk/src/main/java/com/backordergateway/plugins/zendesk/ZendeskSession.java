package com.backordergateway.plugins.zendesk;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.support.FollowUps;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One configured Zendesk account. The first notification of a case opens a ticket (the customer's
 * for each affected order, or one internal ticket for staff) with the delivery id as
 * {@code Idempotency-Key}, so a retried creation never opens a second ticket; its id is the
 * receipt's reference. The case's follow-ups (ETA corrections, resolutions) carry that reference
 * and become comments on the same ticket. When that ticket was deleted or closed meanwhile, a new
 * ticket is opened (following up the closed one) and the receipt's note says so.
 *
 * <p>Holds no mutable state, so concurrent deliveries are safe.
 */
final class ZendeskSession implements ConnectorSession {

  private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,17}");

  private final ZendeskSettings settings;
  private final ConnectorContext context;

  ZendeskSession(ZendeskSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Optional<String> previous = FollowUps.recordOf(notification, TICKET_ID, "Zendesk ticket", context);
    if (previous.isEmpty()) {
      return open(notification, OptionalLong.empty());
    }
    String ticket = previous.get();
    HttpResponse<String> answer = send(request(settings.ticketUrl(ticket))
        .PUT(context.json().body(TicketPayload.update(notification, settings)))
        .build());
    if (ZendeskAnswers.ticketNotFound(answer)) {
      DeliveryReceipt opened = open(notification, OptionalLong.empty());
      context.logger().warn("delivery {}: Zendesk ticket {} was not found; opened ticket {}", notification.deliveryId(),
          ticket, opened.externalId());
      return opened.withNote("ticket " + ticket + " was not found on Zendesk; opened ticket " + opened.externalId());
    }
    if (ZendeskAnswers.ticketClosed(answer)) {
      DeliveryReceipt opened = open(notification, OptionalLong.of(Long.parseLong(ticket)));
      context.logger().info("delivery {}: Zendesk ticket {} is closed; opened follow-up ticket {}",
          notification.deliveryId(), ticket, opened.externalId());
      return opened.withNote("ticket " + ticket + " is closed on Zendesk; opened follow-up ticket " + opened.externalId());
    }
    ZendeskAnswers.ZENDESK.check(answer, context.clock());
    return new DeliveryReceipt(ticket, ticket);
  }

  /** Creates a ticket; the delivery id is the idempotency key, so a retry returns the same ticket. */
  private DeliveryReceipt open(Notification notification, OptionalLong followUpOf) throws DeliveryException {
    HttpResponse<String> answer = send(request(settings.ticketsUrl())
        .POST(context.json().body(TicketPayload.create(notification, settings, followUpOf)))
        .header("Idempotency-Key", notification.deliveryId())
        .build());
    String ticket = ZendeskAnswers.ticketId(ZendeskAnswers.ZENDESK.check(answer, context.clock()));
    return new DeliveryReceipt(ticket, ticket);
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", settings.authorization());
  }

  private HttpResponse<String> send(HttpRequest request) throws DeliveryException {
    HttpResponse<String> answer = context.http().send(request);
    context.logger().debug("Zendesk {} {}: HTTP {}", request.method(), request.uri().getPath(), answer.statusCode());
    return answer;
  }

  @Override
  public String toString() {
    return "ZendeskSession[" + context.instanceId() + " → " + settings.host() + ", signed in as "
        + settings.signedInAs() + "]";
  }
}
