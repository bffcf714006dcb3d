package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.support.FollowUps;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured monday.com board. The first notification of a case (for staff) or of an order
 * (for a customer) creates an item, sets its status column to the case's label and posts the
 * rendered notice as an update that @mentions the owners; the item id is the receipt's reference.
 * The case's follow-ups carry it: an ETA correction moves the status (and the date column), a
 * resolution sets the restocked or cancelled label, and each posts its update on the same item.
 * When that item was deleted meanwhile, a new one is created and the receipt's note says so.
 *
 * <p>The status is set with {@code change_column_value} after {@code create_item} rather than in
 * the item's starting values, so the board's "when Status changes to …" automations see a change.
 * Safe for concurrent deliveries: the only state is {@link OpenedItems}, which is synchronized.
 */
final class MondaySession implements ConnectorSession {

  private static final Pattern ITEM_ID = Pattern.compile("[1-9][0-9]{0,19}");

  private final MondaySettings settings;
  private final ConnectorContext context;
  private final PlatformResponses answers;
  private final OpenedItems opened = new OpenedItems();

  MondaySession(MondaySettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.answers = MondayAnswers.on(context.clock());
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    String body = ItemWording.updateBody(notification);
    Optional<String> previous = FollowUps.recordOf(notification, ITEM_ID, "monday.com item", context);
    return previous.isEmpty() ? open(notification, body) : followUp(notification, previous.get(), body);
  }

  /** Creates the item (unless an earlier attempt of this delivery did), sets its status and posts the update. */
  private DeliveryReceipt open(Notification notification, String body) throws DeliveryException {
    Optional<String> earlier = opened.of(notification.deliveryId());
    String item;
    if (earlier.isPresent()) {
      item = earlier.get();
      context.logger().info("delivery {}: carrying on with monday.com item {}, created by an earlier attempt",
          notification.deliveryId(), item);
    } else {
      ObjectNode create = BoardMutations.createItem(settings, ItemWording.itemName(notification),
          ColumnValues.forNewItem(notification, settings));
      item = MondayAnswers.itemId(answers.check(send("create_item", create), context.clock()));
      opened.remember(notification.deliveryId(), item);
    }
    Optional<String> label = settings.labels().forStatus(notification.fact("status"));
    if (label.isPresent()) {
      answers.check(send("change_column_value", BoardMutations.setStatus(settings, item, label.get(), Optional.empty())),
          context.clock());
    }
    answers.check(send("create_update", BoardMutations.postUpdate(item, body, settings.ownerIds())), context.clock());
    opened.forget(notification.deliveryId());
    return new DeliveryReceipt(item, item);
  }

  /** Moves the status (and date) of the case's item and posts the update there; a new item when it is gone. */
  private DeliveryReceipt followUp(Notification notification, String item, String body) throws DeliveryException {
    Optional<String> label = settings.labels().forStatus(notification.fact("status"));
    Optional<LocalDate> day = notification.purpose() == Purpose.ETA_CORRECTION
        ? ColumnValues.expectedDay(notification, settings) : Optional.empty();
    if (label.isPresent()) {
      HttpResponse<String> answer = send("change_column_value",
          BoardMutations.setStatus(settings, item, label.get(), day));
      if (MondayAnswers.itemGone(answer)) {
        return reopen(notification, item, body);
      }
      answers.check(answer, context.clock());
    }
    HttpResponse<String> posted = send("create_update", BoardMutations.postUpdate(item, body, settings.ownerIds()));
    if (MondayAnswers.itemGone(posted)) {
      return reopen(notification, item, body);
    }
    answers.check(posted, context.clock());
    return new DeliveryReceipt(item, item);
  }

  private DeliveryReceipt reopen(Notification notification, String goneItem, String body) throws DeliveryException {
    DeliveryReceipt opened = open(notification, body);
    context.logger().warn("delivery {}: monday.com item {} was not found; created item {}", notification.deliveryId(),
        goneItem, opened.externalId());
    return opened.withNote("item " + goneItem + " was not found on monday.com (deleted); created item "
        + opened.externalId());
  }

  /** POSTs one GraphQL request; the token is the bare {@code Authorization} value, as monday.com takes it. */
  private HttpResponse<String> send(String mutation, ObjectNode graphql) throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(settings.graphqlUrl())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", settings.apiToken())
        .header("API-Version", settings.apiVersion())
        .POST(context.json().body(graphql))
        .build();
    HttpResponse<String> answer = context.http().send(request);
    context.logger().debug("monday.com {} on board {}: HTTP {}", mutation, settings.boardId(), answer.statusCode());
    return answer;
  }

  @Override
  public String toString() {
    return "MondaySession[" + context.instanceId() + " → " + settings.host() + ", board " + settings.boardId()
        + ", API " + settings.apiVersion() + "]";
  }
}
