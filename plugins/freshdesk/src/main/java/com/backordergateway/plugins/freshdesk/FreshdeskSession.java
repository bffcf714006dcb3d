package com.backordergateway.plugins.freshdesk;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.support.FollowUps;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured helpdesk. The first notification of a case opens a ticket, whose id is both the
 * receipt's external id and its reference; a follow-up (a new date, the resolution) whose previous
 * reference is that id becomes a note on the ticket, and a resolution first sets the ticket
 * resolved — before the note, so that a retry after a failed status change never posts the note
 * twice. A ticket deleted in the meantime (404) is replaced by a new ticket holding the follow-up,
 * and the receipt's note says so. Holds no mutable state, so concurrent deliveries are safe.
 */
final class FreshdeskSession implements ConnectorSession {

  private static final Pattern TICKET_ID = Pattern.compile("[0-9]{1,19}");

  private final FreshdeskSettings settings;
  private final ConnectorContext context;
  private final String authorization;

  FreshdeskSession(FreshdeskSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    // Freshdesk's API-key auth: Basic with the key as user name and any password ("X" by convention).
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((settings.apiKey() + ":X").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    boolean resolution = notification.purpose() == Purpose.RESOLUTION;
    Optional<String> ticket = FollowUps.recordOf(notification, TICKET_ID, "Freshdesk ticket", context);
    if (ticket.isEmpty()) {
      return DeliveryReceipt.of(open(notification, resolution ? TicketPayloads.RESOLVED : settings.status()));
    }
    String id = ticket.get();
    if (followUp(id, notification, resolution)) {
      return DeliveryReceipt.of(id);
    }
    String opened = open(notification, resolution ? TicketPayloads.RESOLVED : settings.status());
    context.logger().warn("delivery {}: ticket {} was not found on Freshdesk; opened ticket {}",
        notification.deliveryId(), id, opened);
    return DeliveryReceipt.of(opened).withNote("ticket " + id + " was not found on Freshdesk; opened ticket " + opened);
  }

  /** Resolves the ticket if asked, then adds the note; false when Freshdesk has no such ticket (404). */
  private boolean followUp(String id, Notification notification, boolean resolution) throws DeliveryException {
    ObjectNode note = TicketPayloads.note(notification);
    if (resolution && !onTicket(send("PUT", settings.ticketUrl(id), TicketPayloads.status(TicketPayloads.RESOLVED),
        notification))) {
      return false;
    }
    return onTicket(send("POST", settings.notesUrl(id), note, notification));
  }

  /** Whether a call on an existing ticket found it; other failures throw. */
  private boolean onTicket(HttpResponse<String> response) throws DeliveryException {
    if (response.statusCode() == 404) {
      return false;
    }
    FreshdeskAnswers.FRESHDESK.check(response, context.clock());
    return true;
  }

  /** Creates a ticket; returns its id. */
  private String open(Notification notification, int status) throws DeliveryException {
    ObjectNode ticket = TicketPayloads.ticket(notification, settings, status);
    HttpResponse<String> created = send("POST", settings.ticketsUrl(), ticket, notification);
    return FreshdeskAnswers.createdId(FreshdeskAnswers.FRESHDESK.check(created, context.clock()), "ticket");
  }

  /**
   * Sends one call and returns the answer, whatever its status. Logs when the account has no calls
   * left in the window: the next call will get a 429 and wait for its Retry-After.
   */
  private HttpResponse<String> send(String method, URI url, ObjectNode body, Notification notification)
      throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .method(method, context.json().body(body))
        .header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {}: Freshdesk {} {}: HTTP {}", notification.deliveryId(), method, url.getPath(),
        response.statusCode());
    if (FreshdeskAnswers.remaining(response).filter(left -> left == 0).isPresent()) {
      context.logger().warn("Freshdesk reports no API calls left for this account ({} per window); further calls "
          + "wait for its Retry-After", FreshdeskAnswers.total(response).map(String::valueOf).orElse("?"));
    }
    return response;
  }

  @Override
  public String toString() {
    return "FreshdeskSession[" + context.instanceId() + " → " + settings.host() + "]";
  }
}
