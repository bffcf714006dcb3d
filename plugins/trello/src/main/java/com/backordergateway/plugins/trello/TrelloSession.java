package com.backordergateway.plugins.trello;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.support.FollowUps;
import com.backordergateway.connector.support.RequestWindow;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured Trello board. A case's first notice creates a card on the Backorder list (name:
 * the template's subject; description: its body; due: the ETA; the configured labels and
 * members, whom Trello notifies); the card id is the receipt's reference. A new date comments on
 * that card and moves its due date; the resolution comments and moves the card to the Resolved
 * list (archiving it when configured). A follow-up whose card was deleted creates a new one and
 * the receipt's note says so.
 *
 * <p>The key and token travel as query parameters, so a request's URI is never logged or put
 * into a message (its method and path are). Holds no mutable state of its own (the token's
 * {@link RequestWindow} is shared and thread-safe).
 */
final class TrelloSession implements ConnectorSession {

  private static final Pattern CARD_ID = Pattern.compile(TrelloSettings.OBJECT_ID);
  /** A new card's name, description and a comment: Trello takes 16,384 characters in each. */
  static final int MAX_TEXT = 16_384;

  private final TrelloSettings settings;
  private final ConnectorContext context;
  private final RequestWindow window;

  TrelloSession(TrelloSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.window = RequestWindow.shared(settings.token(), settings.requestsPer10s(), TrelloAnswers.WINDOW,
        "requests in 10 s for this Trello token");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    String name = text(notification.message().subject(), "card name", notification);
    String body = text(notification.message().body(), "card description", notification);
    Optional<String> card = FollowUps.recordOf(notification, CARD_ID, "Trello card", context);
    if (card.isEmpty()) {
      window.reserve(1, context.clock());
      return DeliveryReceipt.of(create(notification, name, body).id());
    }
    window.reserve(requestsAtMost(notification), context.clock());
    HttpResponse<String> comment = send(json(settings.url("cards/" + card.get() + "/actions/comments"))
        .POST(context.json().body(context.json().object().put("text", body))));
    if (TrelloAnswers.cardGone(comment)) {
      return replace(card.get(), notification, name, body);
    }
    TrelloAnswers.ANSWERS.check(comment, context.clock());
    ObjectNode change = notification.purpose() == Purpose.RESOLUTION ? resolved() : due(notification);
    if (!change.isEmpty()) {
      update(card.get(), change);
    }
    return DeliveryReceipt.of(card.get());
  }

  /**
   * The follow-up of a card deleted meanwhile: a new card with the follow-up's text (and its due
   * date), moved on at once when the case is over; the note says which card replaced which.
   */
  private DeliveryReceipt replace(String goneCard, Notification notification, String name, String body)
      throws DeliveryException {
    CreatedCard created = create(notification, name, body);
    if (notification.purpose() == Purpose.RESOLUTION) {
      update(created.id(), resolved());
    }
    String note = "card " + goneCard + " was deleted in Trello; created " + created.describe();
    context.logger().warn("delivery {}: {}", notification.deliveryId(), note);
    return DeliveryReceipt.of(created.id()).withNote(note);
  }

  /**
   * What a follow-up may send, reserved before its first request: the comment, then the due
   * date or a new card (2); a resolution may also need the move of that new card (3).
   */
  private static int requestsAtMost(Notification notification) {
    return notification.purpose() == Purpose.RESOLUTION ? 3 : 2;
  }

  /** A card on the Backorder list. */
  private CreatedCard create(Notification notification, String name, String description) throws DeliveryException {
    ObjectNode card = context.json().object().put("idList", settings.backorderList()).put("name", name)
        .put("desc", description).put("pos", "top");
    card.setAll(due(notification));
    if (!settings.labelIds().isEmpty()) {
      card.put("idLabels", String.join(",", settings.labelIds()));
    }
    if (!settings.memberIds().isEmpty()) {
      card.put("idMembers", String.join(",", settings.memberIds()));
    }
    HttpResponse<String> answer = TrelloAnswers.ANSWERS.check(
        send(json(settings.url("cards")).POST(context.json().body(card))), context.clock());
    CreatedCard created = TrelloAnswers.createdCard(answer);
    context.logger().info("delivery {}: created Trello {}", notification.deliveryId(), created.describe());
    return created;
  }

  private void update(String card, ObjectNode change) throws DeliveryException {
    TrelloAnswers.ANSWERS.check(send(json(settings.url("cards/" + card)).PUT(context.json().body(change))),
        context.clock());
  }

  /** The move a resolution makes: to the Resolved list, archived when configured. */
  private ObjectNode resolved() {
    ObjectNode change = context.json().object().put("idList", settings.resolvedList()).put("pos", "top");
    return settings.archiveOnResolution() ? change.put("closed", true) : change;
  }

  /** {@code due} set to the ETA, or nothing when there is none. */
  private ObjectNode due(Notification notification) {
    ObjectNode due = context.json().object();
    try {
      String eta = notification.fact("eta").strip();
      if (!eta.isEmpty()) {
        due.put("due", Instant.parse(eta).toString());
      }
    } catch (DateTimeException notAnInstant) {
      context.logger().warn("delivery {}: the eta fact is not an instant; the card's due date is left as it is",
          notification.deliveryId());
    }
    return due;
  }

  /** Sends the request; logs its method and path only, as the query holds the key and token. */
  private HttpResponse<String> send(HttpRequest.Builder builder) throws DeliveryException {
    HttpRequest request = builder.build();
    HttpResponse<String> answer = context.http().send(request);
    context.logger().debug("Trello {} {}: HTTP {}", request.method(), request.uri().getRawPath(), answer.statusCode());
    return answer;
  }

  private static HttpRequest.Builder json(URI uri) {
    return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Accept", "application/json");
  }

  private static String text(String value, String what, Notification notification) throws PermanentDeliveryException {
    String text = value.strip();
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      throw new PermanentDeliveryException("trello: the rendered " + what + " is " + (text.isEmpty() ? "empty"
          : text.length() + " characters, more than Trello's " + MAX_TEXT) + "; check the template for "
          + notification.trigger() + " / " + notification.purpose());
    }
    return text;
  }

  @Override
  public String toString() {
    return "TrelloSession[" + context.instanceId() + " → " + settings.host() + ", list " + settings.backorderList() + "]";
  }
}
